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

    public static func == (a: FastKey, b: FastKey) -> Bool { a.string.sameBytes(as: b.string) }

    public func hash(into hasher: inout Hasher) {
        if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var copy = string
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

extension String {
    /// Whether the string's UTF-8 bytes are `bytes`: one `memcmp` (`==` applies Unicode
    /// equivalence, and `utf8.elementsEqual` walks an iterator per byte).
    public func hasBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = utf8
        guard utf8.count == bytes.count else { return false }
        let equal = utf8.withContiguousStorageIfAvailable { p in
            p.count == 0 || memcmp(p.baseAddress!, bytes.baseAddress!, p.count) == 0
        }
        return equal ?? utf8.elementsEqual(bytes)
    }

    /// Whether the two strings have the same UTF-8 bytes: for folded keys and words, which are
    /// in one canonical form already.
    public func sameBytes(as other: String) -> Bool {
        let equal = other.utf8.withContiguousStorageIfAvailable { hasBytes($0) }
        return equal ?? utf8.elementsEqual(other.utf8)
    }
}

/// FNV-1a over bytes: for the byte-keyed tables of the hot paths, where `Hasher`'s SipHash
/// (keyed, made for untrusted keys) was most of a look-up's cost.
public enum FNV1a {
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}

/// An immutable map from byte strings (gazetteer keys) to place indices, in open addressing:
/// the keys' bytes in one buffer, a slot per key at most half full, FNV-1a to place them and one
/// `memcmp` to confirm. Built once per gazetteer for bulk exact look-ups.
struct ByteTable: Sendable {
    private let bytes: [UInt8]
    /// Per key: where its bytes start and end in ``bytes``.
    private let bounds: [(start: Int, end: Int)]
    private let values: [[Int32]]
    /// Per slot: the key index + 1 (0 = empty), and the key's hash.
    private let slots: [Int32]
    private let hashes: [UInt64]

    init(_ map: [String: [Int32]]) {
        var bytes = [UInt8]()
        var bounds = [(start: Int, end: Int)]()
        var values = [[Int32]]()
        var size = 16
        while size < 2 * map.count { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        for (key, places) in map {
            let start = bytes.count
            bytes.append(contentsOf: key.utf8)
            let hash = bytes.withUnsafeBufferPointer { FNV1a.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
            bounds.append((start, bytes.count))
            values.append(places)
            var i = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = Int32(values.count)
            hashes[i] = hash
        }
        self.bytes = bytes
        self.bounds = bounds
        self.values = values
        self.slots = slots
        self.hashes = hashes
    }

    /// The places stored under `key`, if any.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> [Int32]? {
        let hash = FNV1a.hash(key)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBufferPointer { all in
            while slots[i] != 0 {
                let k = Int(slots[i]) - 1
                if hashes[i] == hash {
                    let (start, end) = bounds[k]
                    if end - start == key.count, key.count == 0 || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                        return values[k]
                    }
                }
                i = (i + 1) & mask
            }
            return nil
        }
    }
}
