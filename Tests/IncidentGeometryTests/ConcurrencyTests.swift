import IncidentGeometry
import Testing

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("Many tasks run GEOS operations at once and get the same answers")
    func concurrentOperations() async throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let shifted = try Geometry(wkt: "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")
        let areas = try await withThrowingTaskGroup(of: Double.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var total = 0.0
                    for _ in 0..<200 {
                        total += try square.intersection(shifted).planarArea()
                        _ = try Geometry(wkb: try square.wkb())
                        let tree = try STRtree(points: [(Point(x: 0, y: 0), 0), (Point(x: 1, y: 1), 1)])
                        total += Double(try tree.nearestIndex(to: Point(x: 0.9, y: 0.9)) ?? -100)
                    }
                    return total
                }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }
        }
        #expect(areas.count == 16)
        #expect(areas.allSatisfy { $0 == 400 })
    }
}
