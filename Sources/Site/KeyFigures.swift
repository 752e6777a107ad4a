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
        let value: (Report) -> Decimal?
    }

    static func total(_ report: Report, _ rows: [String]) -> Decimal? {
        sum(report.applications, rows, "total")
    }

    static func rows(_ report: Report, prefix: String) -> [String] {
        let dotted = prefix + "."
        return report.applications.shape.rows.compactMap { $0.key == prefix || $0.key.hasPrefix(dotted) ? $0.key : nil }
    }

    static func review(_ report: Report, _ rows: [String], _ column: String) -> Decimal? {
        sum(report.reviewLitigation, rows, column)
    }

    /// The sum of one column over `rows`; nil when a cell is missing. Reads the row's cells
    /// once: `table[row, column]` would look the cell up twice; and only their numbers.
    private static func sum(_ table: ReportTable, _ rows: [String], _ column: String) -> Decimal? {
        var sum: Decimal = 0
        for row in rows {
            guard let n = table.cells(inRow: row)?.number(column) else { return nil }
            sum += n
        }
        return sum
    }

    static let all: [Figure] = [
        Figure(key: "received", label: "本年新收申请", short: "新收申请") { total($0, ["newlyReceived"]) },
        Figure(key: "granted", label: "予以公开", short: "予以公开") { total($0, ["granted"]) },
        Figure(key: "partiallyGranted", label: "部分公开", short: "部分公开") { total($0, ["partiallyGranted"]) },
        Figure(key: "denied", label: "不予公开", short: "不予公开") { total($0, rows($0, prefix: "denied")) },
        Figure(key: "unavailable", label: "无法提供", short: "无法提供") { total($0, rows($0, prefix: "unavailable")) },
        Figure(key: "notProcessed", label: "不予处理", short: "不予处理") { total($0, rows($0, prefix: "notProcessed")) },
        Figure(key: "otherHandling", label: "其他处理", short: "其他处理") { total($0, rows($0, prefix: "other")) },
        Figure(key: "carriedForward", label: "结转下年度", short: "结转下年") { total($0, ["carriedForward"]) },
        Figure(key: "review", label: "行政复议", short: "复议") { review($0, ["review"], "total") },
        Figure(key: "reviewCorrected", label: "复议纠正", short: "复议纠正") { review($0, ["review"], "corrected") },
        Figure(key: "litigation", label: "行政诉讼", short: "诉讼") { review($0, ["litigationDirect", "litigationAfterReview"], "total") },
        Figure(key: "litigationCorrected", label: "诉讼纠正", short: "诉讼纠正") { review($0, ["litigationDirect", "litigationAfterReview"], "corrected") },
        Figure(key: "documentsInForce", label: "现行有效规范性文件", short: "有效规范性文件") { report in
            report.template == .v2021 ? report.activeDisclosure.number("normativeDocuments", "inForce") : nil
        },
    ]

    /// Share of handled applications granted in full: 予以公开 ÷ (七)总计.
    static func grantedShare(_ report: Report) -> Decimal? {
        guard let granted = total(report, ["granted"]), let handled = total(report, ["totalHandled"]), handled > 0 else { return nil }
        return granted / handled
    }

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
