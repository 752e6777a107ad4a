import Foundation
import ReportModel

/// A report's cells in the comparison tables (`ComparisonTable`): its key figures, their `<td>`s
/// and its share's. They are the same in every table the report is a row of (its agency's, its
/// year's and each of its regions'), and working them out was most of a row: a build that shares
/// one memo works them out once per report. Safe to use from several threads.
final class ComparisonCells: @unchecked Sendable {
    struct Entry {
        /// The row's `<td>`s, after its header cell.
        let html: [UInt8]
        /// The figures' values, in the order of `KeyFigures.all` (the totals row adds them up).
        let values: [Decimal?]
    }

    private let lock = NSLock()
    /// By the report's source, which names one report in a catalog.
    private var entries: [String: Entry] = [:]

    func entry(_ report: Report) -> Entry {
        if let known = lock.withLock({ entries[report.source] }) { return known }
        let entry = Self.make(report)
        lock.withLock { entries[report.source] = entry }
        return entry
    }

    static func make(_ report: Report) -> Entry {
        let values = KeyFigures.all.map { $0.value(report) }
        var html: [UInt8] = []
        html.reserveCapacity(768)
        for value in values { appendCell(value, to: &html) }
        let share = ShareText.shared.texts(report)
        html += #"<td data-sort=""#.utf8
        html += share.sort.utf8
        html += #"">"#.utf8
        html += share.percent.utf8
        html += "</td>".utf8
        return Entry(html: html, values: values)
    }

    private static func appendCell(_ value: Decimal?, to html: inout [UInt8]) {
        guard let value else {
            html += #"<td class="missing" data-sort="" title="缺失">—</td>"#.utf8
            return
        }
        let text = HTML.format(value)  // digits, sign and point only: nothing to escape
        html += #"<td data-sort=""#.utf8
        html += text.utf8
        html += #"">"#.utf8
        html += text.utf8
        html += "</td>".utf8
    }
}
