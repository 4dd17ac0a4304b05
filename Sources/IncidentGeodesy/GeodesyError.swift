/// What went wrong in a geodesic or projection operation.
public enum GeodesyError: Error, Hashable, Sendable {
    /// Text or numbers that are not a WGS 84 coordinate.
    case invalidCoordinate(text: String, reason: String)
    /// A distance or radius that is negative, NaN or infinite.
    case invalidDistance(meters: Double)
    /// Text that is not a distance such as `10km`.
    case invalidDistanceText(text: String)
    /// PROJ could not create the transformation for `definition`.
    case projectionUnavailable(definition: String, message: String)
    /// PROJ could not transform a position.
    case transformFailed(x: Double, y: Double, message: String)
}

extension GeodesyError: CustomStringConvertible {
    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case .invalidCoordinate(let text, let reason):
            "invalid coordinate \"\(text.prefix(80))\": \(reason)"
        case .invalidDistance(let meters):
            "invalid distance \(meters) m: must be a finite number, zero or more"
        case .invalidDistanceText(let text):
            "invalid distance \"\(text.prefix(80))\": write 10km, 500m or 3mi"
        case .projectionUnavailable(let definition, let message):
            "PROJ cannot create \"\(definition)\": \(message)"
        case .transformFailed(let x, let y, let message):
            "PROJ cannot transform (\(x), \(y)): \(message)"
        }
    }
}
