internal import CGEOS

/// A static spatial index over elements with rectangular extents (GEOS `GEOSSTRtree_*_r`).
///
/// Built once from all its entries (an STR tree cannot take inserts after its first query);
/// queries are planar, in the coordinates' own units. For geodesic radius and nearest
/// queries over longitude/latitude use `GeoPointIndex` from IncidentGeodesy, which filters
/// this tree's candidates by true distance.
///
/// Not `Sendable`: it owns a GEOS context. Build one per task, or keep it inside an actor.
public final class STRtree<Element> {
    /// The indexed elements, in insertion order.
    public let elements: [Element]
    /// The extent of each element, in insertion order.
    public let envelopes: [Envelope]
    private let context: GEOSContext
    private let tree: OpaquePointer
    private let extents: [GEOSObject]

    /// Builds the tree (`GEOSSTRtree_create_r`, `GEOSSTRtree_insert_r`).
    public init(_ entries: [(envelope: Envelope, element: Element)], nodeCapacity: Int = 10) throws(GeometryError) {
        context = try GEOSContext()
        guard let tree = GEOSSTRtree_create_r(context.handle, max(2, nodeCapacity)) else {
            throw context.error("GEOSSTRtree_create_r")
        }
        self.tree = tree
        elements = entries.map(\.element)
        envelopes = entries.map(\.envelope)
        var extents = [GEOSObject]()
        extents.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let e = entry.envelope
            guard let g = GEOSGeom_createRectangle_r(context.handle, e.minX, e.minY, e.maxX, e.maxY) else {
                GEOSSTRtree_destroy_r(context.handle, tree)
                throw context.error("GEOSGeom_createRectangle_r")
            }
            let owner = GEOSObject(context: context, pointer: g)
            extents.append(owner)
            GEOSSTRtree_insert_r(context.handle, tree, g, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
        // The tree refers to the extents' envelopes; keep them alive as long as the tree.
        self.extents = extents
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    /// The number of indexed elements.
    public var count: Int { elements.count }

    /// Indices of the elements whose extent intersects `envelope` (`GEOSSTRtree_query_r`), ascending.
    public func indices(intersecting envelope: Envelope) throws(GeometryError) -> [Int] {
        guard !elements.isEmpty else { return [] }
        guard
            let g = GEOSGeom_createRectangle_r(
                context.handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        else { throw context.error("GEOSGeom_createRectangle_r") }
        let owner = GEOSObject(context: context, pointer: g)
        let box = IndexBox()
        withExtendedLifetime(owner) {
            GEOSSTRtree_query_r(
                context.handle, tree, owner.pointer, collectIndex, Unmanaged.passUnretained(box).toOpaque())
        }
        return box.indices.sorted()
    }

    /// The elements whose extent intersects `envelope`.
    public func query(_ envelope: Envelope) throws(GeometryError) -> [Element] {
        try indices(intersecting: envelope).map { elements[$0] }
    }

    /// The index of the element nearest to `point` by `distance` (`GEOSSTRtree_nearest_generic_r`).
    ///
    /// `distance(i)` must be the distance from `point` to element `i` in the coordinates' own
    /// units and never less than the planar distance to its extent, since the tree prunes on
    /// extents. Planar point distance (the default) satisfies this.
    public func nearestIndex(to point: Point, distance: ((Int) -> Double)? = nil) throws(GeometryError) -> Int? {
        guard !elements.isEmpty else { return nil }
        guard point.isFinite else { throw .nonFiniteCoordinate }
        guard let g = GEOSGeom_createPointFromXY_r(context.handle, point.x, point.y) else {
            throw context.error("GEOSGeom_createPointFromXY_r")
        }
        let owner = GEOSObject(context: context, pointer: g)
        let envelopes = self.envelopes
        let box = DistanceBox(
            distance ?? { index in
                let e = envelopes[index]
                let dx = max(e.minX - point.x, 0, point.x - e.maxX)
                let dy = max(e.minY - point.y, 0, point.y - e.maxY)
                return (dx * dx + dy * dy).squareRoot()
            })
        let queryItem = UnsafeRawPointer(bitPattern: -1)
        let found = withExtendedLifetime(owner) {
            GEOSSTRtree_nearest_generic_r(
                context.handle, tree, queryItem, owner.pointer, itemDistance, Unmanaged.passUnretained(box).toOpaque())
        }
        guard let found else { throw context.error("GEOSSTRtree_nearest_generic_r") }
        return Int(bitPattern: found) - 1
    }
}

// Items are stored in the tree as `index + 1` in a pointer's bits; -1 marks the query item.

private final class IndexBox {
    var indices: [Int] = []
}

private final class DistanceBox {
    let distance: (Int) -> Double
    init(_ distance: @escaping (Int) -> Double) { self.distance = distance }
}

private let collectIndex: GEOSQueryCallback = { item, userdata in
    guard let userdata else { return }
    let box = Unmanaged<IndexBox>.fromOpaque(userdata).takeUnretainedValue()
    box.indices.append(Int(bitPattern: item) - 1)
}

// GEOS 3.11's header says "zero if succeeded", but its implementation throws on a zero
// return: the callback must return non-zero on success, zero on failure.
private let itemDistance: GEOSDistanceCallback = { item1, item2, result, userdata in
    guard let userdata, let result else { return 0 }
    let box = Unmanaged<DistanceBox>.fromOpaque(userdata).takeUnretainedValue()
    let a = Int(bitPattern: item1)
    let b = Int(bitPattern: item2)
    result.pointee = box.distance((a == -1 ? b : a) - 1)
    return 1
}

@available(*, unavailable, message: "owns a GEOS context; build one per task")
extension STRtree: Sendable {}

extension STRtree {
    /// A tree over points: each element's extent is its point.
    public convenience init(points: [(point: Point, element: Element)]) throws(GeometryError) {
        var entries = [(envelope: Envelope, element: Element)]()
        entries.reserveCapacity(points.count)
        for (point, element) in points {
            guard point.isFinite else { throw .nonFiniteCoordinate }
            entries.append((try Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y), element))
        }
        try self.init(entries)
    }

    /// Indices of the point elements within planar `radius` of `center`, nearest first
    /// (ties by index), with their distances.
    public func pointsWithin(radius: Double, of center: Point) throws(GeometryError) -> [(index: Int, distance: Double)] {
        guard radius.isFinite, radius >= 0, center.isFinite else { throw .nonFiniteCoordinate }
        let box = try Envelope(
            minX: center.x - radius, minY: center.y - radius, maxX: center.x + radius, maxY: center.y + radius)
        return try indices(intersecting: box)
            .map { ($0, planarDistance(center, envelopes[$0])) }
            .filter { $0.1 <= radius }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map { (index: $0.0, distance: $0.1) }
    }

    /// The `count` nearest point elements to `center` by planar distance, nearest first.
    ///
    /// Searches growing squares until `count` elements lie within the inscribed circle,
    /// so the answer is exact, not approximate.
    public func nearestPoints(to center: Point, count: Int) throws(GeometryError) -> [(index: Int, distance: Double)] {
        guard count > 0, !elements.isEmpty else { return [] }
        guard let first = try nearestIndex(to: center) else { return [] }
        if count == 1 { return [(first, planarDistance(center, envelopes[first]))] }
        var radius = max(planarDistance(center, envelopes[first]), 1e-9) * 2
        let span = envelopes.reduce(0.0) { max($0, abs($1.minX - center.x), abs($1.minY - center.y), abs($1.maxX - center.x), abs($1.maxY - center.y)) }
        while true {
            let found = try pointsWithin(radius: radius, of: center)
            if found.count >= count || radius > span * 2 { return Array(found.prefix(count)) }
            radius *= 2
        }
    }
}

private func planarDistance(_ point: Point, _ e: Envelope) -> Double {
    let dx = max(e.minX - point.x, 0, point.x - e.maxX)
    let dy = max(e.minY - point.y, 0, point.y - e.maxY)
    return (dx * dx + dy * dy).squareRoot()
}
