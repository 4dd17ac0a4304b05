internal import CPROJ
public import IncidentGeometry

/// The result of the inverse geodesic problem between two points on the WGS 84 ellipsoid.
public struct GeodesicLine: Hashable, Sendable {
    /// The shortest distance along the ellipsoid, in metres.
    public let distanceMeters: Double
    /// The azimuth at the start, degrees clockwise from north.
    public let initialAzimuthDegrees: Double
    /// The azimuth at the end, degrees clockwise from north.
    public let finalAzimuthDegrees: Double
}

/// Geodesics on the WGS 84 ellipsoid through PROJ's `geodesic.h` (Karney's algorithms,
/// accurate to about 15 nm). These are pure functions: safe from any task.
public enum Geodesic {
    /// WGS 84 semi-major axis in metres.
    public static let equatorialRadiusMeters = 6_378_137.0
    /// WGS 84 flattening.
    public static let flattening = 1 / 298.257223563

    /// The WGS 84 ellipsoid's constants, computed once (`geod_init` costs as much as an
    /// inverse problem, and the structure is plain immutable data).
    static let wgs84: geod_geodesic = {
        var g = geod_geodesic()
        geod_init(&g, equatorialRadiusMeters, flattening)
        return g
    }()

    static func ellipsoid() -> geod_geodesic { wgs84 }

    /// Distance and azimuths from `start` to `end` (`geod_inverse`; it takes latitude first).
    public static func inverse(from start: GeoCoordinate, to end: GeoCoordinate) -> GeodesicLine {
        var g = ellipsoid()
        var s12 = 0.0
        var azi1 = 0.0
        var azi2 = 0.0
        geod_inverse(&g, start.latitude, start.longitude, end.latitude, end.longitude, &s12, &azi1, &azi2)
        return GeodesicLine(distanceMeters: s12, initialAzimuthDegrees: azi1, finalAzimuthDegrees: azi2)
    }

    /// The geodesic distance in metres between two points.
    public static func distanceMeters(from start: GeoCoordinate, to end: GeoCoordinate) -> Double {
        inverse(from: start, to: end).distanceMeters
    }

    /// The point reached from `start` along `azimuthDegrees` after `distanceMeters` (`geod_direct`).
    public static func destination(
        from start: GeoCoordinate, azimuthDegrees: Double, distanceMeters: Double
    ) throws(GeodesyError) -> GeoCoordinate {
        guard distanceMeters.isFinite, azimuthDegrees.isFinite else { throw .invalidDistance(meters: distanceMeters) }
        var g = ellipsoid()
        var lat2 = 0.0
        var lon2 = 0.0
        var azi2 = 0.0
        geod_direct(&g, start.latitude, start.longitude, azimuthDegrees, distanceMeters, &lat2, &lon2, &azi2)
        var lon = lon2.truncatingRemainder(dividingBy: 360)
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return try GeoCoordinate(latitude: lat2, longitude: lon)
    }

    /// The area enclosed by a ring of positions on the ellipsoid, in square metres
    /// (`geod_polygonarea`), whatever the ring's orientation.
    public static func areaSquareMeters(ring: [Point]) -> Double {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return 0 }
        var g = ellipsoid()
        var lats = points.map(\.latitude)
        var lons = points.map(\.longitude)
        var area = 0.0
        var perimeter = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(points.count), &area, &perimeter)
        return abs(area)
    }
}
