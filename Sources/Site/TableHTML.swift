import Foundation
import ReportModel

/// The three report tables as HTML shaped like the national template: grouped headers and
/// row groups with rowspan/colspan, captions, and scoped header cells.
enum TableHTML {
    // Cells are read through `table.cells(inRow:)` once per row: `table[row, column]` looks the
    // row up again for every cell, and string hashing is much of these tables' cost.

    /// Findings by the place of the value they concern, so the cell can point at them.
    struct Marks {
        var byLocation: [SourceLocation: [Int]] = [:]

        init(_ diagnostics: [Diagnostic]) {
            for (i, d) in diagnostics.enumerated() { byLocation[d.location, default: []].append(i + 1) }
        }

        /// Appends the cell `column` of `cells` (a missing cell when either is absent) to `html`
        /// (no intermediate strings: tables have hundreds of cells); `colspan` above 1 becomes
        /// the first attribute.
        func appendCell(_ cells: ReportTable.RowCells?, _ column: String, colspan: Int = 1, to html: inout String) {
            html += "<td"
            if colspan > 1 { html += #" colspan=""# + String(colspan) + "\"" }
            // Most reports have no findings: read the number alone then, not the location, and
            // skip hashing the location.
            let number: Decimal?
            if !byLocation.isEmpty, let value = cells?[column] {
                if let location = value.location, let numbers = byLocation[location] {
                    let refs = numbers.map { ##"<a class="finding-ref" href="#finding-\##($0)" aria-label="核对发现\##($0)">[\##($0)]</a>"## }.joined()
                    let text = value.number.map(HTML.format) ?? "—"
                    html += #" class="flagged\#(value.number == nil ? " missing" : "")">\#(text)<sup>\#(refs)</sup></td>"#
                    return
                }
                number = value.number
            } else {
                number = cells?.number(column)
            }
            if let number {
                html += ">"
                html += HTML.format(number)
                html += "</td>"
            } else {
                html += #" class="missing" title="缺失">—</td>"#
            }
        }
    }

    static func activeDisclosure(_ table: ReportTable, marks: Marks) -> String {
        let shape = table.shape
        let width = 1 + (shape.rows.map(\.columns.count).max() ?? 1)
        var html = #"<table class="report-table active-disclosure"><caption>主动公开政府信息情况</caption><tbody>"#
        var currentGroup: String?
        for row in shape.rows {
            if row.group != currentGroup, let group = row.group {
                currentGroup = group
                html += #"<tr><th colspan="\#(width)" scope="colgroup" class="group">\#(HTML.escape(group))</th></tr>"#
                html += #"<tr><th scope="col">信息内容</th>"#
                for (i, key) in row.columns.enumerated() {
                    let span = i == row.columns.count - 1 ? width - row.columns.count : 1
                    html += #"<th scope="col"\#(span > 1 ? " colspan=\"\(span)\"" : "")>\#(HTML.escape(shape.column(key)?.label ?? key))</th>"#
                }
                html += "</tr>"
            }
            html += #"<tr><th scope="row">\#(HTML.escape(row.label))</th>"#
            let cells = table.cells(inRow: row.key)
            for (i, key) in row.columns.enumerated() {
                let span = i == row.columns.count - 1 ? width - row.columns.count : 1
                marks.appendCell(cells, key, colspan: span, to: &html)
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    static func applications(_ table: ReportTable, marks: Marks) -> String {
        let shape = table.shape
        var html = #"<table class="report-table applications"><caption>收到和处理政府信息公开申请情况</caption><thead>"#
        html += #"<tr><td colspan="3" rowspan="3" class="note">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th colspan="7" scope="colgroup">申请人情况</th></tr>"#
        html += #"<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>"#
        html += "<tr>" + ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { #"<th scope="col">\#($0)</th>"# }.joined() + "</tr>"
        html += "</thead><tbody>"
        func appendValues(_ key: String) {
            let cells = table.cells(inRow: key)  // one row lookup, then one per column
            for column in TableShape.applicantColumns { marks.appendCell(cells, column.key, to: &html) }
        }
        let results = shape.rows.filter { $0.group != nil }
        var seenGroups: Set<String> = []
        for row in shape.rows {
            html += "<tr>"
            guard let group = row.group else {
                html += #"<th colspan="3" scope="row">\#(HTML.escape(row.label))</th>"#
                appendValues(row.key)
                html += "</tr>"
                continue
            }
            if row.key == results.first?.key {
                html += #"<th rowspan="\#(results.count)" scope="rowgroup">三、本年度办理结果</th>"#
            }
            if group == "三、本年度办理结果" {
                html += #"<th colspan="2" scope="row">\#(HTML.escape(row.label))</th>"#
            } else {
                if !seenGroups.contains(group) {
                    seenGroups.insert(group)
                    let span = shape.rows.filter { $0.group == group }.count
                    html += #"<th rowspan="\#(span)" scope="rowgroup">\#(HTML.escape(group))</th>"#
                }
                html += #"<th scope="row">\#(HTML.escape(row.label))</th>"#
            }
            appendValues(row.key)
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    static func reviewLitigation(_ table: ReportTable, marks: Marks) -> String {
        let columns = table.shape.columns
        var html = #"<table class="report-table review-litigation"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>"#
        html += #"<tr><th colspan="5" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>"#
        html += "<tr>" + columns.map { #"<th rowspan="2" scope="col">\#($0.label)</th>"# }.joined()
        html += #"<th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>"#
        html += "<tr>" + (columns + columns).map { #"<th scope="col">\#($0.label)</th>"# }.joined() + "</tr>"
        html += "</thead><tbody><tr>"
        for row in table.shape.rows {
            let cells = table.cells(inRow: row.key)
            for column in row.columns { marks.appendCell(cells, column, to: &html) }
        }
        return html + "</tr></tbody></table>"
    }
}
