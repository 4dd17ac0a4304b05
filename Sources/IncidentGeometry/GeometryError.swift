/// What went wrong in a geometry operation, with the input that caused it.
public enum GeometryError: Error, Hashable, Sendable {
    /// WKT that GEOS could not parse; `text` is the input (shortened when long).
    case invalidWKT(text: String, reason: String)
    /// WKB that GEOS could not parse.
    case invalidWKB(byteCount: Int, reason: String)
    /// GeoJSON that is not an RFC 7946 geometry.
    case invalidGeoJSON(text: String, reason: String)
    /// A NaN or infinite coordinate.
    case nonFiniteCoordinate
    /// Too few points for the kind of geometry.
    case tooFewPoints(kind: String, count: Int, minimum: Int)
    /// A linear ring whose first and last points differ.
    case ringNotClosed
    /// A rectangle whose minimum exceeds its maximum.
    case invalidEnvelope(minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// A GEOS function failed; `message` is what GEOS reported through the context's handler.
    case geos(function: String, message: String)
    /// GEOS returned a geometry type this module does not model.
    case unsupportedGeometryType(id: Int)
}

extension GeometryError: CustomStringConvertible {
    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case .invalidWKT(let text, let reason):
            "invalid WKT \(quoted(text)): \(reason)"
        case .invalidWKB(let count, let reason):
            "invalid WKB (\(count) bytes): \(reason)"
        case .invalidGeoJSON(let text, let reason):
            "invalid GeoJSON geometry \(quoted(text)): \(reason)"
        case .nonFiniteCoordinate:
            "a coordinate is NaN or infinite"
        case .tooFewPoints(let kind, let count, let minimum):
            "a \(kind) needs at least \(minimum) points, got \(count)"
        case .ringNotClosed:
            "a linear ring must end where it starts"
        case .invalidEnvelope(let minX, let minY, let maxX, let maxY):
            "invalid envelope (\(minX), \(minY), \(maxX), \(maxY)): minimum exceeds maximum"
        case .geos(let function, let message):
            "GEOS \(function) failed: \(message)"
        case .unsupportedGeometryType(let id):
            "unsupported GEOS geometry type \(id)"
        }
    }
}

/// The input quoted for an error message, shortened so a 10 MB input does not flood a terminal.
func quoted(_ text: String, limit: Int = 80) -> String {
    let cleaned = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
    if cleaned.count <= limit { return "\"\(cleaned)\"" }
    return "\"\(cleaned.prefix(limit))…\" (\(text.utf8.count) bytes)"
}
