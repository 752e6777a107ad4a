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
    /// The cells in the shape's order (`TableShape.positions`): one flat array, not a dictionary
    /// per row, which cost some 40 KB a report.
    private var cells: [TableValue]

    public init(shape: TableShape) {
        self.shape = shape
        cells = Array(repeating: .missing, count: shape.cellCount)
    }

    public subscript(row: String, column: String) -> TableValue {
        get {
            guard let i = shape.position(row, column) else { return .missing }
            return cells[i]
        }
        set {
            guard let i = shape.position(row, column) else { preconditionFailure("no cell \(row).\(column) in \(shape.name)") }
            cells[i] = newValue
        }
    }

    public func number(_ row: String, _ column: String) -> Decimal? { self[row, column].number }

    /// The cell at `position` (`TableShape.position(_:_:)`): for writers that walk a shape's cells
    /// in an order of their own and look each position up once per shape, not once per cell.
    public func value(at position: Int) -> TableValue { cells[position] }

    /// One row's cells, looked up by column key: the row is found once, not once per cell.
    public struct RowCells {
        let positions: [String: Int]
        let cells: [TableValue]

        public subscript(column: String) -> TableValue? { positions[column].map { cells[$0] } }
    }

    public func cells(inRow key: String) -> RowCells? {
        shape.positions[key].map { RowCells(positions: $0, cells: cells) }
    }

    /// Row → column → value: every cell, by key (builds dictionaries: not for hot paths).
    public var values: [String: [String: TableValue]] {
        var out: [String: [String: TableValue]] = [:]
        for row in shape.rows {
            out[row.key] = Dictionary(uniqueKeysWithValues: row.columns.map { ($0, self[row.key, $0]) })
        }
        return out
    }

    public var isEmpty: Bool { cells.allSatisfy { $0.number == nil } }
}
