import Foundation

/// A string compared and hashed by its UTF-8 bytes.
///
/// `String`'s own equality and hashing apply Unicode canonical equivalence, which is costly for
/// Arabic text; folded keys are already in one canonical form, so bytes decide. Used for the
/// look-ups that run once per word of every article.
public struct FastKey: Hashable, Sendable {
    public let string: String

    /// Wraps a folded key.
    public init(_ string: String) {
        var copy = string
        copy.makeContiguousUTF8()
        self.string = copy
    }

    public static func == (a: FastKey, b: FastKey) -> Bool {
        let x = a.string.utf8
        let y = b.string.utf8
        guard x.count == y.count else { return false }
        // One memcmp over the contiguous bytes (the init made them contiguous; small strings too).
        let same = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        return (same ?? nil) ?? x.elementsEqual(y)
    }

    public func hash(into hasher: inout Hasher) {
        if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = string
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// UTF-8 bytes as a dictionary key, hashed in one call (an `Array<UInt8>` feeds the hasher
/// byte by byte, which made hashing most of an exact look-up's cost).
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes.withUnsafeBufferPointer { x in
            b.bytes.withUnsafeBufferPointer { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
