internal import CGEOS
public import Foundation

extension Geometry {
    /// Parses Well-Known Text with `GEOSWKTReader_read_r`.
    ///
    /// Throws ``GeometryError/invalidWKT(text:reason:)`` naming the input; never traps.
    public init(wkt: String) throws(GeometryError) {
        guard !wkt.utf8.contains(0) else { throw .invalidWKT(text: wkt, reason: "contains a NUL byte") }
        let context = try GEOSContext()
        guard let reader = GEOSWKTReader_create_r(context.handle) else {
            throw context.error("GEOSWKTReader_create_r")
        }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        guard let g = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw .invalidWKT(text: wkt, reason: context.takeMessage() ?? "unreadable")
        }
        let owner = GEOSObject(context: context, pointer: g)
        let value = try Geometry(borrowing: owner.pointer, context)
        guard value.allPoints.allSatisfy(\.isFinite) else {
            throw .invalidWKT(text: wkt, reason: "a coordinate is NaN or infinite")
        }
        self = value
    }

    /// Writes Well-Known Text with `GEOSWKTWriter_write_r` (trimmed, full precision).
    public func wkt() throws(GeometryError) -> String {
        try withGEOS(self) { (context, g) throws(GeometryError) -> String in
            guard let writer = GEOSWKTWriter_create_r(context.handle) else {
                throw context.error("GEOSWKTWriter_create_r")
            }
            defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
            GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
            GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
            guard let text = GEOSWKTWriter_write_r(context.handle, writer, g) else {
                throw context.error("GEOSWKTWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }
}

extension Geometry {
    /// Parses Well-Known Binary (either byte order) with `GEOSWKBReader_read_r`.
    public init(wkb: Data) throws(GeometryError) {
        guard !wkb.isEmpty else { throw .invalidWKB(byteCount: 0, reason: "empty input") }
        let context = try GEOSContext()
        guard let reader = GEOSWKBReader_create_r(context.handle) else {
            throw context.error("GEOSWKBReader_create_r")
        }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        let bytes = [UInt8](wkb)
        let g = bytes.withUnsafeBufferPointer {
            GEOSWKBReader_read_r(context.handle, reader, $0.baseAddress, $0.count)
        }
        guard let g else {
            throw .invalidWKB(byteCount: wkb.count, reason: context.takeMessage() ?? "unreadable")
        }
        let owner = GEOSObject(context: context, pointer: g)
        let value = try Geometry(borrowing: owner.pointer, context)
        guard value.allPoints.allSatisfy(\.isFinite) else {
            throw .invalidWKB(byteCount: wkb.count, reason: "a coordinate is NaN or infinite")
        }
        self = value
    }

    /// Writes little-endian, two-dimensional Well-Known Binary with `GEOSWKBWriter_write_r`.
    public func wkb() throws(GeometryError) -> Data {
        try withGEOS(self) { (context, g) throws(GeometryError) -> Data in
            guard let writer = GEOSWKBWriter_create_r(context.handle) else {
                throw context.error("GEOSWKBWriter_create_r")
            }
            defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
            GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
            GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))
            var size = 0
            guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, g, &size) else {
                throw context.error("GEOSWKBWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, bytes) }
            return Data(bytes: bytes, count: size)
        }
    }
}
