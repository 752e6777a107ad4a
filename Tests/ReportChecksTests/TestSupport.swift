import Foundation
import ReportChecks
import ReportModel
import ReportParser
import XCTest

/// A report whose every rule holds, laid out like a source file so that each finding has a
/// known line and column:
///
/// - headings 一 … 六 on lines 3, 10, 30, 70, 80, 90 (column 1);
/// - section 二 rows from line 11, section 三 rows from line 31, section 四 rows from line 71,
///   one template row a line, in template order;
/// - a row's cells in its template column order from column 2.
///
/// Section 三 (2021 template: rows on lines 31–55; 2019 template: 31–53, a single （六） row on 51):
///
/// | row                      | 自然人 | 商业企业 | 科研 | 公益 | 法律 | 其他 | 总计 |
/// |--------------------------|-------|--------|-----|-----|-----|-----|-----|
/// | 一 newlyReceived (31)     | 6 | 1 | 0 | 0 | 0 | 1 | 8 |
/// | 二 carriedOver (32)       | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
/// | （一）granted (33)         | 3 | 1 | 0 | 0 | 0 | 1 | 5 |
/// | （二）partiallyGranted (34) | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
/// | （四）1 unavailable.notHeld (43) | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
/// | every other outcome row  | 0 … |
/// | （七）totalHandled (54 in 2021, 52 in 2019) | 6 | 1 | 0 | 0 | 0 | 1 | 8 |
/// | 四 carriedForward (55 in 2021, 53 in 2019)  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
///
/// Section 二 (2021): 规章 0/0/2 (11), 行政规范性文件 3/3/18 (12), 行政许可 4 (13), 行政处罚 0 (14),
/// 行政强制 0 (15), 行政事业性收费 0 (16). (2019): 规章 0/0/0 (11), 规范性文件 0/1/3 (12),
/// 行政许可 10/−2/8 (13), 其他对外管理服务事项 0/0/0 (14), 行政处罚 (15), 行政强制 (16) zeros,
/// 行政事业性收费 0/0 (17), 政府集中采购 1/12.5 (18).
///
/// Section 四: 行政复议 1/1/0/1/3 (71), 未经复议直接起诉 0/0/0/0/0 (72), 复议后起诉 1/0/0/0/1 (73).
enum Fixture {
    static let file = "reports/t.txt"
    static let headingLines = [1: 3, 2: 10, 3: 30, 4: 70, 5: 80, 6: 90]
    static let titles = [1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                         4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"]

    static func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static func report(year: Int = 2023, template: TemplateVersion = .v2021) -> Report {
        let sections = (1...6).map {
            Section(number: $0, title: titles[$0]!, text: "……", location: at(headingLines[$0]!))
        }
        var r = Report(source: file, title: "测试局\(year)年政府信息公开工作年度报告", agency: "测试局",
                       agencySlug: "test", year: year, template: template, sections: sections)

        let active: [String: [Decimal]]
        switch template {
        case .v2021:
            active = ["regulations": [0, 0, 2], "normativeDocuments": [3, 3, 18], "licensing": [4],
                      "punishment": [0], "coercion": [0], "fees": [0]]
        case .v2019:
            active = ["regulations": [0, 0, 0], "normativeDocuments": [0, 1, 3], "licensing": [10, -2, 8],
                      "otherServices": [0, 0, 0], "punishment": [0, 0, 0], "coercion": [0, 0, 0],
                      "fees": [0, 0], "procurement": [1, Decimal(string: "12.5")!]]
        }
        fill(&r.activeDisclosure, firstLine: 11) { row in active[row]! }

        let applicants: [String: [Decimal]] = [
            "newlyReceived": [6, 1, 0, 0, 0, 1],
            "carriedOver": [2, 0, 0, 0, 0, 0],
            "granted": [3, 1, 0, 0, 0, 1],
            "partiallyGranted": [1, 0, 0, 0, 0, 0],
            "unavailable.notHeld": [2, 0, 0, 0, 0, 0],
            "totalHandled": [6, 1, 0, 0, 0, 1],
            "carriedForward": [2, 0, 0, 0, 0, 0],
        ]
        fill(&r.applications, firstLine: 31) { row in
            let six = applicants[row] ?? [0, 0, 0, 0, 0, 0]
            return six + [six.reduce(0, +)]
        }

        let review: [String: [Decimal]] = ["review": [1, 1, 0, 1, 3], "litigationDirect": [0, 0, 0, 0, 0],
                                           "litigationAfterReview": [1, 0, 0, 0, 1]]
        fill(&r.reviewLitigation, firstLine: 71) { row in review[row]! }
        return r
    }

    /// Sets every cell of `table`: row i on line `firstLine + i`, its cells from column 2.
    static func fill(_ table: inout ReportTable, firstLine: Int, values: (String) -> [Decimal]) {
        for (i, row) in table.shape.rows.enumerated() {
            let numbers = values(row.key)
            precondition(numbers.count == row.columns.count, row.key)
            for (j, column) in row.columns.enumerated() {
                table[row.key, column] = TableValue(numbers[j], at: at(firstLine + i, 2 + j))
            }
        }
    }

    /// A cell of the fixture with a new number, kept at its place in the file.
    static func set(_ table: inout ReportTable, _ row: String, _ column: String, _ value: Decimal?) {
        table[row, column] = TableValue(value, at: table[row, column].location)
    }
}

func finding(_ severity: Diagnostic.Severity, _ rule: String, _ message: String,
             line: Int, column: Int = 1, file: String = Fixture.file) -> Diagnostic {
    Diagnostic(severity, rule: rule, message, at: SourceLocation(file: file, line: line, column: column))
}

/// Compares findings one by one so that a failure shows which one differs.
func assertFindings(_ actual: [Diagnostic], _ expected: [Diagnostic],
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "number of findings: \(actual.map(describe))", file: file, line: line)
    for (a, e) in zip(actual, expected) {
        XCTAssertEqual(a.rule, e.rule, file: file, line: line)
        XCTAssertEqual(a.severity, e.severity, "\(a.rule)", file: file, line: line)
        XCTAssertEqual(a.message, e.message, "\(a.rule)", file: file, line: line)
        XCTAssertEqual(a.location, e.location, "\(a.rule): \(a.message)", file: file, line: line)
    }
    // Every finding's rule is documented with the severity it is reported at.
    for a in actual {
        let info = ReportChecker.rules.first { $0.id == a.rule }
        XCTAssertNotNil(info, "rule \(a.rule) missing from ReportChecker.rules", file: file, line: line)
        XCTAssertEqual(info?.severity, a.severity, "severity of \(a.rule)", file: file, line: line)
    }
}

func describe(_ d: Diagnostic) -> String { "\(d.location.line) \(d.rule) \(d.message)" }

enum Samples {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ name: String) throws -> Report {
        let url = packageRoot.appendingPathComponent("Content/reports").appendingPathComponent(name)
        return ReportParser().parse(try Data(contentsOf: url), source: "reports/" + name)
    }
}
