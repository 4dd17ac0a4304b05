internal import CGEOS

// Conversion between the value types and GEOS handles. Everything here is internal: the
// handles are created, used and destroyed within one operation.

extension Geometry {
    /// Builds a GEOS geometry owned by a ``GEOSObject``.
    func makeGEOS(_ context: GEOSContext) throws(GeometryError) -> GEOSObject {
        GEOSObject(context: context, pointer: try makeRawGEOS(context))
    }

    /// Builds an unowned GEOS geometry; the caller takes ownership (directly or by handing it to
    /// a collection constructor, which takes ownership of its members).
    func makeRawGEOS(_ context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let h = context.handle
        switch self {
        case .point(let p):
            guard p.isFinite else { throw .nonFiniteCoordinate }
            guard let g = GEOSGeom_createPointFromXY_r(h, p.x, p.y) else {
                throw context.error("GEOSGeom_createPointFromXY_r")
            }
            return g
        case .lineString(let l):
            let seq = try coordinateSequence(l.points, context)
            guard let g = GEOSGeom_createLineString_r(h, seq) else {
                throw context.error("GEOSGeom_createLineString_r")
            }
            return g
        case .polygon(let p):
            return try makePolygon(p, context)
        case .multiPoint(let m):
            return try makeCollection(
                GEOS_MULTIPOINT, m.points.map { Geometry.point($0) }, context)
        case .multiLineString(let m):
            return try makeCollection(
                GEOS_MULTILINESTRING, m.lineStrings.map { Geometry.lineString($0) }, context)
        case .multiPolygon(let m):
            return try makeCollection(
                GEOS_MULTIPOLYGON, m.polygons.map { Geometry.polygon($0) }, context)
        case .geometryCollection(let c):
            return try makeCollection(GEOS_GEOMETRYCOLLECTION, c.geometries, context)
        }
    }

    /// Reads a GEOS geometry (borrowed, not destroyed here) back into a value.
    init(borrowing pointer: OpaquePointer, _ context: GEOSContext) throws(GeometryError) {
        let h = context.handle
        let typeID = GEOSGeomTypeId_r(h, pointer)
        let empty = GEOSisEmpty_r(h, pointer)
        guard empty != 2 else { throw context.error("GEOSisEmpty_r") }
        switch Int(typeID) {
        case Int(GEOS_POINT.rawValue):
            if empty == 1 { self = .empty; return }
            var x = 0.0
            var y = 0.0
            guard GEOSGeomGetX_r(h, pointer, &x) == 1, GEOSGeomGetY_r(h, pointer, &y) == 1 else {
                throw context.error("GEOSGeomGetX_r")
            }
            self = .point(Point(x: x, y: y))
        case Int(GEOS_LINESTRING.rawValue), Int(GEOS_LINEARRING.rawValue):
            if empty == 1 { self = .empty; return }
            self = .lineString(LineString(unchecked: try readPoints(pointer, context)))
        case Int(GEOS_POLYGON.rawValue):
            if empty == 1 { self = .empty; return }
            self = .polygon(try readPolygon(pointer, context))
        case Int(GEOS_MULTIPOINT.rawValue):
            let members = try readMembers(pointer, context)
            self = .multiPoint(MultiPoint(unchecked: members.compactMap { if case .point(let p) = $0 { p } else { nil } }))
        case Int(GEOS_MULTILINESTRING.rawValue):
            let members = try readMembers(pointer, context)
            self = .multiLineString(
                MultiLineString(lineStrings: members.compactMap { if case .lineString(let l) = $0 { l } else { nil } }))
        case Int(GEOS_MULTIPOLYGON.rawValue):
            let members = try readMembers(pointer, context)
            self = .multiPolygon(MultiPolygon(polygons: members.compactMap { if case .polygon(let p) = $0 { p } else { nil } }))
        case Int(GEOS_GEOMETRYCOLLECTION.rawValue):
            self = .geometryCollection(GeometryCollection(geometries: try readMembers(pointer, context)))
        case -1:
            throw context.error("GEOSGeomTypeId_r")
        default:
            throw .unsupportedGeometryType(id: Int(typeID))
        }
    }
}

/// Performs `body` with a fresh context and this geometry as a GEOS handle.
func withGEOS<T>(
    _ geometry: Geometry, _ body: (GEOSContext, OpaquePointer) throws(GeometryError) -> T
) throws(GeometryError) -> T {
    let context = try GEOSContext()
    let object = try geometry.makeGEOS(context)
    return try body(context, object.pointer)
}

/// Reads a geometry that GEOS returned as a new object (owned by us), destroying it after.
func takeResult(_ pointer: OpaquePointer?, _ context: GEOSContext, _ function: String) throws(GeometryError) -> Geometry {
    guard let pointer else { throw context.error(function) }
    let owner = GEOSObject(context: context, pointer: pointer)
    return try Geometry(borrowing: owner.pointer, context)
}

private func coordinateSequence(_ points: [Point], _ context: GEOSContext) throws(GeometryError) -> OpaquePointer {
    guard points.allSatisfy(\.isFinite) else { throw .nonFiniteCoordinate }
    var buffer = [Double]()
    buffer.reserveCapacity(points.count * 2)
    for p in points {
        buffer.append(p.x)
        buffer.append(p.y)
    }
    let seq = buffer.withUnsafeBufferPointer {
        GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(points.count), 0, 0)
    }
    guard let seq else { throw context.error("GEOSCoordSeq_copyFromBuffer_r") }
    return seq
}

private func makeRing(_ ring: LinearRing, _ context: GEOSContext) throws(GeometryError) -> OpaquePointer {
    let seq = try coordinateSequence(ring.points, context)
    guard let g = GEOSGeom_createLinearRing_r(context.handle, seq) else {
        throw context.error("GEOSGeom_createLinearRing_r")
    }
    return g
}

private func makePolygon(_ polygon: Polygon, _ context: GEOSContext) throws(GeometryError) -> OpaquePointer {
    let h = context.handle
    let shell = try makeRing(polygon.exterior, context)
    var holes = [OpaquePointer?]()
    do {
        for hole in polygon.holes { holes.append(try makeRing(hole, context)) }
    } catch {
        GEOSGeom_destroy_r(h, shell)
        for hole in holes { GEOSGeom_destroy_r(h, hole) }
        throw error
    }
    // GEOSGeom_createPolygon_r takes ownership of the shell and holes, also on failure.
    let g = holes.withUnsafeMutableBufferPointer {
        GEOSGeom_createPolygon_r(h, shell, $0.baseAddress, UInt32($0.count))
    }
    guard let g else { throw context.error("GEOSGeom_createPolygon_r") }
    return g
}

private func makeCollection(
    _ type: GEOSGeomTypes, _ members: [Geometry], _ context: GEOSContext
) throws(GeometryError) -> OpaquePointer {
    let h = context.handle
    var raw = [OpaquePointer?]()
    raw.reserveCapacity(members.count)
    do {
        for member in members { raw.append(try member.makeRawGEOS(context)) }
    } catch {
        for g in raw { GEOSGeom_destroy_r(h, g) }
        throw error
    }
    let g = raw.withUnsafeMutableBufferPointer {
        GEOSGeom_createCollection_r(h, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let g else { throw context.error("GEOSGeom_createCollection_r") }
    return g
}

private func readPoints(_ pointer: OpaquePointer, _ context: GEOSContext) throws(GeometryError) -> [Point] {
    let h = context.handle
    guard let seq = GEOSGeom_getCoordSeq_r(h, pointer) else { throw context.error("GEOSGeom_getCoordSeq_r") }
    var size: UInt32 = 0
    guard GEOSCoordSeq_getSize_r(h, seq, &size) != 0 else { throw context.error("GEOSCoordSeq_getSize_r") }
    var buffer = [Double](repeating: 0, count: Int(size) * 2)
    let ok = buffer.withUnsafeMutableBufferPointer {
        GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0)
    }
    guard ok != 0 else { throw context.error("GEOSCoordSeq_copyToBuffer_r") }
    return (0..<Int(size)).map { Point(x: buffer[2 * $0], y: buffer[2 * $0 + 1]) }
}

private func readPolygon(_ pointer: OpaquePointer, _ context: GEOSContext) throws(GeometryError) -> Polygon {
    let h = context.handle
    guard let shell = GEOSGetExteriorRing_r(h, pointer) else { throw context.error("GEOSGetExteriorRing_r") }
    let exterior = LinearRing(unchecked: try readPoints(shell, context))
    let count = GEOSGetNumInteriorRings_r(h, pointer)
    guard count >= 0 else { throw context.error("GEOSGetNumInteriorRings_r") }
    var holes = [LinearRing]()
    for index in 0..<count {
        guard let ring = GEOSGetInteriorRingN_r(h, pointer, index) else {
            throw context.error("GEOSGetInteriorRingN_r")
        }
        holes.append(LinearRing(unchecked: try readPoints(ring, context)))
    }
    return Polygon(exterior: exterior, holes: holes)
}

private func readMembers(_ pointer: OpaquePointer, _ context: GEOSContext) throws(GeometryError) -> [Geometry] {
    let h = context.handle
    let count = GEOSGetNumGeometries_r(h, pointer)
    guard count >= 0 else { throw context.error("GEOSGetNumGeometries_r") }
    var members = [Geometry]()
    members.reserveCapacity(Int(count))
    for index in 0..<count {
        guard let member = GEOSGetGeometryN_r(h, pointer, index) else {
            throw context.error("GEOSGetGeometryN_r")
        }
        let value = try Geometry(borrowing: member, context)
        if !value.isEmpty || GEOSGeomTypeId_r(h, member) == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            members.append(value)
        }
    }
    return members
}
