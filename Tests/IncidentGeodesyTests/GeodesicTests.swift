import IncidentGeodesy
import IncidentGeometry
import Testing

@Suite("Geodesic distances on WGS 84")
struct GeodesicTests {
    @Test("al-Shaddadi to al-Hasakah is 49,370 m within 0.2%")
    func shaddadiToHasakah() throws {
        let shaddadi = try GeoCoordinate(latitude: 36.0576, longitude: 40.7348)
        let hasakah = try GeoCoordinate(latitude: 36.5024, longitude: 40.7477)
        let meters = Geodesic.distanceMeters(from: shaddadi, to: hasakah)
        #expect(abs(meters - 49_370) / 49_370 < 0.002)
    }

    @Test("Known ellipsoid lengths: one degree of equator, a quarter meridian")
    func ellipsoidLengths() throws {
        let equatorDegree = Geodesic.distanceMeters(
            from: try GeoCoordinate(latitude: 0, longitude: 0), to: try GeoCoordinate(latitude: 0, longitude: 1))
        // 2πa/360 for a = 6,378,137 m.
        #expect(abs(equatorDegree - 111_319.490_793) < 0.001)
        let quarterMeridian = Geodesic.distanceMeters(
            from: try GeoCoordinate(latitude: 0, longitude: 0), to: try GeoCoordinate(latitude: 90, longitude: 0))
        // WGS 84 quarter meridian: 10,001,965.729 m.
        #expect(abs(quarterMeridian - 10_001_965.729) < 0.01)
    }

    @Test("Azimuth: due north is 0°, due east on the equator is 90°")
    func azimuths() throws {
        let origin = try GeoCoordinate(latitude: 0, longitude: 0)
        #expect(abs(Geodesic.inverse(from: origin, to: try GeoCoordinate(latitude: 1, longitude: 0)).initialAzimuthDegrees) < 1e-9)
        #expect(abs(Geodesic.inverse(from: origin, to: try GeoCoordinate(latitude: 0, longitude: 1)).initialAzimuthDegrees - 90) < 1e-9)
    }

    @Test("Direct then inverse returns the distance and azimuth")
    func directInverse() throws {
        let start = try GeoCoordinate(latitude: 36.5024, longitude: 40.7477)
        let end = try Geodesic.destination(from: start, azimuthDegrees: 135, distanceMeters: 12_345)
        let line = Geodesic.inverse(from: start, to: end)
        #expect(abs(line.distanceMeters - 12_345) < 1e-6)
        #expect(abs(line.initialAzimuthDegrees - 135) < 1e-9)
    }

    @Test(
        "Malformed coordinates give a typed error naming the input",
        arguments: ["91,0", "0,181", "abc", "", "NaN,1", "nan,nan", "1,2,3", "36.5", " , ", "inf,0", "0x10,5"])
    func malformed(_ text: String) {
        #expect {
            try GeoCoordinate(parsing: text)
        } throws: { error in
            guard case .invalidCoordinate(let input, _) = error as? GeodesyError else { return false }
            return input == text
        }
    }

    @Test("Coordinates parse latitude first, with spaces")
    func parses() throws {
        let c = try GeoCoordinate(parsing: " 36.0576 , 40.7348 ")
        #expect(c.latitude == 36.0576)
        #expect(c.longitude == 40.7348)
        #expect(GeoCoordinate.looksLikeCoordinate("36.0576,40.7348"))
        #expect(!GeoCoordinate.looksLikeCoordinate("al-Hasakah"))
    }
}
