internal import CPROJ
import Foundation
public import IncidentGeometry

/// A metre-based projection centred on a point, through PROJ (`proj_create_crs_to_crs` from
/// EPSG:4326, then `proj_normalize_for_visualization` so positions go in as longitude, latitude
/// whatever the CRS's official axis order).
///
/// Near its centre an azimuthal equidistant projection keeps distances from the centre true and
/// shapes nearly so, which makes GEOS's planar buffers metric; a Lambert azimuthal equal-area
/// projection keeps areas true. Not `Sendable`: it owns a PROJ context. Make one per task.
public final class LocalProjection {
    /// Which property the projection preserves.
    public enum Kind: Sendable {
        /// `+proj=aeqd`: true distances from the centre.
        case azimuthalEquidistant
        /// `+proj=laea`: true areas.
        case lambertAzimuthalEqualArea
    }

    /// The projection's centre.
    public let center: GeoCoordinate
    /// The target CRS as a PROJ string.
    public let definition: String
    private let context: OpaquePointer
    private let transform: OpaquePointer

    /// Creates the transformation; throws ``GeodesyError/projectionUnavailable(definition:message:)``.
    public init(center: GeoCoordinate, kind: Kind = .azimuthalEquidistant) throws(GeodesyError) {
        self.center = center
        let name = kind == .azimuthalEquidistant ? "aeqd" : "laea"
        definition = "+proj=\(name) +lat_0=\(center.latitude) +lon_0=\(center.longitude) +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
        guard let context = proj_context_create() else {
            throw .projectionUnavailable(definition: definition, message: "proj_context_create failed")
        }
        // PROJ writes its own diagnostics to stderr otherwise; errors are read through proj_context_errno.
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, "EPSG:4326", definition, nil) else {
            let message = Self.message(context)
            proj_context_destroy(context)
            throw .projectionUnavailable(definition: definition, message: message)
        }
        let normalized = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
        guard let normalized else {
            let message = Self.message(context)
            proj_context_destroy(context)
            throw .projectionUnavailable(definition: definition, message: message)
        }
        self.context = context
        self.transform = normalized
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Longitude/latitude degrees to projected metres (`proj_trans`, `PJ_FWD`).
    public func project(_ point: Point) throws(GeodesyError) -> Point {
        try trans(point, PJ_FWD)
    }

    /// Projected metres back to longitude/latitude degrees (`proj_trans`, `PJ_INV`).
    public func unproject(_ point: Point) throws(GeodesyError) -> Point {
        try trans(point, PJ_INV)
    }

    /// Every position of `geometry` projected to metres.
    public func project(_ geometry: Geometry) throws(GeodesyError) -> Geometry {
        try mapPoints(geometry) { (p) throws(GeodesyError) in try project(p) }
    }

    /// Every position of `geometry` back to degrees.
    public func unproject(_ geometry: Geometry) throws(GeodesyError) -> Geometry {
        try mapPoints(geometry) { (p) throws(GeodesyError) in try unproject(p) }
    }

    private func mapPoints(
        _ geometry: Geometry, _ body: (Point) throws(GeodesyError) -> Point
    ) throws(GeodesyError) -> Geometry {
        do {
            return try geometry.mapPoints { try body($0) }
        } catch let error as GeodesyError {
            throw error
        } catch {
            throw .transformFailed(x: .nan, y: .nan, message: "\(error)")
        }
    }

    private func trans(_ point: Point, _ direction: PJ_DIRECTION) throws(GeodesyError) -> Point {
        guard point.x.isFinite, point.y.isFinite else {
            throw .transformFailed(x: point.x, y: point.y, message: "not a finite position")
        }
        proj_errno_reset(transform)
        let result = proj_trans(transform, direction, proj_coord(point.x, point.y, 0, 0))
        let x = result.xy.x
        let y = result.xy.y
        guard x.isFinite, y.isFinite, x != .greatestFiniteMagnitude, proj_errno(transform) == 0 else {
            throw .transformFailed(x: point.x, y: point.y, message: Self.message(context))
        }
        return Point(x: x, y: y)
    }

    private static func message(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "unknown PROJ error" }
        return String(cString: text)
    }
}

@available(*, unavailable, message: "owns a PROJ context; make one per task")
extension LocalProjection: Sendable {}
