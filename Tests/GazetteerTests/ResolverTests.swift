import Foundation
import Gazetteer
import IncidentGeodesy
import Testing

@Suite("Resolving names against the real gazetteer")
struct ResolverTests {
    let gazetteer = Fixtures.gazetteer

    /// Spellings as news writes them → the canonical name of the place meant.
    static let spellings: [(String, String)] = [
        ("al-Shaddadi", "al-Shaddadi"), ("Ash Shaddadah", "al-Shaddadi"), ("Shadadi", "al-Shaddadi"),
        ("Shaddadeh", "al-Shaddadi"), ("الشدادي", "al-Shaddadi"), ("والشدادي", "al-Shaddadi"),
        ("بالشدادي", "al-Shaddadi"), ("الشَّدَّادي", "al-Shaddadi"),
        ("Ghuwayran", "Ghuwayran"), ("Ghweiran", "Ghuwayran"), ("Gweiran", "Ghuwayran"), ("غويران", "Ghuwayran"),
        ("Hasakah", "al-Hasakah"), ("al-Hasakah", "al-Hasakah"), ("Hassakeh", "al-Hasakah"), ("Al-Hasaka", "al-Hasakah"),
        ("الحسكة", "al-Hasakah"), ("بالحسكة", "al-Hasakah"), ("للحسكة", "al-Hasakah"), ("وبالحسكة", "al-Hasakah"),
        ("Raqqa", "Raqqa"), ("ar-Raqqah", "Raqqa"), ("Raqqah", "Raqqa"), ("الرقة", "Raqqa"), ("والرقة", "Raqqa"),
        ("Qamishli", "Qamishli"), ("Qamishlo", "Qamishli"), ("Kamishli", "Qamishli"), ("القامشلي", "Qamishli"),
        ("قامشلو", "Qamishli"), ("Tarifawi", "al-Tarifawi"), ("طريفاوي", "al-Tarifawi"),
        ("Deir ez-Zor", "Deir ez-Zor"), ("Deir al-Zour", "Deir ez-Zor"), ("Dayr az Zawr", "Deir ez-Zor"),
        ("دير الزور", "Deir ez-Zor"), ("al-Hol", "al-Hol"), ("al-Hawl", "al-Hol"),
        ("Ras al-Ain", "Ras al-Ayn"), ("Ras al-Ayn", "Ras al-Ayn"), ("Serekaniye", "Ras al-Ayn"),
        ("رأس العين", "Ras al-Ayn"), ("Tal Abyad", "Tell Abyad"), ("Tell Abiad", "Tell Abyad"), ("تل أبيض", "Tell Abyad"),
        ("Ain Issa", "Ain Issa"), ("Ayn Issa", "Ain Issa"), ("عين عيسى", "Ain Issa"),
        ("Tabqa", "al-Tabqa"), ("الطبقة", "al-Tabqa"), ("Kobani", "Kobani"), ("عين العرب", "Kobani"),
        ("Busayrah", "al-Busayrah"), ("al-Busaira", "al-Busayrah"), ("البصيرة", "al-Busayrah"),
        ("Hajin", "Hajin"), ("هجين", "Hajin"), ("Baghouz", "al-Baghuz"), ("الباغوز", "al-Baghuz"),
        ("Albu Kamal", "Abu Kamal"), ("البوكمال", "Abu Kamal"), ("Mayadin", "al-Mayadin"), ("الميادين", "al-Mayadin"),
        ("Derik", "al-Malikiyah"), ("المالكية", "al-Malikiyah"), ("Amuda", "Amuda"), ("عامودا", "Amuda"),
        ("Yarubiyah", "al-Yarubiyah"), ("al-Ya'rubiyah", "al-Yarubiyah"), ("اليعربية", "al-Yarubiyah"),
        ("سجن الشدادي", "al-Shaddadi prison"), ("al-Shaddadi prison", "al-Shaddadi prison"),
        ("سجن الصناعة", "Ghuwayran prison (al-Sina'a prison)"), ("سجن غويران", "Ghuwayran prison (al-Sina'a prison)"),
        ("al-Sina'a prison", "Ghuwayran prison (al-Sina'a prison)"), ("Gweiran prison", "Ghuwayran prison (al-Sina'a prison)"),
        ("مخيم الهول", "al-Hol camp"), ("al-Hol camp", "al-Hol camp"), ("مخيم روج", "Roj camp"),
        ("حقل العمر", "al-Omar oil field"), ("al-Omar oil field", "al-Omar oil field"), ("حقل كونيكو", "Conoco gas field"),
        ("حقل كونكو", "Conoco gas field"), ("معبر سيمالكا", "Semalka crossing"), ("Semalka", "Semalka crossing"),
        ("Damascus", "Damascus"), ("دمشق", "Damascus"), ("Aleppo", "Aleppo"), ("حلب", "Aleppo"),
        ("Syria", "Syria"), ("سوريا", "Syria"), ("سورية", "Syria"), ("Iraq", "Iraq"), ("العراق", "Iraq"),
        ("Mosul", "Mosul"), ("الموصل", "Mosul"),
    ]

    @Test("Real spellings resolve to the right place (at least 95%)")
    func spellingsResolve() throws {
        var wrong = [String]()
        for (spelling, expected) in Self.spellings {
            let top = gazetteer.resolve(spelling, limit: 1).first?.place.name
            if top != expected { wrong.append("\(spelling) → \(top ?? "nothing"), expected \(expected)") }
        }
        let share = 1 - Double(wrong.count) / Double(Self.spellings.count)
        #expect(share >= 0.95, "wrong: \(wrong)")
    }

    @Test("A kind hint picks the facility over the town of the same name")
    func kindHint() throws {
        let prison = try #require(gazetteer.resolve("الشدادي", hints: ResolveHints(kind: .prison), limit: 1).first)
        #expect(prison.place.kind == .prison)
        let town = try #require(gazetteer.resolve("الشدادي", limit: 1).first)
        #expect(town.place.kind == .town)
        let field = try #require(gazetteer.resolve("التنك", hints: ResolveHints(kind: .oilfield), limit: 1).first)
        #expect(field.place.name == "al-Tanak oil field")
    }

    @Test("A facility word with a settlement finds the facility beside it")
    func facilityNearSettlement() throws {
        let prison = try #require(gazetteer.resolve("سجن الرقة", limit: 1).first)
        #expect(prison.place.kind == .prison)
        let raqqa = try #require(gazetteer.resolve("الرقة", limit: 1).first)
        #expect(Geodesic.distanceMeters(from: prison.place.coordinate, to: raqqa.place.coordinate) < 15_000)
    }

    @Test("Context decides between places of one name")
    func contextHint() throws {
        // "al-Thawra" is a neighbourhood of Raqqa and also of Deir ez-Zor (حي الثورة).
        let raqqa = try #require(gazetteer.resolve("Raqqa", limit: 1).first).place.coordinate
        let deir = try #require(gazetteer.resolve("Deir ez-Zor", limit: 1).first).place.coordinate
        let nearRaqqa = try #require(gazetteer.resolve("حي الثورة", hints: ResolveHints(context: [raqqa]), limit: 1).first)
        let nearDeir = try #require(gazetteer.resolve("حي الثورة", hints: ResolveHints(context: [deir]), limit: 1).first)
        #expect(Geodesic.distanceMeters(from: nearRaqqa.place.coordinate, to: raqqa) < 10_000)
        #expect(Geodesic.distanceMeters(from: nearDeir.place.coordinate, to: deir) < 10_000)
        // "The coalition base" names no place: the one near the text's other places is meant.
        let shaddadi = try #require(gazetteer.resolve("الشدادي", limit: 1).first).place.coordinate
        let base = try #require(gazetteer.resolve("قاعدة التحالف الدولي", hints: ResolveHints(context: [shaddadi]), limit: 1).first)
        #expect(base.place.kind == .base)
        #expect(Geodesic.distanceMeters(from: base.place.coordinate, to: shaddadi) < 10_000)
    }

    @Test("Scores rank exact above sound-alike above fuzzy")
    func ranking() throws {
        let exact = try #require(gazetteer.resolve("Qamishli", limit: 1).first)
        let sound = try #require(gazetteer.resolve("Qamishlee", limit: 1).first)
        let fuzzy = try #require(gazetteer.resolve("Qamishali", limit: 1).first)
        #expect(exact.match == .exact)
        #expect(sound.match == .sound)
        #expect(fuzzy.match == .fuzzy)
        #expect(exact.score > sound.score)
        #expect(sound.place.id == exact.place.id)
        #expect(fuzzy.place.id == exact.place.id)
    }

    @Test("Unknown names give no match, not a wild guess", arguments: ["Xyzzyqwv", "Blorptown", "كلمةغيرموجودة", "Springfield Ohio"])
    func noMatch(_ name: String) {
        #expect(gazetteer.resolve(name).isEmpty)
        #expect(throws: GazetteerError.self) { try gazetteer.resolveBest(name) }
    }

    @Test(
        "Unusual input never crashes",
        arguments: [
            "", "   ", "\u{0}\u{1}\u{7}", String(repeating: "الحسكة ", count: 2_000), "Raqqa الرقة", "🙂🙂",
            "\u{202E}الرقة", String(repeating: "x", count: 10_240),
        ])
    func unusualInput(_ name: String) {
        _ = gazetteer.resolve(name)
        _ = gazetteer.suggestions(for: name)
    }

    @Test("Unknown-place errors suggest the closest names")
    func suggestions() {
        #expect(throws: GazetteerError.self) { try gazetteer.resolveBest("Shadadiyya town") }
        #expect(gazetteer.suggestions(for: "Hasakkaa").contains("al-Hasakah"))
    }

    @Test("Reverse look-up lists places within a radius, nearest first, equal to a scan")
    func reverse() throws {
        let hasakah = try #require(gazetteer.resolve("al-Hasakah", limit: 1).first).place.coordinate
        let found = try gazetteer.places(near: hasakah, radiusMeters: 40_000)
        #expect(found.contains { $0.place.name == "Ghuwayran prison (al-Sina'a prison)" })
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.distanceMeters <= $1.distanceMeters })
        let scan = gazetteer.places.filter { Geodesic.distanceMeters(from: hasakah, to: $0.coordinate) <= 40_000 }
        #expect(Set(found.map(\.place.id)) == Set(scan.map(\.id)))
        let prisons = try gazetteer.places(near: hasakah, radiusMeters: 40_000, kind: .prison)
        #expect(prisons.allSatisfy { $0.place.kind == .prison })
        let bases = try gazetteer.nearest(to: hasakah, kind: .base, count: 2)
        #expect(bases.count == 2 && bases.allSatisfy { $0.place.kind == .base })
    }
}
