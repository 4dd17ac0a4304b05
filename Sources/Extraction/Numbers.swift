import Gazetteer

/// Counts as news writes them: digits (also Arabic-Indic), and number words.
enum Numbers {
    /// ``words`` as tokens' folded forms read them ("مئة" folds to "ميه").
    static let foldedWords = Dictionary(words.map { (PlaceName.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    static let words: [String: Int] = [
        "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
        "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
        "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
        "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80,
        "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100, "مئتين": 200, "مئتان": 200, "الف": 1000, "الفين": 2000,
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "dozen": 12,
    ]

    /// The value of one folded word: digits (with thousands separators) or a number word,
    /// with clitics such as لـ stripped ("لعشرين" → 20).
    static func value(forms: [String], folded: String) -> Int? {
        let digits = folded.filter { $0 != "," && $0 != "٬" }
        if !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits) { return n }
        for form in forms {
            if let n = foldedWords[form] { return n }
        }
        return nil
    }

    static func value(of word: String) -> Int? {
        value(forms: Lexicon.forms(word), folded: word)
    }
}
