import Foundation
import ReportParser
import XCTest

/// Every input the fuzzer ever crashed on is replayed here (Fixtures/fuzz-regressions), plus
/// inputs that once stressed the cell reader and digit splitter; the parser must return.
final class FuzzRegressionTests: XCTestCase {
    func testRegressionInputsParse() throws {
        let folder = TestFiles.fixtures.appendingPathComponent("fuzz-regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            _ = ReportParser().parse(data, source: "reports/\(name)")
            _ = ReportParser().parse(data, source: "reports/\(name).html")
        }
    }

    func testPathologicalDigitRunsStayBounded() {
        // A digit run with no sum to split it explores at most DigitRunSplitter.budget splits.
        let text = "一、总体情况\n二、主动公开政府信息情况\n规章" + String(repeating: "1", count: 400) + "\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + String(repeating: "0", count: 300)
        let r = ReportParser().parse(text: text, source: "reports/p.txt")
        XCTAssertNil(r.activeDisclosure.number("regulations", "issued"))
        XCTAssertTrue(r.diagnostics.contains { $0.rule == "parse.ambiguous-digits" })
    }

    func testFullWidthYearsInTheTitleAreRead() {
        // `\d` matched the full-width digits of `20２３`, and reading them as an Int crashed the build.
        for (title, year) in [("威海市科学技术局20２３年政府信息公开工作年度报告", 2023),
                              ("威海市科学技术局２０２２年度政府信息公开工作年度报告", 2022)] {
            let r = ReportParser().parse(text: title + "\n一、总体情况\n本年度无变化。\n", source: "reports/w.txt")
            XCTAssertEqual(r.year, year, title)
            XCTAssertEqual(r.agency, "威海市科学技术局", title)
        }
    }
}
