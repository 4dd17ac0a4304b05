import Foundation
public import IncidentGeometry

/// A WGS 84 position with labelled latitude and longitude in degrees, validated on creation.
public struct GeoCoordinate: Hashable, Sendable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// Throws ``GeodesyError/invalidCoordinate(text:reason:)`` for NaN, infinite or out-of-range values.
    public init(latitude: Double, longitude: Double) throws(GeodesyError) {
        // The text is built only for an error: formatting doubles costs more than the checks.
        guard latitude.isFinite, longitude.isFinite else {
            throw .invalidCoordinate(text: "\(latitude),\(longitude)", reason: "not a finite number")
        }
        guard (-90...90).contains(latitude) else {
            throw .invalidCoordinate(text: "\(latitude),\(longitude)", reason: "latitude \(latitude) is outside -90...90")
        }
        guard (-180...180).contains(longitude) else {
            throw .invalidCoordinate(text: "\(latitude),\(longitude)", reason: "longitude \(longitude) is outside -180...180")
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Parses `"LAT,LON"` (latitude first, as analysts write it: `36.0576,40.7348`).
    ///
    /// Spaces around the numbers are allowed; anything else (`abc`, `91,0`, `NaN,1`, an empty
    /// string, a third number) throws an error naming the text.
    public init(parsing text: String) throws(GeodesyError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else {
            throw .invalidCoordinate(text: text, reason: "expected LAT,LON such as 36.0576,40.7348")
        }
        guard let latitude = Self.number(parts[0]), let longitude = Self.number(parts[1]) else {
            throw .invalidCoordinate(text: text, reason: "expected two decimal numbers LAT,LON")
        }
        do {
            try self.init(latitude: latitude, longitude: longitude)
        } catch {
            if case .invalidCoordinate(_, let reason) = error { throw .invalidCoordinate(text: text, reason: reason) }
            throw error
        }
    }

    /// Whether `text` looks like a coordinate pair rather than a place name.
    public static func looksLikeCoordinate(_ text: String) -> Bool {
        let allowed = Set("0123456789.,-+ eE")
        return text.contains(",") && text.allSatisfy { allowed.contains($0) } && text.contains(where: \.isNumber)
    }

    /// Accepts plain decimal numbers only: no "nan", "inf" or hexadecimal.
    private static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.-+eE".contains($0) }) else { return nil }
        return Double(text)
    }

    /// The position as a geometry point (longitude as x, latitude as y).
    public var point: Point { Point(longitude: longitude, latitude: latitude) }

    /// The coordinate of a geographic point; throws when it is out of range.
    public init(_ point: Point) throws(GeodesyError) {
        try self.init(latitude: point.latitude, longitude: point.longitude)
    }
}

extension GeoCoordinate: CustomStringConvertible {
    /// `"36.0576,40.7348"`: latitude first, as `init(parsing:)` reads it.
    public var description: String {
        "\(formatCoordinate(latitude, decimals: 6)),\(formatCoordinate(longitude, decimals: 6))"
    }
}
