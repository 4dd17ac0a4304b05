import Foundation
import IncidentGeodesy
import IncidentGeometry
import IncidentStore

/// A feature ready to write: a point, its properties as a JSON object text, and a JSON-FG time.
struct Feature {
    let id: String
    let coordinate: GeoCoordinate
    let properties: String
    let time: String?
}

/// Streams features to a file with a buffered handle: memory stays flat for millions of features.
final class FeatureWriter {
    private let handle: FileHandle
    private let format: ExportFormat
    private var json = JSONBytes(capacity: 1 << 20 + 1 << 16)
    private var count = 0

    init(url: URL, format: ExportFormat) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 0)
        self.format = format
        if format == .geojson { json.raw(#"{"type":"FeatureCollection","features":["#) }
    }

    /// Writes one feature; `body` writes the Feature object itself into the buffer.
    private func feature(_ body: (inout JSONBytes) -> Void) throws {
        switch format {
        case .geojson:
            json.raw(count > 0 ? ",\n" : "\n")
        case .geojsonseq:
            json.raw("\u{1E}")
        case .csv:
            return
        }
        body(&json)
        if format == .geojsonseq { json.raw("\n") }
        count += 1
        if json.bytes.count >= 1 << 20 { try flush() }
    }

    func feature(_ f: Feature) throws {
        try feature { Exporter.appendFeature(f, to: &$0) }
    }

    /// An incident, written straight from the stored row into the buffer.
    func incident(_ i: StoredIncident) throws {
        try feature { Exporter.appendIncidentFeature(i, to: &$0) }
    }

    func raw(_ text: String) throws {
        json.raw(text)
        if json.bytes.count >= 1 << 20 { try flush() }
    }

    func finish(bbox: [Double]?) throws {
        if format == .geojson {
            json.raw("\n]")
            if let bbox {
                json.raw(#","bbox":["#)
                for (k, v) in bbox.enumerated() {
                    if k > 0 { json.raw(",") }
                    json.number(v, decimals: 6)
                }
                json.raw("]")
            }
            json.raw("}\n")
        }
        try flush()
        try handle.close()
    }

    private func flush() throws {
        guard !json.bytes.isEmpty else { return }
        try handle.write(contentsOf: json.bytes)
        json.bytes.removeAll(keepingCapacity: true)
    }
}

/// A JSON object built member by member, in insertion order, without intermediate objects.
struct JSONObject {
    private var members = [String]()

    var text: String { "{" + members.joined(separator: ",") + "}" }

    mutating func add(_ key: String, _ value: String?) {
        members.append(Self.quote(key) + ":" + (value.map(Self.quote) ?? "null"))
    }

    mutating func add(_ key: String, _ value: Int?) {
        members.append(Self.quote(key) + ":" + (value.map(String.init) ?? "null"))
    }

    mutating func add(_ key: String, _ value: Double) {
        members.append(Self.quote(key) + ":" + formatCoordinate(value, decimals: 6))
    }

    mutating func add(_ key: String, _ value: Bool) {
        members.append(Self.quote(key) + ":" + (value ? "true" : "false"))
    }

    mutating func add(_ key: String, _ value: [String]) {
        members.append(Self.quote(key) + ":[" + value.map(Self.quote).joined(separator: ",") + "]")
    }

    mutating func addRaw(_ key: String, _ json: String) {
        members.append(Self.quote(key) + ":" + json)
    }

    /// A JSON string literal (RFC 8259 escaping, as ``JSONBytes`` writes it).
    static func quote(_ s: String) -> String {
        var json = JSONBytes(capacity: s.utf8.count + 2)
        json.string(s)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
