import Foundation
import ReportModel

/// The figures that compare across agencies and years (year, region and agency pages).
/// A figure that needs a missing cell is nil: a total is never made up from part of its cells.
struct KeyFigures {
    struct Figure {
        let key: String
        let label: String
        /// Short label for narrow table headers.
        let short: String
        let cells: Cells

        func value(_ report: Report) -> Decimal? { cells.value(report) }
    }

    /// The cells a figure adds up: some rows of one column of one table. Their places in each
    /// template's table are worked out once, so a figure is a few array reads and additions:
    /// the year and region tables read every report's figures.
    struct Cells: Sendable {
        enum Table: Sendable { case activeDisclosure, applications, reviewLitigation }
        let table: Table
        let column: String
        let rows: @Sendable (TableShape) -> [String]
        /// One cell, its number as written (not added to 0, which may change how it prints).
        let single: Bool
        let template: TemplateVersion?
        /// For each shape of the templates: its rows' storage (which tells that very shape apart
        /// from any other: the template's shapes live as long as the program) and the positions.
        private let plans: [(rows: UInt, positions: [Int]?)]

        init(_ table: Table, column: String, single: Bool = false, template: TemplateVersion? = nil,
             rows: @escaping @Sendable (TableShape) -> [String]) {
            self.table = table
            self.column = column
            self.rows = rows
            self.single = single
            self.template = template
            let shapes: [TableShape] = switch table {
            case .activeDisclosure: TemplateVersion.allCases.map { TableShape.activeDisclosure($0) }
            case .applications: TemplateVersion.allCases.map { TableShape.applications($0) }
            case .reviewLitigation: [TableShape.reviewLitigation]
            }
            plans = shapes.map { (Self.identity($0), Self.positions(rows($0), column, in: $0)) }
        }

        private static func identity(_ shape: TableShape) -> UInt {
            shape.rows.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        }

        init(_ table: Table, _ rows: [String], column: String = "total") {
            self.init(table, column: column) { _ in rows }
        }

        /// nil when a row or the column is not in the shape: the figure is then missing.
        private static func positions(_ rows: [String], _ column: String, in shape: TableShape) -> [Int]? {
            var out: [Int] = []
            for row in rows {
                guard let p = shape.positions[row]?[column] else { return nil }
                out.append(p)
            }
            return out
        }

        func value(_ report: Report) -> Decimal? {
            if let template, report.template != template { return nil }
            let table: ReportTable = switch self.table {
            case .activeDisclosure: report.activeDisclosure
            case .applications: report.applications
            case .reviewLitigation: report.reviewLitigation
            }
            let identity = Self.identity(table.shape)
            let positions = plans.first(where: { $0.rows == identity })?.positions
                ?? Self.positions(rows(table.shape), column, in: table.shape)
            guard let positions else { return nil }
            if single { return positions.count == 1 ? table.number(at: positions[0]) : nil }
            var sum: Decimal = 0
            for p in positions {
                guard let n = table.number(at: p) else { return nil }
                sum += n
            }
            return sum
        }
    }

    static func rows(_ shape: TableShape, prefix: String) -> [String] {
        let dotted = prefix + "."
        return shape.rows.compactMap { $0.key == prefix || $0.key.hasPrefix(dotted) ? $0.key : nil }
    }

    private static func applications(_ prefix: String) -> Cells {
        Cells(.applications, column: "total") { rows($0, prefix: prefix) }
    }

    static let granted = Cells(.applications, ["granted"])
    static let totalHandled = Cells(.applications, ["totalHandled"])

    static let all: [Figure] = [
        Figure(key: "received", label: "本年新收申请", short: "新收申请", cells: Cells(.applications, ["newlyReceived"])),
        Figure(key: "granted", label: "予以公开", short: "予以公开", cells: granted),
        Figure(key: "partiallyGranted", label: "部分公开", short: "部分公开", cells: Cells(.applications, ["partiallyGranted"])),
        Figure(key: "denied", label: "不予公开", short: "不予公开", cells: applications("denied")),
        Figure(key: "unavailable", label: "无法提供", short: "无法提供", cells: applications("unavailable")),
        Figure(key: "notProcessed", label: "不予处理", short: "不予处理", cells: applications("notProcessed")),
        Figure(key: "otherHandling", label: "其他处理", short: "其他处理", cells: applications("other")),
        Figure(key: "carriedForward", label: "结转下年度", short: "结转下年", cells: Cells(.applications, ["carriedForward"])),
        Figure(key: "review", label: "行政复议", short: "复议", cells: Cells(.reviewLitigation, ["review"])),
        Figure(key: "reviewCorrected", label: "复议纠正", short: "复议纠正", cells: Cells(.reviewLitigation, ["review"], column: "corrected")),
        Figure(key: "litigation", label: "行政诉讼", short: "诉讼",
               cells: Cells(.reviewLitigation, ["litigationDirect", "litigationAfterReview"])),
        Figure(key: "litigationCorrected", label: "诉讼纠正", short: "诉讼纠正",
               cells: Cells(.reviewLitigation, ["litigationDirect", "litigationAfterReview"], column: "corrected")),
        Figure(key: "documentsInForce", label: "现行有效规范性文件", short: "有效规范性文件",
               cells: Cells(.activeDisclosure, column: "inForce", single: true, template: .v2021) { _ in ["normativeDocuments"] }),
    ]

    static func percent(_ value: Decimal?) -> String {
        guard let value else { return "—" }
        var rounded = Decimal()
        var scaled = value * 1000
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return tenths(rounded) + "%"
    }

    /// `"\(tenths / 10)"` for a whole number of tenths (505 → `50.5`, 1000 → `100`), without
    /// Decimal's slow division and description.
    static func tenths(_ tenths: Decimal) -> String {
        guard let whole = HTML.wholeNumber(tenths) else { return "\(tenths / 10)" }
        let magnitude = whole.magnitude
        var text = String(magnitude / 10)
        if magnitude % 10 != 0 { text += "." + String(magnitude % 10) }
        return whole < 0 ? "-" + text : text
    }
}
