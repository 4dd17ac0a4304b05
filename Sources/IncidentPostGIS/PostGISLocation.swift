import Foundation
public import IncidentStore
public import PostgresNIO
import NIOSSL

/// A `postgres://user:password@host:port/database?sslmode=…` URL, parsed.
///
/// `sslmode` follows libpq: `disable`, `prefer` (the default) or `require`. A `host` query
/// parameter that starts with `/` names a folder holding the server's Unix socket, as libpq
/// accepts (`postgres:///incidents?host=/var/run/postgresql`).
public struct PostGISLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var socketFolder: String?
    public var sslMode: String

    /// True for text a user means as a PostgreSQL URL.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `url`, naming it (without its password) when it cannot.
    public init(url: String) throws(StoreError) {
        guard Self.isPostgresURL(url), let parts = URLComponents(string: url) else {
            throw .unsupportedLocation(Self.redacted(url))
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = parts.port ?? 5432
        username = parts.user?.removingPercentEncoding ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password?.removingPercentEncoding ?? query["password"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? username : path
        socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require"].contains(sslMode) else {
            throw .cannotOpen(location: Self.redacted(url), reason: "sslmode \(sslMode) is not one of disable, prefer, require")
        }
        guard (1...65_535).contains(port) else { throw .cannotOpen(location: Self.redacted(url), reason: "port \(port) is out of range") }
    }

    /// The URL without its password, for messages.
    public var description: String {
        let endpoint = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(username)@\(socketFolder == nil ? "\(host):\(port)" : "")/\(database)\(endpoint)"
    }

    /// A URL with its password replaced, for messages about URLs that did not parse.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// The client configuration PostgresNIO connects with.
    func clientConfiguration() -> PostgresClient.Configuration {
        if let socketFolder {
            return PostgresClient.Configuration(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: username, password: password, database: database)
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    private var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case "disable": .disable
        case "require": .require(.makeClientConfiguration())
        default: .prefer(.makeClientConfiguration())
        }
    }
}
