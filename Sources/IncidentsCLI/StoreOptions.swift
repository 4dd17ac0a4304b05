public import ArgumentParser
public import Extraction
import Foundation
import IncidentPostGIS
import IncidentStore

/// `--db`: where incidents are stored.
public struct StoreOptions: ParsableArguments {
    @Option(
        help: "The database: a SQLite file path or postgres://user@host:port/database (default: $INCIDENTS_DB or ./incidents.sqlite)."
    )
    var db: String?

    /// Created by ArgumentParser.
    public init() {}

    /// The location to use.
    var location: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["INCIDENTS_DB"], !env.isEmpty { return env }
        return "incidents.sqlite"
    }

    /// Runs `body` with the store at ``location``: the SQLite file, or PostGIS for a
    /// `postgres://` URL (connected for the duration of `body`).
    func withStore<Result: Sendable>(_ body: (any IncidentStoring) async throws -> Result) async throws -> Result {
        let location = self.location
        if PostGISLocation.isPostgresURL(location) {
            return try await PostGISStore.withStore(location) { try await body($0) }
        }
        return try await body(try IncidentStore(path: location))
    }

    /// Opens the SQLite store, for the commands that read it directly (export, animate,
    /// control, serve); `cacheMegabytes` is SQLite's page cache per connection.
    func open(cacheMegabytes: Int = 8, mapMegabytes: Int = 1024, for command: String) throws -> IncidentStore {
        let location = self.location
        if PostGISLocation.isPostgresURL(location) {
            throw ValidationError(
                "`incidents \(command)` reads a SQLite store; ingest, near, list and show also work on PostGIS (\(location))")
        }
        return try IncidentStore(path: location, cacheMegabytes: cacheMegabytes, mapMegabytes: mapMegabytes)
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
