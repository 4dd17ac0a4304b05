import Synchronization

/// Trigram postings over the gazetteer's keys, for fuzzy look-ups.
struct FuzzyIndex: Sendable {
    /// Hashed trigram → indices into the gazetteer's sorted keys.
    let postings: [Int: [Int32]]

    init(keys: [String]) {
        var postings = [Int: [Int32]]()
        for (k, key) in keys.enumerated() {
            for gram in Set(Gazetteer.trigrams(of: key)) { postings[gram, default: []].append(Int32(k)) }
        }
        self.postings = postings
    }

    /// Holds the index once built; shared by copies of one gazetteer, safe across tasks.
    final class Box: Sendable {
        private let built = Mutex<FuzzyIndex?>(nil)

        func index(_ keys: [String]) -> FuzzyIndex {
            built.withLock { value in
                if let value { return value }
                let index = FuzzyIndex(keys: keys)
                value = index
                return index
            }
        }
    }
}
