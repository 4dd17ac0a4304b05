import IncidentGeometry
import Testing

@Suite("Set operations, predicates, validity")
struct GeometryOperationsTests {
    let square = try! Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
    let shifted = try! Geometry(wkt: "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")

    @Test func intersectionUnionDifference() throws {
        #expect(try square.intersection(shifted).planarArea() == 1)
        #expect(try square.union(shifted).planarArea() == 7)
        #expect(try square.difference(shifted).planarArea() == 3)
        let far = try Geometry(wkt: "POLYGON ((10 10, 11 10, 11 11, 10 10))")
        #expect(try square.intersection(far).isEmpty)
    }

    @Test func unaryUnionDissolves() throws {
        let collection = Geometry.multiPolygon(MultiPolygon(polygons: square.polygons + shifted.polygons))
        let dissolved = try collection.unaryUnion()
        #expect(dissolved.polygons.count == 1)
        #expect(try dissolved.planarArea() == 7)
    }

    @Test func predicates() throws {
        let inside = Geometry.point(Point(x: 1, y: 1))
        let outside = Geometry.point(Point(x: 5, y: 5))
        #expect(try square.contains(inside))
        #expect(try !square.contains(outside))
        #expect(try inside.within(square))
        #expect(try square.intersects(shifted))
        #expect(try !square.intersects(outside))
    }

    @Test func preparedGeometryAgreesWithPlainPredicates() throws {
        let prepared = try PreparedGeometry(square)
        var random = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let p = Geometry.point(Point(x: random.next(in: -1...3), y: random.next(in: -1...3)))
            #expect(try prepared.contains(p) == square.contains(p))
            #expect(try prepared.intersects(p) == square.intersects(p))
        }
        #expect(try PreparedGeometry(.point(Point(x: 1, y: 1))).within(square))
    }

    @Test func validityAndRepair() throws {
        let bowTie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try !bowTie.isValid())
        #expect(try bowTie.validityReason().contains("Self-intersection"))
        let repaired = try bowTie.makeValid()
        #expect(try repaired.isValid())
        #expect(abs(try repaired.planarArea() - 2) < 1e-9)
        #expect(try square.isValid())
        #expect(try square.validityReason() == "Valid Geometry")
    }

    @Test func planarBuffer() throws {
        let disc = try Geometry.point(Point(x: 0, y: 0)).buffer(width: 1, quadrantSegments: 64)
        #expect(abs(try disc.planarArea() - Double.pi) < 0.01)
    }

    @Test func centroid() throws {
        #expect(try square.centroid() == .point(Point(x: 1, y: 1)))
    }
}
