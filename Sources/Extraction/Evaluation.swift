public import Foundation
import Gazetteer
import IncidentGeodesy

/// The annotation format of ../gold/FORMAT.md, and its scoring.
public enum Evaluation {
    /// One gold document.
    public struct GoldDocument: Codable, Sendable {
        public var id: String
        public var lang: String?
        public var source: String?
        public var published: String?
        public var text: String?
        public var toponyms: [GoldToponym]
        public var incidents: [GoldIncident]
    }

    public struct GoldToponym: Codable, Sendable {
        public var surface: String
        public var name: String
        public var kind: String?
        public var lat: Double
        public var lon: Double
        public var tolerance_km: Double?
        public var coord_source: String?
    }

    public struct GoldIncident: Codable, Sendable {
        public var type: String
        public var date: String?
        public var date_end: String?
        public var date_precision: String?
        public var place: String
        public var lat: Double
        public var lon: Double
        public var actors: [String]
        public var fatalities: Int?
        public var people: Int?
        public var claimed_by: String?
        public var disputed: Bool?
    }

    /// What went wrong reading a gold file.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case unreadable(path: String)
        case badLine(path: String, line: Int, reason: String)
        case missingText(document: String, source: String)

        /// One line naming the input.
        public var description: String {
            switch self {
            case .unreadable(let path): "\(path): cannot read the gold file"
            case .badLine(let path, let line, let reason): "\(path):\(line): \(reason)"
            case .missingText(let document, let source): "gold document \(document): no text, and \(source) was not found under seeds/"
            }
        }
    }

    /// Reads a gold JSONL file.
    public static func readGold(path: String) throws(Failure) -> [GoldDocument] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        var documents = [GoldDocument]()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                documents.append(try JSONDecoder().decode(GoldDocument.self, from: Data(line.utf8)))
            } catch {
                throw .badLine(path: path, line: n + 1, reason: "not a gold document (\(error))")
            }
        }
        return documents
    }

    /// The article of a gold document: its `text`, or the file its `source` names under a
    /// `seeds/` folder beside the gold file, above it, or in the working directory.
    public static func article(for document: GoldDocument, goldPath: String) throws(Failure) -> Article {
        let published = document.published.flatMap(Day.init(iso:))
        if let text = document.text {
            return Article(id: document.id, source: document.source ?? document.id, text: text, published: published, language: document.lang)
        }
        let source = document.source ?? ""
        let goldDir = (goldPath as NSString).deletingLastPathComponent
        let candidates = [
            (goldDir as NSString).appendingPathComponent("seeds/\(source)"),
            (goldDir as NSString).appendingPathComponent("../seeds/\(source)"),
            (goldDir as NSString).appendingPathComponent("../../seeds/\(source)"),
            (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("seeds/\(source)"),
        ]
        for path in candidates {
            if let article = try? ArticleReader.read(path: path) {
                var copy = article
                copy.id = document.id
                copy.published = published ?? article.published
                if let lang = document.lang { copy.language = lang }
                return copy
            }
        }
        throw .missingText(document: document.id, source: source)
    }

    /// Scores of one run, in the shape FORMAT.md gives for `--json`.
    public struct Report: Codable, Sendable {
        public struct Toponyms: Codable, Sendable {
            public var precision, recall, f1, median_km, within_tolerance, within_161km: Double
        }
        public struct Incidents: Codable, Sendable {
            public var precision, recall, f1, date_exact, actors_all: Double
        }
        public var documents: Int
        public var toponyms: Toponyms
        public var incidents: Incidents
        /// Per document: what was missed and what was extra.
        public var details: [DocumentDetail]
    }

    public struct DocumentDetail: Codable, Sendable {
        public var id: String
        public var missedToponyms: [String]
        public var extraToponyms: [String]
        public var farToponyms: [String]
        public var missedIncidents: [String]
        public var extraIncidents: [String]
    }

    /// Runs the extractor on every gold document and scores it.
    public static func run(
        gold: [GoldDocument], goldPath: String, extractor: Extractor
    ) throws(Failure) -> (report: Report, predictions: [Extraction]) {
        var extractions = [Extraction]()
        for document in gold {
            extractions.append(extractor.extract(try article(for: document, goldPath: goldPath)))
        }
        return (score(gold: gold, predictions: extractions), extractions)
    }

    /// A surface's key without a leading generic word ("مدينة الحسكة" is "الحسكة" as annotated).
    static func surfaceKey(_ surface: String) -> String {
        var words = PlaceName.words(surface)
        if words.count > 1, ["مدينه", "بلده", "قريه", "city", "town", "village"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func km(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        guard let a = try? GeoCoordinate(latitude: lat1, longitude: lon1),
            let b = try? GeoCoordinate(latitude: lat2, longitude: lon2)
        else { return .infinity }
        return Geodesic.distanceMeters(from: a, to: b) / 1000
    }

    /// Scores predictions against gold, document by document (FORMAT.md, "Scoring").
    public static func score(gold: [GoldDocument], predictions: [Extraction]) -> Report {
        var tp = 0, fp = 0, fn = 0
        var errors = [Double]()
        var withinTolerance = 0
        var itp = 0, ifp = 0, ifn = 0
        var dateExact = 0, actorsAll = 0
        var details = [DocumentDetail]()
        for (document, extraction) in zip(gold, predictions) {
            // Toponyms: one prediction per distinct place.
            var predicted = [Mention]()
            for m in extraction.mentions where m.score > 0 && !m.isAnaphor && !predicted.contains(where: { $0.place.id == m.place.id }) {
                predicted.append(m)
            }
            var used = Set<Int>()
            var detail = DocumentDetail(id: document.id, missedToponyms: [], extraToponyms: [], farToponyms: [], missedIncidents: [], extraIncidents: [])
            // Three passes over all gold toponyms, so a loose match never takes a prediction that
            // a stricter one needs: the same surface, then the same name, then the same place.
            var assignment = [Int?](repeating: nil, count: document.toponyms.count)
            for pass in 0..<3 {
                for (g, t) in document.toponyms.enumerated() where assignment[g] == nil {
                    let surfaceKey = Self.surfaceKey(t.surface)
                    let tolerance = t.tolerance_km ?? 5
                    let goldWords = Set(surfaceKey.split(separator: " "))
                    func distance(_ i: Int) -> Double {
                        km(t.lat, t.lon, predicted[i].place.coordinate.latitude, predicted[i].place.coordinate.longitude)
                    }
                    let open = predicted.indices.filter { !used.contains($0) }
                    let match: Int?
                    switch pass {
                    case 0: match = open.filter { Self.surfaceKey(predicted[$0].surface) == surfaceKey }.min { distance($0) < distance($1) }
                    case 1: match = open.first { PlaceName.key(predicted[$0].place.name) == PlaceName.key(t.name) }
                    default:
                        match = open.first { i in
                            distance(i) <= min(tolerance, 5)
                                || (distance(i) <= tolerance
                                    && !goldWords.isDisjoint(with: PlaceName.key(predicted[i].surface).split(separator: " ")))
                        }
                    }
                    if let i = match {
                        used.insert(i)
                        assignment[g] = i
                    }
                }
            }
            for (g, t) in document.toponyms.enumerated() {
                let tolerance = t.tolerance_km ?? 5
                if let i = assignment[g] {
                    tp += 1
                    let e = km(t.lat, t.lon, predicted[i].place.coordinate.latitude, predicted[i].place.coordinate.longitude)
                    errors.append(e)
                    if e <= tolerance { withinTolerance += 1 } else { detail.farToponyms.append("\(t.surface) → \(predicted[i].place.name) (\(Int(e.rounded())) km)") }
                } else {
                    fn += 1
                    detail.missedToponyms.append("\(t.surface) (\(t.name))")
                }
            }
            for i in predicted.indices where !used.contains(i) {
                fp += 1
                detail.extraToponyms.append("\(predicted[i].surface) → \(predicted[i].place.name)")
            }
            // Incidents.
            var usedIncidents = Set<Int>()
            for g in document.incidents {
                guard let gStart = g.date.flatMap(Day.init(iso:)) else { continue }
                let gEnd = g.date_end.flatMap(Day.init(iso:)) ?? gStart
                let match = extraction.incidents.indices.first { i in
                    let p = extraction.incidents[i]
                    guard !usedIncidents.contains(i), p.type.rawValue == g.type, let d = p.date else { return false }
                    let placeOK = km(g.lat, g.lon, p.place.coordinate.latitude, p.place.coordinate.longitude) <= 10
                    // Within a day of the gold date, or the two ranges overlap.
                    let dateOK = abs(d.start.ordinal - gStart.ordinal) <= 1
                        || DateRange(start: gStart, end: gEnd, precision: .day).overlaps(d, slackDays: 1)
                    return placeOK && dateOK
                }
                if let i = match {
                    usedIncidents.insert(i)
                    itp += 1
                    let p = extraction.incidents[i]
                    if p.date?.start == gStart { dateExact += 1 }
                    if Set(g.actors).isSubset(of: Set(p.actors.map(\.rawValue))) { actorsAll += 1 }
                } else {
                    ifn += 1
                    detail.missedIncidents.append("\(g.type) \(g.date ?? "?") \(g.place)")
                }
            }
            for i in extraction.incidents.indices where !usedIncidents.contains(i) {
                ifp += 1
                let p = extraction.incidents[i]
                detail.extraIncidents.append("\(p.type.rawValue) \(p.date?.start.description ?? "?") \(p.place.name)")
            }
            details.append(detail)
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        let sorted = errors.sorted()
        let median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let tP = ratio(tp, tp + fp), tR = ratio(tp, tp + fn)
        let iP = ratio(itp, itp + ifp), iR = ratio(itp, itp + ifn)
        return Report(
            documents: gold.count,
            toponyms: .init(
                precision: tP, recall: tR, f1: f1(tP, tR), median_km: median, within_tolerance: ratio(withinTolerance, tp),
                within_161km: ratio(errors.filter { $0 <= 161 }.count, tp)),
            incidents: .init(
                precision: iP, recall: iR, f1: f1(iP, iR), date_exact: ratio(dateExact, itp), actors_all: ratio(actorsAll, itp)),
            details: details)
    }
}
