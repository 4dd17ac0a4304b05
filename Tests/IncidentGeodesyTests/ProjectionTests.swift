import IncidentGeodesy
import IncidentGeometry
import Testing

@Suite("Metric work through PROJ")
struct ProjectionTests {
    let hasakah = try! GeoCoordinate(latitude: 36.5024, longitude: 40.7477)

    @Test("A 2 km buffer around a point in Hasakah has an area within 1% of π·4 km²")
    func twoKilometreBuffer() throws {
        let disc = try Geometry.point(hasakah.point).metricBuffer(radiusMeters: 2_000)
        let expected = Double.pi * 4_000_000
        #expect(abs(disc.areaSquareMeters() - expected) / expected < 0.01)
        #expect(abs(try disc.projectedAreaSquareMeters() - expected) / expected < 0.01)
        // Every vertex lies 2 km from the centre, measured on the ellipsoid.
        for vertex in try #require(disc.polygons.first).exterior.points {
            let d = Geodesic.distanceMeters(from: hasakah, to: try GeoCoordinate(vertex))
            #expect(abs(d - 2_000) < 2)
        }
    }

    @Test("Longitude goes in first after normalisation: a point east of the centre has x > 0, y ≈ 0")
    func axisOrder() throws {
        let projection = try LocalProjection(center: hasakah)
        let east = try projection.project(Point(longitude: 40.7577, latitude: 36.5024))
        #expect(east.x > 800 && east.x < 1000)
        #expect(abs(east.y) < 5)
        let back = try projection.unproject(east)
        #expect(abs(back.longitude - 40.7577) < 1e-9)
        #expect(abs(back.latitude - 36.5024) < 1e-9)
    }

    @Test("Azimuthal equidistant distances from the centre are geodesic distances")
    func equidistant() throws {
        let projection = try LocalProjection(center: hasakah)
        let shaddadi = try GeoCoordinate(latitude: 36.0576, longitude: 40.7348)
        let p = try projection.project(shaddadi.point)
        let planar = (p.x * p.x + p.y * p.y).squareRoot()
        #expect(abs(planar - Geodesic.distanceMeters(from: hasakah, to: shaddadi)) < 0.01)
    }

    @Test("Bad radii are refused")
    func badRadius() {
        #expect(throws: GeodesyError.invalidDistance(meters: -1)) {
            try Geometry.point(hasakah.point).metricBuffer(radiusMeters: -1)
        }
    }
}
