internal import CGEOS

/// A geometry prepared for many repeated predicate tests (`GEOSPrepare_r`), e.g. a border
/// polygon tested against thousands of points.
///
/// Not `Sendable`: it owns a GEOS context. Make one per task.
public final class PreparedGeometry {
    /// The geometry that was prepared.
    public let geometry: Geometry
    private let context: GEOSContext
    private let base: GEOSObject
    private let prepared: OpaquePointer

    /// Prepares `geometry`; throws when GEOS cannot.
    public init(_ geometry: Geometry) throws(GeometryError) {
        self.geometry = geometry
        context = try GEOSContext()
        base = try geometry.makeGEOS(context)
        guard let prepared = GEOSPrepare_r(context.handle, base.pointer) else {
            throw context.error("GEOSPrepare_r")
        }
        self.prepared = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(context.handle, prepared)
    }

    /// `GEOSPreparedContains_r`.
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool {
        try test(other, "GEOSPreparedContains_r") { GEOSPreparedContains_r($0, $1, $2) }
    }

    /// `GEOSPreparedCovers_r`: like contains, but boundary points count.
    public func covers(_ other: Geometry) throws(GeometryError) -> Bool {
        try test(other, "GEOSPreparedCovers_r") { GEOSPreparedCovers_r($0, $1, $2) }
    }

    /// `GEOSPreparedIntersects_r`.
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool {
        try test(other, "GEOSPreparedIntersects_r") { GEOSPreparedIntersects_r($0, $1, $2) }
    }

    /// `GEOSPreparedWithin_r`: whether the prepared geometry lies within `other`.
    public func within(_ other: Geometry) throws(GeometryError) -> Bool {
        try test(other, "GEOSPreparedWithin_r") { GEOSPreparedWithin_r($0, $1, $2) }
    }

    private func test(
        _ other: Geometry, _ name: String,
        _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws(GeometryError) -> Bool {
        let g = try other.makeGEOS(context)
        return try predicateResult(call(context.handle, prepared, g.pointer), context, name)
    }
}

@available(*, unavailable, message: "owns a GEOS context; make one per task")
extension PreparedGeometry: Sendable {}
