import Foundation
import IncidentGeometry
import Testing

@Suite("WKT, WKB and GeoJSON")
struct GeometryFormatsTests {
    static let samples = [
        "POINT (40.7348 36.0576)",
        "LINESTRING (40.7348 36.0576, 40.7477 36.5024, 41.2 36.9)",
        "POLYGON ((40 36, 41 36, 41 37, 40 37, 40 36), (40.2 36.2, 40.2 36.4, 40.4 36.4, 40.4 36.2, 40.2 36.2))",
        "MULTIPOINT ((40 36), (41 37))",
        "MULTILINESTRING ((40 36, 41 37), (42 35, 42.5 35.5))",
        "MULTIPOLYGON (((40 36, 41 36, 41 37, 40 37, 40 36)), ((42 35, 43 35, 43 36, 42 35)))",
        "GEOMETRYCOLLECTION (POINT (40 36), LINESTRING (40 36, 41 37))",
    ]

    @Test("WKT round trip", arguments: samples)
    func wktRoundTrip(_ text: String) throws {
        let geometry = try Geometry(wkt: text)
        let again = try Geometry(wkt: try geometry.wkt())
        #expect(again == geometry)
    }

    @Test("WKB round trip", arguments: samples)
    func wkbRoundTrip(_ text: String) throws {
        let geometry = try Geometry(wkt: text)
        let bytes = try geometry.wkb()
        #expect(bytes.first == 1)  // little-endian marker
        #expect(try Geometry(wkb: bytes) == geometry)
    }

    @Test("GeoJSON round trip keeps the geometry up to ring orientation", arguments: samples)
    func geoJSONRoundTrip(_ text: String) throws {
        let geometry = try Geometry(wkt: text)
        let decoded = try Geometry(geoJSON: Data(geometry.geoJSON(decimals: 7).utf8))
        #expect(try decoded.topologicallyEquals(geometry))
        let viaCodable = try JSONDecoder().decode(Geometry.self, from: JSONEncoder().encode(geometry))
        #expect(try viaCodable.topologicallyEquals(geometry))
    }

    @Test("GeoJSON writes lon,lat order, 6 decimals, counter-clockwise shells, clockwise holes, no crs")
    func geoJSONFollowsRFC7946() throws {
        // Exterior written clockwise on purpose, hole counter-clockwise.
        let wkt = "POLYGON ((40 36, 40 37, 41 37, 41 36, 40 36), (40.2 36.2, 40.4 36.2, 40.4 36.4, 40.2 36.4, 40.2 36.2))"
        let text = try Geometry(wkt: wkt).geoJSON()
        #expect(!text.contains("crs"))
        let decoded = try Geometry(geoJSON: Data(text.utf8))
        let polygon = try #require(decoded.polygons.first)
        #expect(polygon.exterior.isCounterClockwise)
        #expect(polygon.holes.allSatisfy { !$0.isCounterClockwise })

        let point = Geometry.point(Point(longitude: 40.734812345, latitude: 36.0576))
        #expect(point.geoJSON() == #"{"type":"Point","coordinates":[40.734812,36.0576]}"#)
    }

    @Test(
        "Malformed WKT gives a typed error naming the input",
        arguments: ["", "POINT (", "POLYGON ((0 0, 1 1))", "abc", "POINT (nan 1)", "LINESTRING (0 0)"])
    func malformedWKT(_ text: String) {
        #expect {
            try Geometry(wkt: text)
        } throws: { error in
            guard case .invalidWKT(let input, _) = error as? GeometryError else { return false }
            return input == text
        }
    }

    @Test("A 10 MB WKT string fails with a short message")
    func hugeWKT() {
        let text = "POINT (" + String(repeating: "1", count: 10_000_000)
        #expect {
            try Geometry(wkt: text)
        } throws: { error in
            "\(error)".count < 300
        }
    }

    @Test("Malformed WKB gives a typed error", arguments: [Data(), Data([1, 2, 3]), Data(repeating: 0xFF, count: 64)])
    func malformedWKB(_ bytes: Data) {
        #expect(throws: GeometryError.self) { try Geometry(wkb: bytes) }
    }

    @Test(
        "Malformed GeoJSON gives a typed error",
        arguments: [
            "", "{}", "[]", #"{"type":"Point"}"#, #"{"type":"Point","coordinates":[40]}"#,
            #"{"type":"Point","coordinates":[40,91]}"#, #"{"type":"Point","coordinates":["a","b"]}"#,
            #"{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}"#, #"{"type":"Blob","coordinates":[1,2]}"#,
            #"{"type":"LineString","coordinates":[[0,0]]}"#,
        ])
    func malformedGeoJSON(_ text: String) {
        #expect {
            try Geometry(geoJSON: Data(text.utf8))
        } throws: { error in
            guard case .invalidGeoJSON = error as? GeometryError else { return false }
            return true
        }
    }

    @Test("Rings and lines reject bad shapes and NaN")
    func valueValidation() {
        #expect(throws: GeometryError.ringNotClosed) {
            try LinearRing(points: [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)])
        }
        #expect(throws: GeometryError.nonFiniteCoordinate) {
            try LineString(points: [Point(x: .nan, y: 0), Point(x: 1, y: 0)])
        }
        #expect(throws: GeometryError.tooFewPoints(kind: "LineString", count: 1, minimum: 2)) {
            try LineString(points: [Point(x: 0, y: 0)])
        }
        #expect(throws: GeometryError.nonFiniteCoordinate) {
            try Geometry.point(Point(x: .infinity, y: 0)).wkt()
        }
    }
}
