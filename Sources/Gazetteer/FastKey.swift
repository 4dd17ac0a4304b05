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
        a.string.utf8.elementsEqual(b.string.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
