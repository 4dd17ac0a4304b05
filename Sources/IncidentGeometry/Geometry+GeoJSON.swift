public import Foundation

// RFC 7946 geometry objects. Positions are [longitude, latitude]; polygons are written with the
// exterior ring counter-clockwise and holes clockwise (§3.1.6); there is never a `crs` member.

extension Geometry: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, coordinates, geometries
    }

    /// Decodes an RFC 7946 geometry object, rejecting positions outside WGS 84 ranges.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func fail(_ reason: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: .coordinates, in: container, debugDescription: reason)
        }
        func position(_ values: [Double]) throws -> Point {
            guard values.count >= 2 else { throw fail("a position needs longitude and latitude, got \(values)") }
            let (lon, lat) = (values[0], values[1])
            guard lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw fail("position [\(lon), \(lat)] is outside longitude -180...180, latitude -90...90")
            }
            return Point(longitude: lon, latitude: lat)
        }
        func line(_ values: [[Double]]) throws -> LineString { try LineString(points: values.map(position)) }
        func polygon(_ values: [[[Double]]]) throws -> Polygon {
            guard let first = values.first else { throw fail("a polygon needs at least one ring") }
            let rings = try ([first] + values.dropFirst()).map { try LinearRing(points: $0.map(position)) }
            return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
        }
        do {
            switch type {
            case "Point":
                self = .point(try position(try container.decode([Double].self, forKey: .coordinates)))
            case "LineString":
                self = .lineString(try line(try container.decode([[Double]].self, forKey: .coordinates)))
            case "Polygon":
                self = .polygon(try polygon(try container.decode([[[Double]]].self, forKey: .coordinates)))
            case "MultiPoint":
                self = .multiPoint(
                    try MultiPoint(points: try container.decode([[Double]].self, forKey: .coordinates).map(position)))
            case "MultiLineString":
                self = .multiLineString(
                    MultiLineString(lineStrings: try container.decode([[[Double]]].self, forKey: .coordinates).map(line)))
            case "MultiPolygon":
                self = .multiPolygon(
                    MultiPolygon(polygons: try container.decode([[[[Double]]]].self, forKey: .coordinates).map(polygon)))
            case "GeometryCollection":
                self = .geometryCollection(
                    GeometryCollection(geometries: try container.decode([Geometry].self, forKey: .geometries)))
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container, debugDescription: "unknown geometry type \"\(type)\"")
            }
        } catch let error as GeometryError {
            throw fail(error.description)
        }
    }

    /// Encodes an RFC 7946 geometry object with right-hand-rule rings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func position(_ p: Point) -> [Double] { [p.x, p.y] }
        func rings(_ p: Polygon) -> [[[Double]]] {
            let oriented = p.rightHandRuleOriented
            return ([oriented.exterior] + oriented.holes).map { $0.points.map(position) }
        }
        switch self {
        case .point(let p):
            try container.encode("Point", forKey: .type)
            try container.encode(position(p), forKey: .coordinates)
        case .lineString(let l):
            try container.encode("LineString", forKey: .type)
            try container.encode(l.points.map(position), forKey: .coordinates)
        case .polygon(let p):
            try container.encode("Polygon", forKey: .type)
            try container.encode(rings(p), forKey: .coordinates)
        case .multiPoint(let m):
            try container.encode("MultiPoint", forKey: .type)
            try container.encode(m.points.map(position), forKey: .coordinates)
        case .multiLineString(let m):
            try container.encode("MultiLineString", forKey: .type)
            try container.encode(m.lineStrings.map { $0.points.map(position) }, forKey: .coordinates)
        case .multiPolygon(let m):
            try container.encode("MultiPolygon", forKey: .type)
            try container.encode(m.polygons.map(rings), forKey: .coordinates)
        case .geometryCollection(let c):
            try container.encode("GeometryCollection", forKey: .type)
            try container.encode(c.geometries, forKey: .geometries)
        }
    }
}

extension Geometry {
    /// Parses a GeoJSON geometry object; the error names the input and the reason.
    public init(geoJSON data: Data) throws(GeometryError) {
        let text = String(decoding: data.prefix(200), as: UTF8.self)
        do {
            self = try JSONDecoder().decode(Geometry.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidGeoJSON(text: text, reason: context.debugDescription)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidGeoJSON(text: text, reason: "missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidGeoJSON(text: text, reason: "wrong type at \"\(path)\"")
        } catch {
            throw .invalidGeoJSON(text: text, reason: "not a JSON geometry object")
        }
    }

    /// The geometry as a compact GeoJSON object, coordinates rounded to `decimals` places
    /// (6 places is about 0.1 m, the precision RFC 7946 §11.2 suggests).
    public func geoJSON(decimals: Int = 6) -> String {
        var out = ""
        appendGeoJSON(to: &out, decimals: decimals)
        return out
    }

    /// Appends the GeoJSON object to `out` without building intermediate objects: the export
    /// path writes millions of features through this.
    public func appendGeoJSON(to out: inout String, decimals: Int = 6) {
        func number(_ value: Double) {
            out += formatCoordinate(value, decimals: decimals)
        }
        func position(_ p: Point) {
            out += "["
            number(p.x)
            out += ","
            number(p.y)
            out += "]"
        }
        func positions(_ points: [Point]) {
            out += "["
            for (i, p) in points.enumerated() {
                if i > 0 { out += "," }
                position(p)
            }
            out += "]"
        }
        func rings(_ polygon: Polygon) {
            let oriented = polygon.rightHandRuleOriented
            out += "["
            positions(oriented.exterior.points)
            for hole in oriented.holes {
                out += ","
                positions(hole.points)
            }
            out += "]"
        }
        func list<T>(_ items: [T], _ body: (T) -> Void) {
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                body(item)
            }
            out += "]"
        }
        switch self {
        case .point(let p):
            out += "{\"type\":\"Point\",\"coordinates\":"
            position(p)
        case .lineString(let l):
            out += "{\"type\":\"LineString\",\"coordinates\":"
            positions(l.points)
        case .polygon(let p):
            out += "{\"type\":\"Polygon\",\"coordinates\":"
            rings(p)
        case .multiPoint(let m):
            out += "{\"type\":\"MultiPoint\",\"coordinates\":"
            positions(m.points)
        case .multiLineString(let m):
            out += "{\"type\":\"MultiLineString\",\"coordinates\":"
            list(m.lineStrings) { positions($0.points) }
        case .multiPolygon(let m):
            out += "{\"type\":\"MultiPolygon\",\"coordinates\":"
            list(m.polygons, rings)
        case .geometryCollection(let c):
            out += "{\"type\":\"GeometryCollection\",\"geometries\":"
            list(c.geometries) { $0.appendGeoJSON(to: &out, decimals: decimals) }
        }
        out += "}"
    }
}

/// A coordinate with at most `decimals` decimal places and no trailing zeros ("40.7348", "36").
public func formatCoordinate(_ value: Double, decimals: Int) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(24)
    appendCoordinate(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends ``formatCoordinate(_:decimals:)``'s text as UTF-8 to `bytes`, without a String.
public func appendCoordinate(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    let scale = pow(10.0, Double(decimals))
    let scaled = (value * scale).rounded()
    // Integer arithmetic on the scaled value: exact, and far faster than String(format:).
    guard scaled.isFinite, abs(scaled) < 9e15, decimals >= 0, decimals <= 15 else {
        bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        return
    }
    var n = Int64(scaled)
    if n == 0 {
        bytes.append(0x30)
        return
    }
    let negative = n < 0
    if negative { n = -n }
    var fraction = decimals
    // Drop trailing zeros of the fraction.
    while fraction > 0, n % 10 == 0 {
        n /= 10
        fraction -= 1
    }
    // Digits are produced last first into a small stack buffer, then copied in order.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
        var count = 0
        var k = 0
        repeat {
            if k == fraction, fraction > 0 {
                digits[count] = 0x2E
                count += 1
            }
            digits[count] = 0x30 + UInt8(n % 10)
            count += 1
            n /= 10
            k += 1
        } while n > 0 || k <= fraction
        if negative {
            digits[count] = 0x2D
            count += 1
        }
        for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[i]) }
    }
}
