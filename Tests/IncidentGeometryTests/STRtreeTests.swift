import IncidentGeometry
import Testing

@Suite("STRtree radius and nearest queries")
struct STRtreeTests {
    static func randomPoints(_ count: Int, seed: UInt64) -> [Point] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in Point(x: random.next(in: 35.5...42.5), y: random.next(in: 32...37.5)) }
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    @Test("Radius queries equal a brute-force scan over 10,000 random points")
    func radiusMatchesBruteForce() throws {
        let points = Self.randomPoints(10_000, seed: 42)
        let tree = try STRtree(points: points.enumerated().map { (point: $0.element, element: $0.offset) })
        var random = SplitMix64(seed: 9)
        for _ in 0..<50 {
            let center = Point(x: random.next(in: 35...43), y: random.next(in: 31.5...38))
            let radius = random.next(in: 0.01...1.5)
            let fromTree = try tree.pointsWithin(radius: radius, of: center).map(\.index)
            let brute = points.indices
                .filter { Self.distance(points[$0], center) <= radius }
                .sorted { (Self.distance(points[$0], center), $0) < (Self.distance(points[$1], center), $1) }
            #expect(fromTree == brute)
        }
    }

    @Test("Nearest and k-nearest equal a brute-force scan over 10,000 random points")
    func nearestMatchesBruteForce() throws {
        let points = Self.randomPoints(10_000, seed: 43)
        let tree = try STRtree(points: points.enumerated().map { (point: $0.element, element: $0.offset) })
        var random = SplitMix64(seed: 10)
        for _ in 0..<50 {
            let center = Point(x: random.next(in: 34...44), y: random.next(in: 31...39))
            let brute = points.indices.sorted {
                (Self.distance(points[$0], center), $0) < (Self.distance(points[$1], center), $1)
            }
            let nearest = try #require(try tree.nearestIndex(to: center))
            #expect(Self.distance(points[nearest], center) == Self.distance(points[brute[0]], center))
            let five = try tree.nearestPoints(to: center, count: 5).map(\.index)
            #expect(five == Array(brute.prefix(5)))
        }
    }

    @Test func envelopeQueryAndEmptyTree() throws {
        let tree = try STRtree(points: [(Point(x: 1, y: 1), "a"), (Point(x: 5, y: 5), "b")])
        #expect(try tree.query(Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2)) == ["a"])
        let empty = try STRtree<String>(points: [])
        #expect(try empty.nearestIndex(to: Point(x: 0, y: 0)) == nil)
        #expect(try empty.pointsWithin(radius: 1, of: Point(x: 0, y: 0)).isEmpty)
        #expect(throws: GeometryError.nonFiniteCoordinate) {
            try tree.pointsWithin(radius: .nan, of: Point(x: 0, y: 0))
        }
    }
}
