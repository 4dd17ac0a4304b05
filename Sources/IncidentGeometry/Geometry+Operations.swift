internal import CGEOS

extension Geometry {
    /// Whether the geometry is valid in the OGC sense (`GEOSisValid_r`).
    public func isValid() throws(GeometryError) -> Bool {
        try withGEOS(self) { (c, g) throws(GeometryError) in try predicateResult(GEOSisValid_r(c.handle, g), c, "GEOSisValid_r") }
    }

    /// Why the geometry is invalid, or `"Valid Geometry"` (`GEOSisValidReason_r`).
    public func validityReason() throws(GeometryError) -> String {
        try withGEOS(self) { (c, g) throws(GeometryError) -> String in
            guard let reason = GEOSisValidReason_r(c.handle, g) else { throw c.error("GEOSisValidReason_r") }
            defer { GEOSFree_r(c.handle, reason) }
            return String(cString: reason)
        }
    }

    /// A valid geometry covering the same points (`GEOSMakeValid_r`), e.g. a bow-tie becomes two triangles.
    public func makeValid() throws(GeometryError) -> Geometry {
        try withGEOS(self) { (c, g) throws(GeometryError) in try takeResult(GEOSMakeValid_r(c.handle, g), c, "GEOSMakeValid_r") }
    }

    /// The points shared with `other` (`GEOSIntersection_r`).
    public func intersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        try binary(other, "GEOSIntersection_r") { GEOSIntersection_r($0, $1, $2) }
    }

    /// The points of either geometry (`GEOSUnion_r`).
    public func union(_ other: Geometry) throws(GeometryError) -> Geometry {
        try binary(other, "GEOSUnion_r") { GEOSUnion_r($0, $1, $2) }
    }

    /// The points of this geometry not in `other` (`GEOSDifference_r`).
    public func difference(_ other: Geometry) throws(GeometryError) -> Geometry {
        try binary(other, "GEOSDifference_r") { GEOSDifference_r($0, $1, $2) }
    }

    /// The union of the members of a collection, dissolving shared boundaries (`GEOSUnaryUnion_r`).
    public func unaryUnion() throws(GeometryError) -> Geometry {
        try withGEOS(self) { (c, g) throws(GeometryError) in try takeResult(GEOSUnaryUnion_r(c.handle, g), c, "GEOSUnaryUnion_r") }
    }

    /// A planar buffer in the geometry's own units (`GEOSBuffer_r`).
    ///
    /// For geographic data the width is in degrees, which is not a distance: use
    /// `metricBuffer(radiusMeters:)` from IncidentGeodesy for metres.
    public func buffer(width: Double, quadrantSegments: Int = 16) throws(GeometryError) -> Geometry {
        guard width.isFinite else { throw .nonFiniteCoordinate }
        return try withGEOS(self) { (c, g) throws(GeometryError) in
            try takeResult(GEOSBuffer_r(c.handle, g, width, Int32(quadrantSegments)), c, "GEOSBuffer_r")
        }
    }

    /// The planar area in the geometry's own units squared (`GEOSArea_r`).
    public func planarArea() throws(GeometryError) -> Double {
        try withGEOS(self) { (c, g) throws(GeometryError) -> Double in
            var area = 0.0
            guard GEOSArea_r(c.handle, g, &area) == 1 else { throw c.error("GEOSArea_r") }
            return area
        }
    }

    /// The centroid (`GEOSGetCentroid_r`); the empty geometry for an empty input.
    public func centroid() throws(GeometryError) -> Geometry {
        try withGEOS(self) { (c, g) throws(GeometryError) in try takeResult(GEOSGetCentroid_r(c.handle, g), c, "GEOSGetCentroid_r") }
    }

    /// Whether this geometry contains `other` (`GEOSContains_r`).
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool {
        try predicate(other, "GEOSContains_r") { GEOSContains_r($0, $1, $2) }
    }

    /// Whether this geometry lies within `other` (`GEOSWithin_r`).
    public func within(_ other: Geometry) throws(GeometryError) -> Bool {
        try predicate(other, "GEOSWithin_r") { GEOSWithin_r($0, $1, $2) }
    }

    /// Whether the geometries share any point (`GEOSIntersects_r`).
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool {
        try predicate(other, "GEOSIntersects_r") { GEOSIntersects_r($0, $1, $2) }
    }

    /// Whether the geometries are topologically equal (`GEOSEquals_r`).
    public func topologicallyEquals(_ other: Geometry) throws(GeometryError) -> Bool {
        try predicate(other, "GEOSEquals_r") { GEOSEquals_r($0, $1, $2) }
    }

    private func binary(
        _ other: Geometry, _ name: String,
        _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws(GeometryError) -> Geometry {
        let context = try GEOSContext()
        let a = try makeGEOS(context)
        let b = try other.makeGEOS(context)
        return try takeResult(call(context.handle, a.pointer, b.pointer), context, name)
    }

    private func predicate(
        _ other: Geometry, _ name: String,
        _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws(GeometryError) -> Bool {
        let context = try GEOSContext()
        let a = try makeGEOS(context)
        let b = try other.makeGEOS(context)
        return try predicateResult(call(context.handle, a.pointer, b.pointer), context, name)
    }
}
