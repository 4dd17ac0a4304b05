internal import CGEOS

/// Owns one GEOS context handle (`GEOS_init_r` / `GEOS_finish_r`) and collects the messages
/// its error handler reports, so that a failed call can be thrown with GEOS's own reason.
///
/// Not `Sendable`: a GEOS context must not be used from two threads at once. Short operations
/// create a fresh context each; long-lived owners (``STRtree``, ``PreparedGeometry``) keep one.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    final class MessageBox {
        var last: String?
    }

    init() throws(GeometryError) {
        guard let handle = GEOS_init_r() else {
            throw .geos(function: "GEOS_init_r", message: "could not create a context")
        }
        self.handle = handle
        self.messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                let box = Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue()
                box.last = String(cString: message)
            }, box)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error for a failed call to `function`, carrying GEOS's last message.
    func error(_ function: String) -> GeometryError {
        defer { messages.last = nil }
        return .geos(function: function, message: messages.last ?? "no message from GEOS")
    }

    /// The last message GEOS reported, cleared on read.
    func takeMessage() -> String? {
        defer { messages.last = nil }
        return messages.last
    }
}

/// A GEOS geometry owned by Swift: destroyed with `GEOSGeom_destroy_r` when released.
final class GEOSObject {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }
}

/// Interprets a GEOS predicate result: 1 true, 0 false, 2 an exception (documented failure value).
func predicateResult(_ value: CChar, _ context: GEOSContext, _ function: String) throws(GeometryError) -> Bool {
    switch value {
    case 1: return true
    case 0: return false
    default: throw context.error(function)
    }
}
