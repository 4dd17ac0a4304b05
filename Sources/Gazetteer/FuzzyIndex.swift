import Synchronization

/// Trigram postings over the gazetteer's keys, for fuzzy look-ups.
struct FuzzyIndex: Sendable {
    /// Every distinct key, sorted.
    let keys: [String]
    /// The places of each key.
    let keyPlaces: [[Int32]]
    /// Hashed trigram → indices into ``keys``.
    let postings: [Int: [Int32]]

    init(exact: [String: [Int32]]) {
        keys = exact.keys.sorted()
        keyPlaces = keys.map { exact[$0] ?? [] }
        var postings = [Int: [Int32]]()
        for (k, key) in keys.enumerated() {
            for gram in Set(Gazetteer.trigrams(of: key)) { postings[gram, default: []].append(Int32(k)) }
        }
        self.postings = postings
    }

    /// Holds the index once built; shared by copies of one gazetteer, safe across tasks.
    final class Box: Sendable {
        private let built = Mutex<FuzzyIndex?>(nil)
        private let prefixes = Mutex<[FastKey: Bool]?>(nil)
        private let byBytes = Mutex<ByteTable?>(nil)
        private let sounds = Mutex<[String: [Int32]]?>(nil)

        /// Latin sound key → place indices, built on the first sound-alike look-up: only a
        /// name with no exact match asks for it.
        func soundIndex(_ nameKeys: [[Gazetteer.NameKey]]) -> [String: [Int32]] {
            sounds.withLock { value in
                if let value { return value }
                var map = [String: [Int32]](minimumCapacity: nameKeys.count * 2)
                for (index, keys) in nameKeys.enumerated() {
                    for (n, nameKey) in keys.enumerated() where !nameKey.sound.isEmpty {
                        // Once per place, however many of its names sound alike.
                        if keys[..<n].contains(where: { $0.sound == nameKey.sound }) { continue }
                        map[nameKey.sound, default: []].append(Int32(index))
                    }
                }
                value = map
                return map
            }
        }

        /// The exact-key map keyed by UTF-8 bytes, for bulk look-ups.
        func exactByBytes(_ exact: [String: [Int32]]) -> ByteTable {
            byBytes.withLock { value in
                if let value { return value }
                let table = ByteTable(exact)
                value = table
                return table
            }
        }

        /// Every whole-word prefix of every key ("دير", "دير زور"), mapped to whether it is a
        /// whole key itself.
        func keyPrefixes(_ exact: [String: [Int32]]) -> [FastKey: Bool] {
            prefixes.withLock { value in
                if let value { return value }
                var map = [FastKey: Bool](minimumCapacity: exact.count * 2)
                for key in exact.keys {
                    var prefix = ""
                    for word in key.split(separator: " ") {
                        prefix = prefix.isEmpty ? String(word) : prefix + " " + word
                        if map[FastKey(prefix)] == nil { map[FastKey(prefix)] = false }
                    }
                    map[FastKey(key)] = true
                }
                value = map
                return map
            }
        }

        func index(_ exact: [String: [Int32]]) -> FuzzyIndex {
            built.withLock { value in
                if let value { return value }
                let index = FuzzyIndex(exact: exact)
                value = index
                return index
            }
        }
    }
}
