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

    /// Reports per piece written on one core; the pieces are joined in order.
    static let chunkSize = 256

    private static func csv(_ reports: [Report], cells: [Cell], table: KeyPath<Report, ReportTable>) -> Data {
        var out = Array("\u{FEFF}".utf8)
        out += (leadingColumns.map(field) + cells.map { field($0.name) }).joined(separator: ",").utf8
        out += "\r\n".utf8
        let layout = CellLayout(cells)
        let starts = Array(stride(from: 0, to: reports.count, by: chunkSize))
        var pieces = [[UInt8]](repeating: [], count: starts.count)
        pieces.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: starts.count) { i in
                var writer = RecordWriter(layout: layout)
                for report in reports[starts[i]..<min(starts[i] + chunkSize, reports.count)] {
                    writer.write(report, table: report[keyPath: table])
                }
                (base + i).pointee = writer.out
            }
        }
        var data = Data(capacity: out.count + pieces.reduce(0) { $0 + $1.count })
        data.append(contentsOf: out)
        for piece in pieces { data.append(contentsOf: piece) }
        return data
    }

    /// The cell columns grouped by row key, so a report's row is looked up once, not per cell.
    struct CellLayout {
        let rowKeys: [String]
        /// Per column: the index of its row in `rowKeys`, and its column key.
        let cells: [(row: Int, column: String)]

        init(_ cells: [Cell]) {
            var rowKeys: [String] = [], index: [String: Int] = [:]
            self.cells = cells.map { cell in
                if index[cell.row] == nil {
                    index[cell.row] = rowKeys.count
                    rowKeys.append(cell.row)
                }
                return (index[cell.row]!, cell.column)
            }
            self.rowKeys = rowKeys
        }
    }

    /// Appends records as UTF-8 bytes.
    struct RecordWriter {
        let layout: CellLayout
        var out: [UInt8] = []
        private let numbers = DecimalText.current
        /// Per table shape met so far (a report has one of a template's few): each cell column's
        /// place in the table, nil when the shape has no such cell. Worked out once per shape,
        /// not by the row and column keys of every cell.
        private var positions: [(shape: TableShape, positions: [Int?])] = []

        init(layout: CellLayout) {
            self.layout = layout
        }

        private mutating func positions(of shape: TableShape) -> [Int?] {
            if let known = positions.first(where: { $0.shape === shape }) { return known.positions }
            let found = layout.cells.map { shape.positions[layout.rowKeys[$0.row]]?[$0.column] }
            positions.append((shape, found))
            return found
        }

        mutating func write(_ report: Report, table: ReportTable) {
            text(report.id); comma()
            text(report.agency); comma()
            text(report.agencySlug); comma()
            text(report.region.joined(separator: " › ")); comma()
            if let year = report.year { out += String(year).utf8 }
            comma()
            text(report.template.rawValue)
            for position in positions(of: table.shape) {
                comma()
                // A number never needs quoting: `Decimal.description` is digits, `-` and `.`;
                // zero, most cells, is "0" whatever its exponent.
                if let position, let number = table.number(at: position) {
                    if number.isZero { out.append(UInt8(ascii: "0")) } else { numbers.append(number, to: &out) }
                }
            }
            out += "\r\n".utf8
        }

        private mutating func comma() { out.append(UInt8(ascii: ",")) }

        /// `CSVExport.text(value)`; most text (names, slugs, regions joined with ` › `) needs none
        /// of its changes and is copied as it is: no bidi control, nothing to quote, no
        /// formula-like start.
        private mutating func text(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                guard let first = bytes.first else { return }
                if !CSVExport.formulaStarts.contains(first), CSVExport.isPlain(bytes) {
                    out.append(contentsOf: bytes)
                } else {
                    out += CSVExport.text(String(decoding: bytes, as: UTF8.self)).utf8
                }
            }
        }
    }

    /// Whether UTF-8 text holds no bidi control (U+202A–U+202E: E2 80 AA–AE; U+2066–U+2069:
    /// E2 81 A6–A9) and nothing to quote: `text` would leave it as it is, but for a formula-like
    /// start. (Other characters starting with E2, like the region chain's `›`, are plain.)
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (i, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                return false
            case 0xE2 where i + 2 < bytes.count:
                let (second, third) = (bytes[i + 1], bytes[i + 2])
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    return false
                }
            default:
                continue
            }
        }
        return true
    }

    /// First bytes that make a spreadsheet read a field as a formula.
    static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)

    /// A text field: bidi controls removed, formula-like starts neutralised, then quoted.
    static func text(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.filter { !isBidiControl($0) })
        var cleaned = String(scalars)
        if let first = cleaned.utf8.first, formulaStarts.contains(first) {
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
