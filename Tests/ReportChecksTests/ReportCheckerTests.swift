import Foundation
import ReportChecks
import ReportModel
import XCTest

/// One test per rule: the consistent fixture (TestSupport.swift) with one thing broken.
final class ReportCheckerTests: XCTestCase {
    let checker = ReportChecker()

    // MARK: - Consistent reports

    func testConsistentReportHasNoFindings() {
        assertFindings(checker.check(Fixture.report()), [])
    }

    /// The 2019 template on a 2020 report; its 本年增/减 may be negative (−2) and amounts have decimals.
    func testConsistent2019TemplateReportHasNoFindings() {
        assertFindings(checker.check(Fixture.report(year: 2020, template: .v2019)), [])
    }

    func testConsistentConsecutiveYearsHaveNoFindings() {
        assertFindings(checker.checkAcrossYears(previous: Fixture.report(year: 2022), current: Fixture.report(year: 2023)), [])
        // 2020 (2019 template) → 2021 (2021 template): carry-over still applies.
        assertFindings(checker.checkAcrossYears(previous: Fixture.report(year: 2020, template: .v2019),
                                                current: Fixture.report(year: 2021)), [])
    }

    // MARK: - Section 三

    func testApplicationsBalance() {
        var r = Fixture.report()
        // 二 上年结转 of 自然人 2 → 3, its 总计 too, so the row still adds up.
        Fixture.set(&r.applications, "carriedOver", "naturalPerson", 3)
        Fixture.set(&r.applications, "carriedOver", "total", 3)
        assertFindings(checker.check(r), [
            finding(.error, "applications.balance", "“自然人”列：一+二=9，三(七)总计+四=8，相差1", line: 54, column: 2),
            finding(.error, "applications.balance", "“总计”列：一+二=11，三(七)总计+四=10，相差1", line: 54, column: 8),
        ])
    }

    func testApplicationsRowTotal() {
        var r = Fixture.report()
        // One 自然人 moved from （二） to （一）: the column still adds up, both rows no longer do.
        Fixture.set(&r.applications, "granted", "naturalPerson", 4)
        Fixture.set(&r.applications, "partiallyGranted", "naturalPerson", 0)
        assertFindings(checker.check(r), [
            finding(.error, "applications.row-total", "“（一）予以公开”行：六类申请人合计=6，总计列=5，相差1", line: 33, column: 8),
            finding(.error, "applications.row-total", "“（二）部分公开”行：六类申请人合计=0，总计列=1，相差1", line: 34, column: 8),
        ])
    }

    func testApplicationsOutcomes() {
        var r = Fixture.report()
        // （四）1 本机关不掌握 of 自然人 2 → 3, its 总计 too; （七）总计 unchanged.
        Fixture.set(&r.applications, "unavailable.notHeld", "naturalPerson", 3)
        Fixture.set(&r.applications, "unavailable.notHeld", "total", 3)
        assertFindings(checker.check(r), [
            finding(.error, "applications.outcomes", "“自然人”列：各项办理结果之和=7，(七)总计=6，相差1", line: 54, column: 2),
            finding(.error, "applications.outcomes", "“总计”列：各项办理结果之和=9，(七)总计=8，相差1", line: 54, column: 8),
        ])
    }

    func testApplicationsOutcomesIn2019TemplateCountsTheSingleOtherRow() {
        var r = Fixture.report(year: 2020, template: .v2019)
        // （六）其他处理 (2019: one row, line 51) gets one application in every column.
        for column in TableShape.applicantColumns.dropLast() {
            Fixture.set(&r.applications, "other", column.key, 1)
        }
        Fixture.set(&r.applications, "other", "total", 6)
        assertFindings(checker.check(r), [
            finding(.error, "applications.outcomes", "“自然人”列：各项办理结果之和=7，(七)总计=6，相差1", line: 52, column: 2),
            finding(.error, "applications.outcomes", "“商业企业”列：各项办理结果之和=2，(七)总计=1，相差1", line: 52, column: 3),
            finding(.error, "applications.outcomes", "“科研机构”列：各项办理结果之和=1，(七)总计=0，相差1", line: 52, column: 4),
            finding(.error, "applications.outcomes", "“社会公益组织”列：各项办理结果之和=1，(七)总计=0，相差1", line: 52, column: 5),
            finding(.error, "applications.outcomes", "“法律服务机构”列：各项办理结果之和=1，(七)总计=0，相差1", line: 52, column: 6),
            finding(.error, "applications.outcomes", "“其他”列：各项办理结果之和=2，(七)总计=1，相差1", line: 52, column: 7),
            finding(.error, "applications.outcomes", "“总计”列：各项办理结果之和=14，(七)总计=8，相差6", line: 52, column: 8),
        ])
    }

    // MARK: - Section 四

    func testReviewTotal() {
        var r = Fixture.report()
        Fixture.set(&r.reviewLitigation, "review", "total", 4)
        Fixture.set(&r.reviewLitigation, "litigationAfterReview", "upheld", 3)
        assertFindings(checker.check(r), [
            finding(.error, "review.total", "行政复议：结果维持+结果纠正+其他结果+尚未审结=3，总计=4，相差1", line: 71, column: 6),
            finding(.error, "review.total", "行政诉讼（复议后起诉）：结果维持+结果纠正+其他结果+尚未审结=3，总计=1，相差2", line: 73, column: 6),
        ])
    }

    // MARK: - Completeness

    func testCompletenessSection() {
        var r = Fixture.report()
        r.sections.removeAll { $0.number == 5 }
        assertFindings(checker.check(r), [
            finding(.error, "completeness.section", "缺少第五部分“存在的主要问题及改进情况”", line: 1),
        ])
    }

    /// A missing table section is one finding: not also its empty table or its cells.
    func testMissingTableSectionIsReportedOnce() {
        var r = Fixture.report()
        r.sections.removeAll { $0.number == 4 }
        r.reviewLitigation = ReportTable(shape: .reviewLitigation)
        assertFindings(checker.check(r), [
            finding(.error, "completeness.section", "缺少第四部分“政府信息公开行政复议、行政诉讼情况”", line: 1),
        ])
    }

    func testCompletenessTable() {
        var r = Fixture.report()
        r.applications = ReportTable(shape: .applications(.v2021))
        assertFindings(checker.check(r), [
            finding(.error, "completeness.table", "第三部分的表格未能读取（没有找到任何数值）", line: 30),
        ])
    }

    func testCompletenessCell() {
        var r = Fixture.report()
        Fixture.set(&r.applications, "denied.stateSecret", "naturalPerson", nil)
        Fixture.set(&r.applications, "denied.stateSecret", "commercial", nil)
        Fixture.set(&r.applications, "denied.stateSecret", "total", nil)
        // A whole row empty: located at the section heading.
        for column in ["upheld", "corrected", "other", "pending", "total"] {
            Fixture.set(&r.reviewLitigation, "review", column, nil)
        }
        assertFindings(checker.check(r), [
            // Located at the row's first value, 科研机构 (column 4).
            finding(.error, "completeness.cell", "“1.属于国家秘密”一行有3个空单元格：自然人、商业企业、总计", line: 35, column: 4),
            finding(.error, "completeness.cell", "“行政复议”一行有5个空单元格：结果维持、结果纠正、其他结果、尚未审结、总计", line: 70),
        ])
    }

    func testCompletenessCellInActiveDisclosure() {
        var r = Fixture.report()
        Fixture.set(&r.activeDisclosure, "fees", "amount", nil)
        assertFindings(checker.check(r), [
            finding(.error, "completeness.cell", "“行政事业性收费”一行有1个空单元格：本年收费金额（单位：万元）", line: 10),
        ])
    }

    // MARK: - A missing cell suppresses the sums that involve it

    func testMissingCellSuppressesApplicationSums() {
        var r = Fixture.report()
        // （一） of 自然人 missing: read as 0 it would break the （一） row total and the 自然人
        // column's outcomes; neither sum may be evaluated.
        Fixture.set(&r.applications, "granted", "naturalPerson", nil)
        // 一 of 自然人 missing too, and 一's 总计 wrong: the 自然人 balance and the row total of 一
        // need the missing cell and are not evaluated.
        Fixture.set(&r.applications, "newlyReceived", "naturalPerson", nil)
        Fixture.set(&r.applications, "newlyReceived", "total", 100)
        assertFindings(checker.check(r), [
            finding(.error, "completeness.cell", "“一、本年新收政府信息公开申请数量”一行有1个空单元格：自然人", line: 31, column: 3),
            finding(.error, "completeness.cell", "“（一）予以公开”一行有1个空单元格：自然人", line: 33, column: 3),
            // The 总计 column's balance involves no missing cell and is still checked.
            finding(.error, "applications.balance", "“总计”列：一+二=102，三(七)总计+四=10，相差92", line: 54, column: 8),
        ])
    }

    func testMissingCellSuppressesReviewTotal() {
        var r = Fixture.report()
        Fixture.set(&r.reviewLitigation, "review", "upheld", nil)
        Fixture.set(&r.reviewLitigation, "review", "total", 99)
        assertFindings(checker.check(r), [
            finding(.error, "completeness.cell", "“行政复议”一行有1个空单元格：结果维持", line: 71, column: 3),
        ])
    }

    func testMissingCellSuppressesCrossYearRules() {
        let previous = Fixture.report(year: 2022)
        var current = Fixture.report(year: 2023)
        Fixture.set(&current.applications, "carriedOver", "naturalPerson", nil)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "repealed", nil)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "inForce", 50)
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [])
    }

    // MARK: - Counts, template, file

    func testCountsNegative() {
        var r = Fixture.report(year: 2020, template: .v2019)
        Fixture.set(&r.activeDisclosure, "licensing", "decisions", -3)
        assertFindings(checker.check(r), [
            finding(.error, "counts.negative", "“行政许可”的“处理决定数量”为负数（-3）", line: 13, column: 4),
        ])
    }

    func testCountsNegativeInApplicationsAndReview() {
        var r = Fixture.report()
        // Negative, yet every sum still holds.
        Fixture.set(&r.reviewLitigation, "litigationDirect", "upheld", -1)
        Fixture.set(&r.reviewLitigation, "litigationDirect", "corrected", 1)
        assertFindings(checker.check(r), [
            finding(.error, "counts.negative", "“行政诉讼（未经复议直接起诉）”的“结果维持”为负数（-1）", line: 72, column: 2),
        ])
    }

    func testTemplateYearMismatch2019TemplateIn2023() {
        let r = Fixture.report(year: 2023, template: .v2019)
        assertFindings(checker.check(r), [
            finding(.error, "template.year-mismatch",
                    "报告年度为2023年，应使用2021年版格式（国办公开办函〔2021〕30号），但表格是2019年版格式", line: 10),
        ])
    }

    func testTemplateYearMismatch2021TemplateIn2020() {
        let r = Fixture.report(year: 2020, template: .v2021)
        assertFindings(checker.check(r), [
            finding(.error, "template.year-mismatch",
                    "报告年度为2020年，应使用2019年版格式（国办公开办函〔2019〕60号），但表格是2021年版格式", line: 10),
        ])
    }

    func testFileNotReport() {
        let r = Report(source: Fixture.file, title: "关于召开会议的通知", year: 2023, template: .v2021)
        assertFindings(checker.check(r), [
            finding(.error, "file.not-report", "未找到年度报告的章节和表格，不像是政府信息公开工作年度报告", line: 1),
        ])
    }

    /// An unreadable file (the parser's file.* finding) is not checked again.
    func testUnreadableFileIsLeftToTheParser() {
        let r = Report(source: Fixture.file, template: .v2021, diagnostics: [
            Diagnostic(.error, rule: "file.binary", "不是文本文件", at: Fixture.at(1)),
        ])
        assertFindings(checker.check(r), [])
    }

    // MARK: - Across years

    func testCrossYearCarryOver() {
        var previous = Fixture.report(year: 2022)
        var current = Fixture.report(year: 2023)
        Fixture.set(&previous.applications, "carriedForward", "total", 4)
        Fixture.set(&current.applications, "carriedOver", "total", 3)
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [
            finding(.error, "crossyear.carry-over", "“总计”列：本年“上年结转”=3，2022年“结转下年度”=4，相差1", line: 32, column: 8),
        ])
    }

    func testCrossYearDocumentsInForce() {
        let previous = Fixture.report(year: 2022)
        var current = Fixture.report(year: 2023)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "issued", 5)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "repealed", 3)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "inForce", 21)
        Fixture.set(&current.activeDisclosure, "regulations", "repealed", 1)
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [
            finding(.warning, "crossyear.documents-in-force",
                    "规章：2022年现行有效2件+本年制发0件−本年废止1件=1件，本年现行有效件数为2件，相差1", line: 11, column: 4),
            finding(.warning, "crossyear.documents-in-force",
                    "行政规范性文件：2022年现行有效18件+本年制发5件−本年废止3件=20件，本年现行有效件数为21件，相差1", line: 12, column: 4),
        ])
    }

    func testCrossYearDocumentsInForceNeedsTheTemplate2021OnBothSides() {
        let previous = Fixture.report(year: 2020, template: .v2019)
        var current = Fixture.report(year: 2021)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "inForce", 21)
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [])
    }

    func testCrossYearNeedsConsecutiveYears() {
        var previous = Fixture.report(year: 2021)
        var current = Fixture.report(year: 2023)
        Fixture.set(&previous.applications, "carriedForward", "total", 4)
        Fixture.set(&current.activeDisclosure, "normativeDocuments", "inForce", 21)
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [])
        assertFindings(checker.checkAcrossYears(previous: current, current: previous), [])
        previous.year = nil
        assertFindings(checker.checkAcrossYears(previous: previous, current: current), [])
    }

    // MARK: - The rule list

    func testRuleList() {
        let ids = ReportChecker.rules.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule ids")
        XCTAssertEqual(Set(ids), [
            "applications.balance", "applications.row-total", "applications.outcomes", "review.total",
            "completeness.section", "completeness.table", "completeness.cell", "counts.negative",
            "template.year-mismatch", "file.not-report", "crossyear.carry-over", "crossyear.documents-in-force",
        ])
        XCTAssertEqual(ReportChecker.rules.filter { $0.severity == .warning }.map(\.id), ["crossyear.documents-in-force"])
        // Every relation the model defines has a rule of its own.
        for shape in [TableShape.applications(.v2021), .applications(.v2019), .reviewLitigation] {
            for relation in shape.relations { XCTAssertTrue(ids.contains(relation.rule), relation.rule) }
        }
        for rule in ReportChecker.rules {
            XCTAssertFalse(rule.summary.isEmpty, rule.id)
            XCTAssertNotNil(rule.summary.range(of: " / "), "\(rule.id): Chinese / English")
        }
    }
}
