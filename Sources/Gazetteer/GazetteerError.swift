/// What went wrong loading or querying the gazetteer.
public enum GazetteerError: Error, Hashable, Sendable {
    /// No gazetteer folder was found; `searched` lists where we looked.
    case dataNotFound(searched: [String])
    /// A data file could not be read.
    case unreadable(path: String, reason: String)
    /// A row of a data file is malformed.
    case malformedRow(path: String, line: Int, reason: String)
    /// A name that resolves to nothing; `suggestions` are the closest names we know.
    case unknownPlace(name: String, suggestions: [String])
}

extension GazetteerError: CustomStringConvertible {
    /// One line naming the input and the reason.
    public var description: String {
        switch self {
        case .dataNotFound(let searched):
            "gazetteer data not found (looked in \(searched.joined(separator: ", "))); pass --gazetteer DIR or set INCIDENTS_GAZETTEER"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .malformedRow(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .unknownPlace(let name, let suggestions):
            suggestions.isEmpty
                ? "unknown place \"\(name.prefix(80))\""
                : "unknown place \"\(name.prefix(80))\"; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
        }
    }
}
