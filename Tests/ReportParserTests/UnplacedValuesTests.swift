import ReportModel
import ReportParser
import XCTest

/// Numbers under a label that is no template row are reported, never dropped silently.
final class UnplacedValuesTests: XCTestCase {
    func testUnknownRowIsReported() {
        let text = """
        威海市测试局
        2023年政府信息公开工作年度报告
        一、总体情况
        概况。
        二、主动公开政府信息情况
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t1\t0\t2
        行政备案\t7\t\t
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        六、其他需要报告的事项
        """
        let r = ReportParser().parse(text: text, source: "reports/t.txt")
        assertRow(r.activeDisclosure, "regulations", [1, 0, 2])
        let unplaced = r.diagnostics.filter { $0.rule == "parse.unplaced-values" }
        XCTAssertEqual(unplaced.map(\.message), ["“行政备案”的数值“7”不属于模板中的任何一行，未采用"])
        XCTAssertEqual(unplaced.first?.location, SourceLocation(file: "reports/t.txt", line: 8, column: 6))
    }

    /// A decimal cell alone on its line (`3.27`) is a value, not the numbering of a heading.
    func testDecimalCellIsNoHeading() {
        let text = "某局\n2020年政府信息公开工作年度报告\n一、总体情况\n无。\n二、主动公开政府信息情况\n\t政府集中采购\n\t3\n\t3.5\n\n三、收到和处理政府信息公开申请情况\n"
        let r = ReportParser().parse(text: text, source: "reports/d.txt")
        assertRow(r.activeDisclosure, "procurement", [3, 3.5])
        XCTAssertEqual(r.section(3)?.location.line, 10)
    }
}
