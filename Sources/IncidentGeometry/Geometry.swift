/// A position in a planar or geographic coordinate system.
///
/// For geographic data `x` is the longitude and `y` the latitude, in degrees (GeoJSON order);
/// for projected data both are metres. Use ``init(longitude:latitude:)`` to make the order explicit.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    /// A point from planar coordinates. Non-finite values are rejected when the point is used.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A geographic point, longitude first as in GeoJSON but labelled so nobody guesses.
    public init(longitude: Double, latitude: Double) {
        self.init(x: longitude, y: latitude)
    }

    /// The longitude in degrees, when the point is geographic.
    public var longitude: Double { x }
    /// The latitude in degrees, when the point is geographic.
    public var latitude: Double { y }

    var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A sequence of two or more points joined by straight segments.
public struct LineString: Hashable, Sendable {
    public let points: [Point]

    /// Throws ``GeometryError/tooFewPoints(kind:count:minimum:)`` below two points and
    /// ``GeometryError/nonFiniteCoordinate`` for NaN or infinite values.
    public init(points: [Point]) throws(GeometryError) {
        guard points.count >= 2 else {
            throw GeometryError.tooFewPoints(kind: "LineString", count: points.count, minimum: 2)
        }
        try Self.checkFinite(points)
        self.points = points
    }

    static func checkFinite(_ points: [Point]) throws(GeometryError) {
        guard points.allSatisfy(\.isFinite) else { throw GeometryError.nonFiniteCoordinate }
    }
}

/// A closed line string of four or more points: the boundary of a polygon.
public struct LinearRing: Hashable, Sendable {
    public let points: [Point]

    /// Throws when the ring has fewer than four points or its first and last points differ.
    public init(points: [Point]) throws(GeometryError) {
        guard points.count >= 4 else {
            throw GeometryError.tooFewPoints(kind: "LinearRing", count: points.count, minimum: 4)
        }
        guard points.first == points.last else { throw GeometryError.ringNotClosed }
        try LineString.checkFinite(points)
        self.points = points
    }

    init(unchecked points: [Point]) {
        self.points = points
    }

    /// Twice the signed planar area (shoelace): positive when the ring runs counter-clockwise.
    var signedArea: Double {
        var sum = 0.0
        for index in 0..<(points.count - 1) {
            let a = points[index]
            let b = points[index + 1]
            sum += (a.x * b.y) - (b.x * a.y)
        }
        return sum / 2
    }

    /// Whether the ring runs counter-clockwise in x/y (east/north) axes.
    public var isCounterClockwise: Bool { signedArea > 0 }

    /// The same ring running the other way.
    public var reversed: LinearRing { LinearRing(unchecked: points.reversed()) }

    /// The ring running counter-clockwise (`true`) or clockwise (`false`).
    public func oriented(counterClockwise: Bool) -> LinearRing {
        isCounterClockwise == counterClockwise || signedArea == 0 ? self : reversed
    }
}

/// A polygon: one exterior ring and any number of holes.
public struct Polygon: Hashable, Sendable {
    public let exterior: LinearRing
    public let holes: [LinearRing]

    /// A polygon from already validated rings.
    public init(exterior: LinearRing, holes: [LinearRing] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// The polygon with its exterior counter-clockwise and its holes clockwise (RFC 7946 §3.1.6).
    public var rightHandRuleOriented: Polygon {
        Polygon(
            exterior: exterior.oriented(counterClockwise: true),
            holes: holes.map { $0.oriented(counterClockwise: false) })
    }
}

/// Several points as one geometry.
public struct MultiPoint: Hashable, Sendable {
    public let points: [Point]
    /// A multi-point; an empty array is the empty multi-point.
    public init(points: [Point]) throws(GeometryError) {
        try LineString.checkFinite(points)
        self.points = points
    }
}

/// Several line strings as one geometry.
public struct MultiLineString: Hashable, Sendable {
    public let lineStrings: [LineString]
    /// A multi-line string; an empty array is the empty multi-line string.
    public init(lineStrings: [LineString]) {
        self.lineStrings = lineStrings
    }
}

/// Several polygons as one geometry.
public struct MultiPolygon: Hashable, Sendable {
    public let polygons: [Polygon]
    /// A multi-polygon; an empty array is the empty multi-polygon.
    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }
}

/// A heterogeneous collection of geometries.
public struct GeometryCollection: Hashable, Sendable {
    public let geometries: [Geometry]
    /// A collection; an empty array is the empty geometry.
    public init(geometries: [Geometry]) {
        self.geometries = geometries
    }
}

/// Any simple-features geometry, as a value.
///
/// GEOS handles exist only for the duration of an operation, inside this module; what a
/// caller holds is always this enum. An empty result (for example the intersection of two
/// disjoint polygons) is an empty ``GeometryCollection``, or an empty multi-geometry.
public indirect enum Geometry: Hashable, Sendable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint(MultiPoint)
    case multiLineString(MultiLineString)
    case multiPolygon(MultiPolygon)
    case geometryCollection(GeometryCollection)

    /// The empty geometry.
    public static let empty = Geometry.geometryCollection(GeometryCollection(geometries: []))

    /// Whether the geometry has no points at all.
    public var isEmpty: Bool {
        switch self {
        case .point, .lineString, .polygon: false
        case .multiPoint(let m): m.points.isEmpty
        case .multiLineString(let m): m.lineStrings.isEmpty
        case .multiPolygon(let m): m.polygons.isEmpty
        case .geometryCollection(let c): c.geometries.allSatisfy(\.isEmpty)
        }
    }

    /// Every polygon in the geometry, flattening multi-polygons and collections.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let m): m.polygons
        case .geometryCollection(let c): c.geometries.flatMap(\.polygons)
        default: []
        }
    }

    /// The geometry with every position passed through `transform`; used for projections.
    public func mapPoints(_ transform: (Point) throws -> Point) rethrows -> Geometry {
        func ring(_ r: LinearRing) throws -> LinearRing {
            LinearRing(unchecked: try r.points.map(transform))
        }
        func polygon(_ p: Polygon) throws -> Polygon {
            Polygon(exterior: try ring(p.exterior), holes: try p.holes.map(ring))
        }
        switch self {
        case .point(let p):
            return .point(try transform(p))
        case .lineString(let l):
            return .lineString(LineString(unchecked: try l.points.map(transform)))
        case .polygon(let p):
            return .polygon(try polygon(p))
        case .multiPoint(let m):
            return .multiPoint(MultiPoint(unchecked: try m.points.map(transform)))
        case .multiLineString(let m):
            return .multiLineString(
                MultiLineString(
                    lineStrings: try m.lineStrings.map { LineString(unchecked: try $0.points.map(transform)) }))
        case .multiPolygon(let m):
            return .multiPolygon(MultiPolygon(polygons: try m.polygons.map(polygon)))
        case .geometryCollection(let c):
            return .geometryCollection(GeometryCollection(geometries: try c.geometries.map { try $0.mapPoints(transform) }))
        }
    }

    /// Every position of the geometry, in order.
    public var allPoints: [Point] {
        switch self {
        case .point(let p): [p]
        case .lineString(let l): l.points
        case .polygon(let p): p.exterior.points + p.holes.flatMap(\.points)
        case .multiPoint(let m): m.points
        case .multiLineString(let m): m.lineStrings.flatMap(\.points)
        case .multiPolygon(let m): m.polygons.flatMap { $0.exterior.points + $0.holes.flatMap(\.points) }
        case .geometryCollection(let c): c.geometries.flatMap(\.allPoints)
        }
    }

    /// The bounding box of the geometry, or `nil` when it is empty.
    public var envelope: Envelope? {
        Envelope(covering: allPoints)
    }
}

extension LineString {
    init(unchecked points: [Point]) { self.points = points }
}

extension MultiPoint {
    init(unchecked points: [Point]) { self.points = points }
}

/// An axis-aligned rectangle: west/south/east/north for geographic data.
public struct Envelope: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    /// A rectangle from its corners; throws when a bound is not finite or min exceeds max.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) throws(GeometryError) {
        guard [minX, minY, maxX, maxY].allSatisfy(\.isFinite) else { throw GeometryError.nonFiniteCoordinate }
        guard minX <= maxX, minY <= maxY else {
            throw GeometryError.invalidEnvelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest rectangle covering `points`, or `nil` for no points.
    public init?(covering points: [Point]) {
        guard let first = points.first else { return nil }
        var e = (first.x, first.y, first.x, first.y)
        for p in points.dropFirst() {
            e = (min(e.0, p.x), min(e.1, p.y), max(e.2, p.x), max(e.3, p.y))
        }
        (minX, minY, maxX, maxY) = e
    }

    /// The rectangle grown by `margin` on every side.
    public func expanded(by margin: Double) -> Envelope {
        var copy = self
        copy.minX -= margin
        copy.minY -= margin
        copy.maxX += margin
        copy.maxY += margin
        return copy
    }

    /// Whether `point` lies inside or on the rectangle.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// The rectangle as a polygon (counter-clockwise).
    public var polygon: Polygon {
        Polygon(
            exterior: LinearRing(unchecked: [
                Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY),
                Point(x: minX, y: maxY), Point(x: minX, y: minY),
            ]))
    }
}
