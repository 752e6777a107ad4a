import Foundation

/// One cell of a report table: its number (nil when missing or unplaceable) and where it was read.
public struct TableValue: Hashable, Sendable {
    public var number: Decimal?
    public var location: SourceLocation?

    public init(_ number: Decimal?, at location: SourceLocation? = nil) {
        self.number = number
        self.location = location
    }

    public static let missing = TableValue(nil)
}

/// A table of a report keyed like the open-data schema: row key → column key → value.
/// Every template row and column is present; a value that could not be read is `.missing`.
public struct ReportTable: Hashable, Sendable {
    public let shape: TableShape
    public private(set) var values: [String: [String: TableValue]]

    public init(shape: TableShape) {
        self.shape = shape
        var values: [String: [String: TableValue]] = [:]
        for row in shape.rows {
            values[row.key] = Dictionary(uniqueKeysWithValues: row.columns.map { ($0, TableValue.missing) })
        }
        self.values = values
    }

    public subscript(row: String, column: String) -> TableValue {
        get { values[row]?[column] ?? .missing }
        set {
            precondition(values[row]?[column] != nil, "no cell \(row).\(column) in \(shape.name)")
            values[row]![column] = newValue
        }
    }

    public func number(_ row: String, _ column: String) -> Decimal? { self[row, column].number }

    /// True when no cell holds a number (the table was not found at all).
    public var isEmpty: Bool { values.values.allSatisfy { $0.values.allSatisfy { $0.number == nil } } }
}
