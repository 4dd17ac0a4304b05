public import Gazetteer

/// Where a place name stands in an article, and the place it was resolved to.
public struct Mention: Hashable, Sendable {
    /// The name as written, without a leading clitic.
    public let surface: String
    /// Scalar offsets in the article text.
    public let start: Int
    public let end: Int
    public let sentence: Int
    let firstToken: Int
    let lastToken: Int
    /// The chosen place and its score.
    public var place: Place
    public var score: Double
    /// Other candidates, best first, for disambiguation by context.
    var alternatives: [PlaceCandidate]
    /// A facility kind the text implies ("حقول …").
    var kindHint: PlaceKind?
    /// A generic noun ("السجن") standing for an earlier place: it locates incidents but is not a toponym.
    public var isAnaphor: Bool
    /// A name read without the facility it names ("Saida" of "the Saida oil station"): kept only
    /// near the text's other places.
    var needsNearbyPlace = false
}

/// Where an incident was read: the document, the span and the sentence.
public struct IncidentSource: Hashable, Sendable, Codable {
    public var document: String
    public var start: Int
    public var end: Int
    public var sentence: String

    /// A source: the document id, the sentence's scalar offsets and its text.
    public init(document: String, start: Int, end: Int, sentence: String) {
        self.document = document
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}

/// One thing that happened at a place on a date, with who, how many and who says so.
public struct Incident: Hashable, Sendable {
    public var type: IncidentType
    /// Nil when the text gives no date and the article's date is unknown.
    public var date: DateRange?
    /// Whether the date is the publication date because the text gave none for this incident:
    /// the event happened then or in the days before.
    public var dateInferred: Bool = false
    public var place: Place
    /// ACLED-style geo-precision: 1 the named place, 2 near it or part of it, 3 only a region.
    public var geoPrecision: Int
    /// Canonical actors, the initiator first when the text makes it clear.
    public var actors: [Actor]
    public var fatalities: Int?
    /// Detainees, escapees, arrested or hostages counted.
    public var people: Int?
    /// The actor or outlet whose claim this is.
    public var claimedBy: String?
    /// Whether the text reports a denial or a contrary claim.
    public var disputed: Bool
    public var sources: [IncidentSource]

    /// An incident with every field given.
    public init(
        type: IncidentType, date: DateRange?, dateInferred: Bool = false, place: Place, geoPrecision: Int, actors: [Actor],
        fatalities: Int?, people: Int?, claimedBy: String?, disputed: Bool, sources: [IncidentSource]
    ) {
        self.type = type
        self.date = date
        self.dateInferred = dateInferred
        self.place = place
        self.geoPrecision = geoPrecision
        self.actors = actors
        self.fatalities = fatalities
        self.people = people
        self.claimedBy = claimedBy
        self.disputed = disputed
        self.sources = sources
    }

    /// A stable id from the type, place, start date and first source: the same incident
    /// extracted again gets the same id.
    public var id: String {
        let key = "\(type.rawValue)|\(place.id)|\(date?.start.description ?? "-")|\(sources.first?.document ?? "")|\(sources.first?.start ?? 0)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// What extraction found in one article.
public struct Extraction: Sendable {
    public var article: Article
    public var mentions: [Mention]
    public var incidents: [Incident]
    /// Notes for the user, e.g. that relative dates stayed unresolved.
    public var warnings: [String]
}
