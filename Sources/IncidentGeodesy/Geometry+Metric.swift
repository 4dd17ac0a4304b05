public import IncidentGeometry

extension Geometry {
    /// A buffer of `radiusMeters` around a geographic geometry, returned in degrees.
    ///
    /// GEOS buffers are planar, so the geometry is projected to an azimuthal equidistant
    /// projection centred on its centroid, buffered there in metres, and projected back.
    /// Accurate for the sizes analysts use (up to a few hundred kilometres).
    public func metricBuffer(radiusMeters: Double, quadrantSegments: Int = 16) throws -> Geometry {
        guard radiusMeters.isFinite, radiusMeters >= 0 else { throw GeodesyError.invalidDistance(meters: radiusMeters) }
        let projection = try LocalProjection(center: try referenceCoordinate())
        let projected = try projection.project(self)
        let buffered = try projected.buffer(width: radiusMeters, quadrantSegments: quadrantSegments)
        return try projection.unproject(buffered)
    }

    /// The area of a geographic geometry in square metres, on the WGS 84 ellipsoid
    /// (`geod_polygonarea` per ring, holes subtracted). Points and lines have no area.
    public func areaSquareMeters() -> Double {
        polygons.reduce(0) { total, polygon in
            total + Geodesic.areaSquareMeters(ring: polygon.exterior.points)
                - polygon.holes.reduce(0) { $0 + Geodesic.areaSquareMeters(ring: $1.points) }
        }
    }

    /// The area in square metres measured in a Lambert azimuthal equal-area projection
    /// centred on the geometry (PROJ `+proj=laea`); agrees with ``areaSquareMeters()``
    /// to well under 0.1% for areas of a governorate's size.
    public func projectedAreaSquareMeters() throws -> Double {
        let projection = try LocalProjection(center: try referenceCoordinate(), kind: .lambertAzimuthalEqualArea)
        return try projection.project(self).planarArea()
    }

    /// The centre used for local projections: the centroid, or the first point of an odd shape.
    func referenceCoordinate() throws -> GeoCoordinate {
        if case .point(let p) = try centroid() { return try GeoCoordinate(p) }
        guard let first = allPoints.first else {
            throw GeodesyError.invalidCoordinate(text: "empty geometry", reason: "has no position")
        }
        return try GeoCoordinate(first)
    }
}
