import Foundation
import ReportChecks
import ReportModel
import XCTest

/// Golden tests over the five sample reports in Content/reports. The expected findings come
/// from checking each report's text by hand (line numbers in the comments).
final class SampleReportCheckTests: XCTestCase {
    let checker = ReportChecker()

    /// 000 (2023, 2021 template, tab cells). Section 四 (heading line 79) is a three-line
    /// header (81–83) and one value line, 84, whose first five cells — 行政复议 — are empty;
    /// the ten 行政诉讼 values are 0. Section 三: every cell 0 (line 55 carries the zeros of
    /// 1.属于国家秘密 on its group label （三）不予公开), so every sum holds. Section 二 (31–44) is
    /// complete. So: one empty row, located at the section heading since the row has no value.
    func testSample000WeihaiScienceBureau2023() throws {
        let name = "000_718de6eab00637b7.txt"
        let r = try Samples.parse(name)
        assertFindings(checker.check(r), [
            finding(.error, "completeness.cell", "“行政复议”一行有5个空单元格：结果维持、结果纠正、其他结果、尚未审结、总计",
                    line: 79, file: "reports/" + name),
        ])
    }

    /// 001 (2023, 2021 template, pipe tables): every table value 0 (lines 24–35, 43–67, 75),
    /// all six sections (5, 19, 37, 69, 77, 83).
    func testSample001PingdingshanScienceBureau2023() throws {
        assertFindings(checker.check(try Samples.parse("001_8a0b9e9e20871801.txt")), [])
    }

    /// 002 (2023, 2021 template, one cell per line): one 自然人 application received (85),
    /// granted (104) and in （七）总计 (334), nothing carried over or forward: 1+0 = 1+0.
    /// 行政规范性文件 1/1/1 (33–35); section 四 all 0 (387–401); 五 written `5、` (404).
    func testSample002HuancuiIndustryBureau2023() throws {
        assertFindings(checker.check(try Samples.parse("002_a603a2208d919e1a.txt")), [])
    }

    /// 003 (2020, 2019 template, one cell per line): the 2019 template is right for 2020, so no
    /// template finding; every section 三 and 四 value 0 (110–356, 387–401); 规范性文件 0/1/3.
    func testSample003HuancuiScienceBureau2020() throws {
        let r = try Samples.parse("003_6a92d385738fdefa.txt")
        XCTAssertEqual(r.template, .v2019)
        assertFindings(checker.check(r), [])
    }

    /// 004 (2024, 2021 template, one cell per line with Word bookmarks): every value 0.
    func testSample004QingzhouScienceBureau2024() throws {
        assertFindings(checker.check(try Samples.parse("004_f2abad4bc6ef7d11.txt")), [])
    }

    /// No two samples are consecutive years of one agency; pairing them gives nothing.
    func testSamplesAcrossYears() throws {
        let r2020 = try Samples.parse("003_6a92d385738fdefa.txt")
        let r2023 = try Samples.parse("002_a603a2208d919e1a.txt")
        assertFindings(checker.checkAcrossYears(previous: r2020, current: r2023), [])
    }
}
