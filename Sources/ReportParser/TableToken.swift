import ReportModel

/// One piece of a table as the cell reader sees it, whatever the layout: a label text,
/// an empty cell, or one or more numbers.
struct TableToken: Hashable {
    enum Kind: Hashable {
        case text(String)
        case empty
        /// One number as written, in a cell of its own: `.numbers([text], glued: false)`
        /// without an array, which most cells of a table would otherwise each allocate.
        case number(String)
        /// Numbers as written. `glued` marks digits that were not in cells of their own
        /// (web text with cells run together, `230 000023`), which may be re-split by the
        /// table's sums; numbers in separate cells never are.
        case numbers([String], glued: Bool)
    }

    var kind: Kind
    var location: SourceLocation

    var isValue: Bool {
        if case .text = kind { return false }
        return true
    }

    /// Whether the token is a number or numbers (not a blank cell or a label).
    var holdsNumbers: Bool {
        switch kind {
        case .number, .numbers: return true
        case .text, .empty: return false
        }
    }
}
