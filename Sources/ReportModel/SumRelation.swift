import Foundation

/// One cell of a table, by row and column key.
public struct CellRef: Hashable, Sendable {
    public let row: String
    public let column: String

    public init(_ row: String, _ column: String) {
        self.row = row
        self.column = column
    }
}

/// A sum the national template requires to hold (勾稽关系): the cells on the left add up to
/// the cells on the right. The parser uses these to split digits run together; the checker
/// reports where they fail.
public struct SumRelation: Hashable, Sendable {
    /// Stable rule id, e.g. `applications.balance`.
    public let rule: String
    public let left: [CellRef]
    public let right: [CellRef]

    public init(rule: String, left: [CellRef], right: [CellRef]) {
        self.rule = rule
        self.left = left
        self.right = right
    }

    /// Both sides, or nil when a cell is missing.
    public func sides(in table: ReportTable) -> (left: Decimal, right: Decimal)? {
        var l: Decimal = 0
        var r: Decimal = 0
        for cell in left {
            guard let n = table.number(cell.row, cell.column) else { return nil }
            l += n
        }
        for cell in right {
            guard let n = table.number(cell.row, cell.column) else { return nil }
            r += n
        }
        return (l, r)
    }

    /// Whether the sum holds; nil when a cell is missing.
    public func holds(in table: ReportTable) -> Bool? {
        sides(in: table).map { $0.left == $0.right }
    }

    /// Where a relation's cells sit in the tables of one shape (`TableShape.position`; nil for
    /// a cell the shape does not have).
    public struct Positions: Hashable, Sendable {
        public let left: [Int?]
        public let right: [Int?]
    }
}

extension ReportTable {
    /// `sides(ofRelation: index).map { $0.left == $0.right }`: whether the sum holds, nil when
    /// a cell is missing. Cells packed as whole numbers are added as integers (exact, as
    /// `Decimal` is for them): `Decimal` addition was most of the checks' time.
    public func relationHolds(_ index: Int) -> Bool? {
        let positions = shape.relationPositions[index]
        var sum = 0
        var unknown = false
        func add(_ side: [Int?], _ sign: Int) -> Bool {
            for position in side {
                guard let position else { return false }
                switch whole(at: position) {
                case .value(let n): sum += sign * n
                case .missing: return false
                case .unknown: unknown = true
                }
            }
            return true
        }
        guard add(positions.left, 1), add(positions.right, -1) else { return nil }
        if unknown { return sides(ofRelation: index).map { $0.left == $0.right } }
        return sum == 0
    }

    /// `shape.relations[index].sides(in: self)`, reading the cells at the shape's positions.
    public func sides(ofRelation index: Int) -> (left: Decimal, right: Decimal)? {
        let positions = shape.relationPositions[index]
        var l: Decimal = 0
        var r: Decimal = 0
        for position in positions.left {
            guard let position, let n = number(at: position) else { return nil }
            l += n
        }
        for position in positions.right {
            guard let position, let n = number(at: position) else { return nil }
            r += n
        }
        return (l, r)
    }
}

extension TableShape {
    /// The sums a table of this name and these rows must keep (see `relations`).
    static func relations(name: String, rows: [Row]) -> [SumRelation] {
        switch name {
        case "applications":
            let columns = TableShape.applicantColumns.map(\.key)
            let outcomes = outcomeRowKeys(rows)
            var relations: [SumRelation] = []
            for column in columns {
                relations.append(SumRelation(rule: "applications.balance",
                    left: [CellRef("newlyReceived", column), CellRef("carriedOver", column)],
                    right: [CellRef("totalHandled", column), CellRef("carriedForward", column)]))
                relations.append(SumRelation(rule: "applications.outcomes",
                    left: outcomes.map { CellRef($0, column) },
                    right: [CellRef("totalHandled", column)]))
            }
            for row in rows {
                relations.append(SumRelation(rule: "applications.row-total",
                    left: columns.dropLast().map { CellRef(row.key, $0) },
                    right: [CellRef(row.key, "total")]))
            }
            return relations
        case "reviewLitigation":
            return rows.map { row in
                SumRelation(rule: "review.total",
                            left: ["upheld", "corrected", "other", "pending"].map { CellRef(row.key, $0) },
                            right: [CellRef(row.key, "total")])
            }
        default:
            return []
        }
    }
}
