public import ArgumentParser
public import Extraction
import Foundation
import IncidentStore

/// `--db`: where incidents are stored.
public struct StoreOptions: ParsableArguments {
    @Option(help: "The database: a SQLite file path (default: $INCIDENTS_DB or ./incidents.sqlite).")
    var db: String?

    /// Created by ArgumentParser.
    public init() {}

    /// The location to use.
    var location: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["INCIDENTS_DB"], !env.isEmpty { return env }
        return "incidents.sqlite"
    }

    /// Opens the store; `cacheMegabytes` is SQLite's page cache per connection.
    func open(cacheMegabytes: Int = 8) throws -> IncidentStore {
        let location = self.location
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL/PostGIS storage is not available in this build yet; use a SQLite file path")
        }
        return try IncidentStore(path: location, cacheMegabytes: cacheMegabytes)
    }
}

/// Dates given on the command line.
struct DayArgument: ExpressibleByArgument {
    let day: Day
    init?(argument: String) {
        guard let day = Day(iso: argument) else { return nil }
        self.day = day
    }
}

extension IncidentType: ExpressibleByArgument {
    /// Every type, for help and completion.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Actor: ExpressibleByArgument {
    /// Accepts the canonical name in any case: `SDF`, `isis`, `"Syrian government"`.
    public init?(argument: String) {
        guard let actor = Actor.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = actor
    }

    /// Every actor, for help and completion.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Writes a line to standard error: progress and warnings, never results.
func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
