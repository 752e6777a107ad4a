import ReportModel
import ReportParser
import XCTest

final class FrontMatterTests: XCTestCase {
    func testFieldsOverrideTheTitleAndDatesStayAsWritten() {
        let text = """
        ---
        agency: 临沂市兰山区教育局
        year: 2022
        slug: lan-shan-jiao-yu
        region: 临沂市/兰山区
        published: 2023-01-20
        source_url: http://example.gov.cn/a.html
        ---
        兰山区教育局2012年政府信息公开工作年度报告
        """
        let r = ReportParser().parse(text: text, source: "reports/f.txt")
        XCTAssertEqual(r.agency, "临沂市兰山区教育局")
        XCTAssertEqual(r.year, 2022)
        XCTAssertEqual(r.agencySlug, "lan-shan-jiao-yu")
        XCTAssertEqual(r.region, ["临沂市", "兰山区"])
        XCTAssertEqual(r.published, "2023-01-20")
        XCTAssertEqual(r.sourceURL, "http://example.gov.cn/a.html")
    }

    func testMalformedFrontMatterIsReportedWithItsLine() {
        let r = ReportParser().parse(text: "---\nagency: [unclosed\nyear: 2023\n---\n某局2023年政府信息公开工作年度报告\n", source: "reports/g.txt")
        let finding = r.diagnostics.first { $0.rule == "meta.front-matter" }
        XCTAssertEqual(finding?.severity, .error)
        XCTAssertEqual(r.year, 2023)  // from the title, the block being ignored
        XCTAssertEqual(r.agency, "某局")
    }
}
