import Foundation
import ReportModel

/// One rule the checker enforces, for the README and `sitegen --explain`.
public struct RuleInfo: Hashable, Sendable {
    /// Stable identifier, e.g. `applications.balance`.
    public let id: String
    public let severity: Diagnostic.Severity
    /// One line: Chinese, then English.
    public let summary: String

    public init(id: String, severity: Diagnostic.Severity, summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }
}

/// Consistency (勾稽关系) and completeness rules over parsed reports.
///
/// The checker returns only its own findings; the parser's diagnostics (`parse.*`, `meta.*`,
/// `file.*`) stay in `Report.diagnostics`. Sums come from `TableShape.relations`, which the
/// parser uses as well, so both read the template the same way. A sum with a missing cell is
/// not evaluated: the missing cell is reported once, by `completeness.cell`.
public struct ReportChecker: Sendable {
    public init() {}

    public static let rules: [RuleInfo] = [
        RuleInfo(id: "file.not-report", severity: .error,
                 summary: "文件中没有年度报告的章节和表格 / no report sections and no table values found in the file"),
        RuleInfo(id: "template.year-mismatch", severity: .error,
                 summary: "表格格式与报告年度不符（2019–2020年用2019年版，2021年起用2021年版） / table template does not match the report year (2019 template for 2019–2020, 2021 template from 2021)"),
        RuleInfo(id: "completeness.section", severity: .error,
                 summary: "缺少六个部分之一 / one of the six sections is missing"),
        RuleInfo(id: "completeness.table", severity: .error,
                 summary: "表格部分中没有读到任何数值 / a table section holds no readable value at all"),
        RuleInfo(id: "completeness.cell", severity: .error,
                 summary: "表格某行有空单元格 / a table row has empty cells"),
        RuleInfo(id: "counts.negative", severity: .error,
                 summary: "数量为负数（2019年版“本年增/减”除外） / a negative count (except the 2019 template's change column)"),
        RuleInfo(id: "applications.balance", severity: .error,
                 summary: "第三部分每列：一+二=三(七)总计+四 / section 3, every column: received + carried over = handled + carried forward"),
        RuleInfo(id: "applications.row-total", severity: .error,
                 summary: "第三部分每行：总计=六类申请人之和 / section 3, every row: total = sum of the six applicant columns"),
        RuleInfo(id: "applications.outcomes", severity: .error,
                 summary: "第三部分每列：(七)总计=各项办理结果之和 / section 3, every column: (7) total = sum of all outcome rows"),
        RuleInfo(id: "review.total", severity: .error,
                 summary: "第四部分：总计=维持+纠正+其他+尚未审结 / section 4: total = upheld + corrected + other + pending, for review and both kinds of litigation"),
        RuleInfo(id: "crossyear.carry-over", severity: .error,
                 summary: "本年“上年结转”=上年“结转下年度”（逐列） / this year's carried-over applications = last year's carried-forward, column by column"),
        RuleInfo(id: "crossyear.documents-in-force", severity: .warning,
                 summary: "本年现行有效件数=上年现行有效+本年制发−本年废止（2021年版） / documents in force = last year's + issued − repealed (2021 template)"),
    ]

    /// Rules within one report.
    public func check(_ report: Report) -> [Diagnostic] {
        // An unreadable file was already reported by the parser; nothing here to check.
        if report.diagnostics.contains(where: { $0.rule.hasPrefix("file.") }) { return [] }
        let firstLine = SourceLocation(file: report.source, line: 1)

        let tables: [(section: Int, table: ReportTable)] = [
            (2, report.activeDisclosure), (3, report.applications), (4, report.reviewLitigation),
        ]
        if report.sections.isEmpty && tables.allSatisfy({ $0.table.isEmpty }) {
            return [Diagnostic(.error, rule: "file.not-report",
                               "未找到年度报告的章节和表格，不像是政府信息公开工作年度报告", at: firstLine)]
        }

        var found: [Diagnostic] = []
        found += checkTemplate(report, firstLine: firstLine)
        for number in 1...6 where report.section(number) == nil {
            found.append(Diagnostic(.error, rule: "completeness.section",
                                    "缺少第\(Labels.numeral(number))部分“\(Labels.sectionTitle(number))”", at: firstLine))
        }
        for (number, table) in tables {
            found += checkTable(table, heading: report.section(number), number: number, firstLine: firstLine)
        }
        return Self.ordered(found)
    }

    /// Rules between consecutive years of one agency (`previous.year + 1 == current.year`).
    public func checkAcrossYears(previous: Report, current: Report) -> [Diagnostic] {
        guard let lastYear = previous.year, let year = current.year, lastYear + 1 == year else { return [] }
        let firstLine = SourceLocation(file: current.source, line: 1)
        var found: [Diagnostic] = []

        let positions = CrossYearPositions.shared
        let thisYear = current.applications, lastYearsTable = previous.applications
        // Each cell by its position in the template's shape, looked up once for all reports.
        let over = positions.carry(thisYear.shape)?.carriedOver
            ?? TableShape.applicantColumns.map { thisYear.shape.position("carriedOver", $0.key) }
        let forward = positions.carry(lastYearsTable.shape)?.carriedForward
            ?? TableShape.applicantColumns.map { lastYearsTable.shape.position("carriedForward", $0.key) }
        for (c, column) in TableShape.applicantColumns.enumerated() {
            guard let at = over[c] else { continue }
            // Equal bits, equal numbers: most pairs agree, and need no `Decimal` made.
            if let from = forward[c], case .packed(let a) = thisYear.numberKey(at: at),
               case .packed(let b) = lastYearsTable.numberKey(at: from), a == b { continue }
            guard let now = thisYear.number(at: at),
                  let before = forward[c].flatMap(lastYearsTable.number(at:)),
                  now != before else { continue }
            found.append(Diagnostic(.error, rule: "crossyear.carry-over",
                "“\(column.label)”列：本年“上年结转”=\(Labels.number(now))，\(lastYear)年“结转下年度”=\(Labels.number(before))，相差\(Labels.difference(now, before))",
                at: thisYear.value(at: at).location ?? current.section(3)?.location ?? firstLine))
        }

        if previous.template == .v2021 && current.template == .v2021 {
            let table = current.activeDisclosure, lastTable = previous.activeDisclosure
            for (cells, lastCells) in zip(positions.documents(table.shape), positions.documents(lastTable.shape)) {
                let key = cells.key
                guard let last = lastCells.inForce.flatMap(lastTable.number(at:)),
                      let issued = cells.issued.flatMap(table.number(at:)),
                      let repealed = cells.repealed.flatMap(table.number(at:)),
                      let now = cells.inForce.flatMap(table.number(at:)) else { continue }
                let expected = last + issued - repealed
                guard expected != now, let row = table.shape.row(key) else { continue }
                let n = Labels.number
                found.append(Diagnostic(.warning, rule: "crossyear.documents-in-force",
                    "\(row.label)：\(lastYear)年现行有效\(n(last))件+本年制发\(n(issued))件\u{2212}本年废止\(n(repealed))件=\(n(expected))件，本年现行有效件数为\(n(now))件，相差\(Labels.difference(expected, now))",
                    at: table[key, "inForce"].location ?? current.section(2)?.location ?? firstLine))
            }
        }
        return Self.ordered(found)
    }

    // MARK: - Within one report

    private func checkTemplate(_ report: Report, firstLine: SourceLocation) -> [Diagnostic] {
        guard let year = report.year else { return [] }
        let expected = TemplateVersion.expected(forYear: year)
        guard expected != report.template else { return [] }
        // The template is only a finding when a table shows it; with no table values the
        // parser falls back to the year, and the empty tables are reported on their own.
        let shownBy = [(2, report.activeDisclosure), (3, report.applications)].first { !$0.1.isEmpty }
        guard let (section, _) = shownBy else { return [] }
        return [Diagnostic(.error, rule: "template.year-mismatch",
            "报告年度为\(year)年，应使用\(expected.rawValue)年版格式（\(Labels.circular(expected))），但表格是\(report.template.rawValue)年版格式",
            at: report.section(section)?.location ?? firstLine)]
    }

    private func checkTable(_ table: ReportTable, heading: Section?, number: Int,
                            firstLine: SourceLocation) -> [Diagnostic] {
        let fallback = heading?.location ?? firstLine
        if table.isEmpty {
            // A missing section is reported by completeness.section; its table is not reported again.
            guard let heading else { return [] }
            return [Diagnostic(.error, rule: "completeness.table",
                               "第\(Labels.numeral(number))部分的表格未能读取（没有找到任何数值）", at: heading.location)]
        }
        let shape = table.shape
        var found: [Diagnostic] = []

        // Cells are read at the shape's positions, row by row: no key is looked up per cell.
        func figure(at position: Int?) -> Decimal? { position.flatMap { table.number(at: $0) } }
        func cell(at position: Int?) -> TableValue { position.map { table.value(at: $0) } ?? .missing }

        for (row, positions) in zip(shape.rows, shape.rowPositions) {
            let missing = zip(row.columns, positions).filter { figure(at: $0.1) == nil }.map(\.0)
            guard !missing.isEmpty else { continue }
            let firstPresent = positions.lazy.map(cell).first { $0.number != nil }
            found.append(Diagnostic(.error, rule: "completeness.cell",
                "“\(Labels.row(row, in: shape))”一行有\(missing.count)个空单元格：\(missing.map { Labels.column($0, in: shape) }.joined(separator: "、"))",
                at: firstPresent?.location ?? fallback))
        }

        let mayGoDown = shape.name == "activeDisclosure"
        let zero: Decimal = 0
        for (row, positions) in zip(shape.rows, shape.rowPositions) {
            for (column, position) in zip(row.columns, positions) {
                // The 2019 template's 本年增/减 is a change and may go down.
                if mayGoDown && column == "change" { continue }
                // The number alone, then the location of the few that are negative.
                guard let value = figure(at: position), value < zero else { continue }
                found.append(Diagnostic(.error, rule: "counts.negative",
                    "“\(Labels.row(row, in: shape))”的“\(Labels.column(column, in: shape))”为负数（\(Labels.number(value))）",
                    at: cell(at: position).location ?? fallback))
            }
        }

        for (index, relation) in shape.relations.enumerated() {
            // Most sums hold: their sides are added as Decimals only to report one that does not.
            guard table.relationHolds(index) == false,
                  let (left, right) = table.sides(ofRelation: index), left != right else { continue }
            found.append(Diagnostic(.error, rule: relation.rule,
                                    Self.message(relation, left: left, right: right, shape: shape),
                                    at: Self.location(of: relation, in: table) ?? fallback))
        }
        return found
    }

    /// The message for a failed sum, naming the row or column by its template label.
    private static func message(_ relation: SumRelation, left: Decimal, right: Decimal, shape: TableShape) -> String {
        let n = Labels.number
        let diff = Labels.difference(left, right)
        let anchor = relation.right.first
        switch relation.rule {
        case "applications.balance":
            let column = Labels.column(anchor?.column ?? "", in: shape)
            return "“\(column)”列：一+二=\(n(left))，三(七)总计+四=\(n(right))，相差\(diff)"
        case "applications.outcomes":
            let column = Labels.column(anchor?.column ?? "", in: shape)
            return "“\(column)”列：各项办理结果之和=\(n(left))，(七)总计=\(n(right))，相差\(diff)"
        case "applications.row-total":
            let row = shape.row(anchor?.row ?? "").map { Labels.row($0, in: shape) } ?? (anchor?.row ?? "")
            return "“\(row)”行：六类申请人合计=\(n(left))，总计列=\(n(right))，相差\(diff)"
        case "review.total":
            let row = shape.row(anchor?.row ?? "").map { Labels.row($0, in: shape) } ?? (anchor?.row ?? "")
            let terms = relation.left.map { Labels.column($0.column, in: shape) }.joined(separator: "+")
            let total = Labels.column(anchor?.column ?? "", in: shape)
            return "\(row)：\(terms)=\(n(left))，\(total)=\(n(right))，相差\(diff)"
        default:
            return "勾稽关系不符（\(relation.rule)）：左边合计=\(n(left))，右边合计=\(n(right))，相差\(diff)"
        }
    }

    /// The 总计 cell of a sum (its right side) where it was read, else any of its cells.
    private static func location(of relation: SumRelation, in table: ReportTable) -> SourceLocation? {
        for cell in relation.right + relation.left {
            if let location = table[cell.row, cell.column].location { return location }
        }
        return nil
    }

    /// Rule id → its place in `rules`; made once, not for every report.
    private static let rank = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })

    /// Findings grouped by rule in the order of `rules`; within a rule, template order.
    private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        return diagnostics.enumerated().sorted { a, b in
            let ra = rank[a.element.rule] ?? rules.count
            let rb = rank[b.element.rule] ?? rules.count
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}
