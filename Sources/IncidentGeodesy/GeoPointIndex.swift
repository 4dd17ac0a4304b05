import Foundation
public import IncidentGeometry

/// Geodesic radius and nearest-neighbour queries over longitude/latitude points.
///
/// Candidates come from a GEOS ``STRtree`` queried with a bounding box that provably holds every
/// point within the radius (degree spans computed at the box's most poleward latitude, with a
/// margin; split at the antimeridian); each candidate is then measured with `geod_inverse`.
/// Results are therefore exact geodesic answers, not planar approximations.
///
/// Not `Sendable`: it owns a GEOS tree. Build one per task.
public final class GeoPointIndex {
    /// The indexed coordinates, in insertion order.
    public let coordinates: [GeoCoordinate]
    private let tree: STRtree<Int>

    /// Builds the index.
    public init(_ coordinates: [GeoCoordinate]) throws {
        self.coordinates = coordinates
        tree = try STRtree(points: coordinates.enumerated().map { (point: $0.element.point, element: $0.offset) })
    }

    /// Indices within `radiusMeters` of `center`, nearest first (ties by index), with distances.
    public func within(radiusMeters: Double, of center: GeoCoordinate) throws -> [(index: Int, distanceMeters: Double)] {
        guard radiusMeters.isFinite, radiusMeters >= 0 else { throw GeodesyError.invalidDistance(meters: radiusMeters) }
        var found = [(index: Int, distanceMeters: Double)]()
        for box in try Self.boxes(around: center, radiusMeters: radiusMeters) {
            for index in try tree.indices(intersecting: box) {
                let d = Geodesic.distanceMeters(from: center, to: coordinates[index])
                if d <= radiusMeters { found.append((index, d)) }
            }
        }
        return found.sorted { ($0.distanceMeters, $0.index) < ($1.distanceMeters, $1.index) }
    }

    /// The `count` nearest indices to `center` that satisfy `isIncluded`, nearest first.
    public func nearest(
        to center: GeoCoordinate, count: Int, where isIncluded: (Int) -> Bool = { _ in true }
    ) throws -> [(index: Int, distanceMeters: Double)] {
        guard count > 0, !coordinates.isEmpty else { return [] }
        var radius = 5_000.0
        while true {
            let found = try within(radiusMeters: radius, of: center).filter { isIncluded($0.index) }
            // Everything outside the radius is farther than everything inside it.
            if found.count >= count || radius >= 20_100_000 { return Array(found.prefix(count)) }
            radius = min(radius * 4, 20_100_000)
        }
    }

    /// Boxes in degrees that together contain every point within `radiusMeters` of `center`
    /// (for spatial indexes that take rectangles, such as SQLite R*Tree or an STRtree).
    public static func boxes(around center: GeoCoordinate, radiusMeters: Double) throws -> [Envelope] {
        // The shortest degree of latitude on WGS 84 is 110,574 m (at the equator).
        let latDelta = radiusMeters / 110_574 * 1.001 + 1e-9
        let south = max(-90, center.latitude - latDelta)
        let north = min(90, center.latitude + latDelta)
        let poleward = max(abs(south), abs(north))
        // A degree of longitude is at least 111,320·cos(φ) m at latitude φ on WGS 84.
        let lonDelta = poleward >= 89.999 ? 360 : radiusMeters / (111_320 * cos(poleward * .pi / 180)) * 1.001 + 1e-9
        if lonDelta >= 180 {
            return [try Envelope(minX: -180, minY: south, maxX: 180, maxY: north)]
        }
        let west = center.longitude - lonDelta
        let east = center.longitude + lonDelta
        var boxes = [try Envelope(minX: max(-180, west), minY: south, maxX: min(180, east), maxY: north)]
        if west < -180 { boxes.append(try Envelope(minX: west + 360, minY: south, maxX: 180, maxY: north)) }
        if east > 180 { boxes.append(try Envelope(minX: -180, minY: south, maxX: east - 360, maxY: north)) }
        return boxes
    }
}

@available(*, unavailable, message: "owns a GEOS tree; build one per task")
extension GeoPointIndex: Sendable {}

/// Distances as people type them: `10km`, `10 km`, `2.5km`, `500m`, `500`, `3mi`.
public enum DistanceText {
    /// Metres in `text`; a bare number is metres. Throws naming the text when it is not a distance.
    public static func meters(_ text: String) throws(GeodesyError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("km", 1000), ("mi", 1609.344), ("m", 1)]
        var number = trimmed
        var factor = 1.0
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            number = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            factor = scale
            break
        }
        guard !number.isEmpty, number.allSatisfy({ "0123456789.".contains($0) }), let value = Double(number),
            value.isFinite
        else {
            throw .invalidDistanceText(text: text)
        }
        return value * factor
    }
}
