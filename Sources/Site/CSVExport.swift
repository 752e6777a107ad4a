import Foundation
import ReportModel

/// The open-data CSV files `data/active-disclosure.csv`, `data/applications.csv` and
/// `data/review-litigation.csv`: one row per report, in the order given.
///
/// Format: UTF-8 with a byte-order mark (so spreadsheet software reads the Chinese text),
/// CRLF after every record including the last, quoting per RFC 4180.
///
/// Columns: `id,agency,agencySlug,region,year,template`, then one column per table cell named
/// `<rowKey>.<columnKey>` (the keys of `data/reports.json`). The two templates differ in the
/// first two tables, so the cell columns are the union of both templates' cells:
/// every cell of the 2021 template in row order, then column order; then every cell of the
/// 2019 template not already listed, in its row and column order. A cell with the same key in
/// both templates (e.g. `licensing.decisions`, `review.total`) is one column. A cell the
/// report's template does not have is empty, exactly like a missing (null) value.
///
/// - `region` is the chain joined with ` › `; `year` empty when unknown; `template` `2021`/`2019`.
/// - Numbers are written as `Decimal.description` (`12.5`, `-3`, `70`), never as text.
/// - Text fields lose bidi control characters (U+202A–U+202E, U+2066–U+2069) and, when they then
///   start with `=`, `+`, `-`, `@`, tab or CR, get a leading `'` so a spreadsheet does not run them
///   as a formula.
public enum CSVExport {
    public static func activeDisclosure(_ reports: [Report]) -> Data {
        csv(reports, cells: activeDisclosureCells, table: \.activeDisclosure)
    }

    public static func applications(_ reports: [Report]) -> Data {
        csv(reports, cells: applicationsCells, table: \.applications)
    }

    public static func reviewLitigation(_ reports: [Report]) -> Data {
        csv(reports, cells: reviewLitigationCells, table: \.reviewLitigation)
    }

    /// The columns before the table cells.
    static let leadingColumns = ["id", "agency", "agencySlug", "region", "year", "template"]

    /// One table cell column: row key and column key.
    struct Cell: Hashable {
        var row: String
        var column: String
        var name: String { "\(row).\(column)" }
    }

    static let activeDisclosureCells = union(.activeDisclosure(.v2021), .activeDisclosure(.v2019))
    static let applicationsCells = union(.applications(.v2021), .applications(.v2019))
    static let reviewLitigationCells = union(.reviewLitigation)

    /// Every cell of the first shape in row then column order, then the cells of the later
    /// shapes not yet listed.
    static func union(_ shapes: TableShape...) -> [Cell] {
        var cells: [Cell] = []
        var seen: Set<Cell> = []
        for shape in shapes {
            for row in shape.rows {
                for column in row.columns {
                    let cell = Cell(row: row.key, column: column)
                    if seen.insert(cell).inserted { cells.append(cell) }
                }
            }
        }
        return cells
    }

    private static func csv(_ reports: [Report], cells: [Cell], table: KeyPath<Report, ReportTable>) -> Data {
        var out = "\u{FEFF}"
        out += record(leadingColumns.map(field) + cells.map { field($0.name) })
        for report in reports {
            let values = report[keyPath: table]
            let fields = [
                text(report.id),
                text(report.agency),
                text(report.agencySlug),
                text(report.region.joined(separator: " › ")),
                report.year.map(String.init) ?? "",
                text(report.template.rawValue),
            ] + cells.map { cell in values.number(cell.row, cell.column).map { "\($0)" } ?? "" }
            out += record(fields)
        }
        return Data(out.utf8)
    }

    private static func record(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// A text field: bidi controls removed, formula-like starts neutralised, then quoted.
    static func text(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.filter { !isBidiControl($0) })
        var cleaned = String(scalars)
        if let first = cleaned.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cleaned = "'" + cleaned
        }
        return field(cleaned)
    }

    /// RFC 4180: a field holding a comma, quote, CR or LF is quoted, its quotes doubled.
    static func field(_ value: String) -> String {
        // Compare scalars: "\r\n" is one Character, so `contains("\n")` would miss it.
        let special = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard special else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
