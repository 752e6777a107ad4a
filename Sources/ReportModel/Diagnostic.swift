/// One finding about a report: parse problems, consistency rules, completeness.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// Stable identifier, e.g. `parse.ambiguous-digits`; documented in the README.
    public var rule: String
    /// Chinese text an operator understands, with the numbers involved.
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, rule: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
    }
}
