import Foundation
import ReportModel

/// The key-figure comparison table of year, region and agency pages: one row per report,
/// a totals row, the share granted in full. Works without script; `assets/sort.js` makes the
/// headers sort the rows in the browser.
enum ComparisonTable {
    struct Row {
        var label: String
        var link: String?
        var note: String?
        var report: Report
    }

    /// - Parameters:
    ///   - cells: the rows' cells, shared with the other tables of the build.
    ///   - parallelRows: tables with at least this many rows are built on every core.
    static func html(caption: String, firstColumn: String, rows: [Row], totals: Bool, id: String,
                     cells: ComparisonCells = ComparisonCells(), parallelRows: Int = parallelRows) -> String {
        let figures = KeyFigures.all
        let body = bodyRows(rows, cells: cells, parallelRows: parallelRows)
        // Written as bytes, rows and all, and made a string once.
        var html: [UInt8] = []
        html.reserveCapacity(body.reduce(1024) { $0 + $1.html.count })
        html += #"<table class="comparison sortable" id="\#(id)"><caption>\#(HTML.escape(caption))</caption><thead><tr>"#.utf8
        html += #"<th scope="col">\#(HTML.escape(firstColumn))</th>"#.utf8
        html += figureHeads
        for row in body { html += row.html }
        let figureValues = body.map(\.values)
        html += "</tbody>".utf8
        if totals && !rows.isEmpty {
            html += #"<tfoot><tr><th scope="row">合计（\#(rows.count)份）</th>"#.utf8
            var incomplete = false
            for index in figures.indices {
                let values = figureValues.map { $0[index] }
                let known = values.compactMap { $0 }
                let sum = known.reduce(Decimal(0), +)
                if known.isEmpty {
                    html += #"<td class="missing">—</td>"#.utf8
                } else if known.count < values.count {
                    incomplete = true
                    html += #"<td class="partial" title="有\#(values.count - known.count)份报告缺少此项">\#(HTML.format(sum))*</td>"#.utf8
                } else {
                    html += "<td>\(HTML.format(sum))</td>".utf8
                }
            }
            let pairs = rows.compactMap { row -> (Decimal, Decimal)? in
                guard let g = KeyFigures.granted.value(row.report), let h = KeyFigures.totalHandled.value(row.report) else { return nil }
                return (g, h)
            }
            let handled = pairs.map(\.1).reduce(Decimal(0), +)
            html += "<td>\(KeyFigures.percent(handled > 0 ? pairs.map(\.0).reduce(Decimal(0), +) / handled : nil))</td></tr>".utf8
            html += "</tfoot>".utf8
            if incomplete {
                html += #"</table><p class="table-note">* 合计只含填写了此项的报告。</p>"#.utf8
                return String(decoding: html, as: UTF8.self)
            }
        }
        html += "</table>".utf8
        return String(decoding: html, as: UTF8.self)
    }

    /// The figures' header cells, the share's, and the body's start: the same in every table.
    private static let figureHeads: [UInt8] = {
        var html = ""
        for figure in KeyFigures.all {
            html += #"<th scope="col" title="\#(HTML.escape(figure.label))">\#(HTML.escape(figure.short))</th>"#
        }
        html += #"<th scope="col" title="予以公开 ÷ 办理结果总计">全部公开率</th></tr></thead><tbody>"#
        return Array(html.utf8)
    }()

    /// Each row's `<tr>` and figure values (the totals need them too). The tables of year and
    /// large region pages have thousands of rows: those are shared out over every core (those
    /// pages are built one after another), in order.
    private static func bodyRows(_ rows: [Row], cells: ComparisonCells,
                                 parallelRows: Int) -> [(html: [UInt8], values: [Decimal?])] {
        // A row is written as bytes: a few dozen appends to a string cost more than the rest.
        func body(_ row: Row) -> (html: [UInt8], values: [Decimal?]) {
            let entry = cells.entry(row.report)
            let label = HTML.escape(row.label)
            let name = row.link.map { #"<a href="\#(HTML.escape($0))">\#(label)</a>"# } ?? label
            let note = row.note.map { #" <small>\#(HTML.escape($0))</small>"# } ?? ""
            var html: [UInt8] = []
            html.reserveCapacity(entry.html.count + 256)
            html += #"<tr><th scope="row" data-sort="\#(label)">\#(name)\#(note)</th>"#.utf8
            html += entry.html
            html += "</tr>".utf8
            return (html, entry.values)
        }
        return rows.count >= parallelRows ? rows.concurrentMap(body) : rows.map(body)
    }

    /// Below this many rows a table is built on the calling thread.
    static let parallelRows = 200
}
