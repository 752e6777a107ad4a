import Foundation
import ReportModel

/// The three report tables as HTML shaped like the national template: grouped headers and
/// row groups with rowspan/colspan, captions, and scoped header cells.
enum TableHTML {
    // A table's layout is written once per shape into a `TableSkeleton`; a report's table is the
    // skeleton with the report's values filled in.

    static func activeDisclosure(_ table: ReportTable, marks: Marks) -> String {
        activeDisclosureSkeletons.skeleton(table.shape).render(table, marks: marks)
    }

    static func applications(_ table: ReportTable, marks: Marks) -> String {
        applicationsSkeletons.skeleton(table.shape).render(table, marks: marks)
    }

    static func reviewLitigation(_ table: ReportTable, marks: Marks) -> String {
        reviewLitigationSkeletons.skeleton(table.shape).render(table, marks: marks)
    }

    private static let activeDisclosureSkeletons = TableSkeleton.Memo(
        [.activeDisclosure(.v2021), .activeDisclosure(.v2019)], layout: activeDisclosureLayout)
    private static let applicationsSkeletons = TableSkeleton.Memo(
        [.applications(.v2021), .applications(.v2019)], layout: applicationsLayout)
    private static let reviewLitigationSkeletons = TableSkeleton.Memo([.reviewLitigation], layout: reviewLitigationLayout)

    /// A missing value's cell after its `<td` and colspan.
    static let missingCell = #" class="missing" title="缺失">—</td>"#
    private static let missingCellBytes = Array(missingCell.utf8)
    /// A zero's cell after its `<td` and colspan (`HTML.format` prints every zero as `0`).
    private static let zeroCellBytes = Array(">0</td>".utf8)
    private static let cellEndBytes = Array("</td>".utf8)

    /// Findings by the place of the value they concern, so the cell can point at them.
    struct Marks {
        var byLocation: [SourceLocation: [Int]] = [:]

        init(_ diagnostics: [Diagnostic]) {
            for (i, d) in diagnostics.enumerated() { byLocation[d.location, default: []].append(i + 1) }
        }

        /// Appends the rest of the value cell at `position` of `table`, after its `<td` and
        /// colspan: the value, or the missing mark, and the findings that point at it.
        func appendValue(_ table: ReportTable, at position: Int, to out: inout [UInt8]) {
            // Most reports have no findings: read the number alone then, not the location, and
            // skip hashing the location.
            let number: Decimal?
            if !byLocation.isEmpty {
                let value = table.value(at: position)
                if let location = value.location, let numbers = byLocation[location] {
                    let refs = numbers.map { ##"<a class="finding-ref" href="#finding-\##($0)" aria-label="核对发现\##($0)">[\##($0)]</a>"## }.joined()
                    let text = value.number.map(HTML.format) ?? "—"
                    out.append(contentsOf: #" class="flagged\#(value.number == nil ? " missing" : "")">\#(text)<sup>\#(refs)</sup></td>"#.utf8)
                    return
                }
                number = value.number
            } else {
                number = table.number(at: position)
            }
            if let number, number.isZero {
                out.append(contentsOf: TableHTML.zeroCellBytes)  // most cells
            } else if let number {
                out.append(UInt8(ascii: ">"))
                out.append(contentsOf: HTML.format(number).utf8)
                out.append(contentsOf: TableHTML.cellEndBytes)
            } else {
                out.append(contentsOf: TableHTML.missingCellBytes)
            }
        }
    }

    @Sendable private static func activeDisclosureLayout(_ shape: TableShape) -> TableSkeleton {
        let width = 1 + (shape.rows.map(\.columns.count).max() ?? 1)
        var html = TableSkeleton(shape: shape)
        html += #"<table class="report-table active-disclosure"><caption>主动公开政府信息情况</caption><tbody>"#
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
            for (i, key) in row.columns.enumerated() {
                let span = i == row.columns.count - 1 ? width - row.columns.count : 1
                html.cell(row: row.key, column: key, colspan: span)
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        return html
    }

    @Sendable private static func applicationsLayout(_ shape: TableShape) -> TableSkeleton {
        var html = TableSkeleton(shape: shape)
        html += #"<table class="report-table applications"><caption>收到和处理政府信息公开申请情况</caption><thead>"#
        html += #"<tr><td colspan="3" rowspan="3" class="note">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th colspan="7" scope="colgroup">申请人情况</th></tr>"#
        html += #"<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>"#
        html += "<tr>" + ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { #"<th scope="col">\#($0)</th>"# }.joined() + "</tr>"
        html += "</thead><tbody>"
        func appendValues(_ key: String) {
            for column in TableShape.applicantColumns { html.cell(row: key, column: column.key) }
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
        html += "</tbody></table>"
        return html
    }

    @Sendable private static func reviewLitigationLayout(_ shape: TableShape) -> TableSkeleton {
        let columns = shape.columns
        var html = TableSkeleton(shape: shape)
        html += #"<table class="report-table review-litigation"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>"#
        html += #"<tr><th colspan="5" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>"#
        html += "<tr>" + columns.map { #"<th rowspan="2" scope="col">\#($0.label)</th>"# }.joined()
        html += #"<th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>"#
        html += "<tr>" + (columns + columns).map { #"<th scope="col">\#($0.label)</th>"# }.joined() + "</tr>"
        html += "</thead><tbody><tr>"
        for row in shape.rows {
            for column in row.columns { html.cell(row: row.key, column: column) }
        }
        html += "</tr></tbody></table>"
        return html
    }
}
