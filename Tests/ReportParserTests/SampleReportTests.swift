import ReportModel
import ReportParser
import XCTest

/// Golden tests over the five sample reports. Every expected value was read by hand from the
/// report text (line numbers in the comments), not copied from the parser's output.
final class SampleReportTests: XCTestCase {
    let standardTitles = [1: "总体情况", 2: "主动公开政府信息情况", 3: "收到和处理政府信息公开申请情况",
                          4: "政府信息公开行政复议、行政诉讼情况", 5: "存在的主要问题及改进情况", 6: "其他需要报告的事项"]

    // 000: tab-separated cells, 2021 template; 行政复议 cells empty; a group label carries its first sub-row's numbers.
    func testWeihaiScienceBureau2023TabCells() throws {
        let r = try TestFiles.sample("000_718de6eab00637b7.txt")
        XCTAssertEqual(r.title, "威海市科学技术局2023年政府信息公开工作年度报告")
        XCTAssertEqual(r.agency, "威海市科学技术局")
        XCTAssertEqual(r.region, ["威海市"])
        XCTAssertEqual(r.year, 2023)
        XCTAssertEqual(r.template, .v2021)
        XCTAssertEqual(sectionTitles(r), standardTitles)
        XCTAssertEqual(r.section(1)?.location.line, 11)
        XCTAssertEqual(r.section(6)?.location.line, 90)
        XCTAssertTrue(r.section(1)?.text.hasPrefix("2023 年，威海市科学技术局坚持以习近平") ?? false)

        // Lines 32–44
        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        assertRow(r.activeDisclosure, "normativeDocuments", [5, 3, 18])
        assertRow(r.activeDisclosure, "licensing", [0])
        assertRow(r.activeDisclosure, "punishment", [0])
        assertRow(r.activeDisclosure, "coercion", [0])
        assertRow(r.activeDisclosure, "fees", [0])
        XCTAssertEqual(r.activeDisclosure["normativeDocuments", "inForce"].location, SourceLocation(file: "reports/000_718de6eab00637b7.txt", line: 34, column: 13))

        // Line 55 puts the seven zeros of 1. 属于国家秘密 on the group label （三）不予公开;
        // line 56, the sub-row's own line, has seven empty cells.
        assertAllRows(r.applications, equal: 0)
        XCTAssertEqual(r.applications["denied.stateSecret", "total"].location?.line, 55)
        XCTAssertEqual(r.applications["totalHandled", "total"].location?.line, 76)

        // Line 84: five empty 行政复议 cells, then ten zeros for the two kinds of 诉讼.
        assertRow(r.reviewLitigation, "review", [nil, nil, nil, nil, nil])
        assertRow(r.reviewLitigation, "litigationDirect", [0, 0, 0, 0, 0])
        assertRow(r.reviewLitigation, "litigationAfterReview", [0, 0, 0, 0, 0])
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }

    // 001: pipe tables with misaligned columns, 2021 template, title on one line with spaces.
    func testPingdingshanScienceBureau2023PipeTables() throws {
        let r = try TestFiles.sample("001_8a0b9e9e20871801.txt")
        XCTAssertEqual(r.title, "平顶山市科学技术局2023年政府信息公开工作年度报告")
        XCTAssertEqual(r.agency, "平顶山市科学技术局")
        XCTAssertEqual(r.region, ["平顶山市"])
        XCTAssertEqual(r.year, 2023)
        XCTAssertEqual(r.template, .v2021)
        XCTAssertEqual(sectionTitles(r), standardTitles)
        assertAllRows(r.activeDisclosure, equal: 0)
        assertAllRows(r.applications, equal: 0)
        assertAllRows(r.reviewLitigation, equal: 0)
        XCTAssertEqual(r.applications["carriedForward", "total"].location?.line, 67)
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }

    // 002: one cell per line, 2021 template, one application received and granted.
    func testHuancuiIndustryBureau2023OneCellPerLine() throws {
        let r = try TestFiles.sample("002_a603a2208d919e1a.txt")
        XCTAssertEqual(r.title, "威海市环翠区工业和信息化局2023年政府信息公开工作年度报告")
        XCTAssertEqual(r.agency, "威海市环翠区工业和信息化局")
        XCTAssertEqual(r.region, ["威海市", "环翠区"])
        XCTAssertEqual(r.year, 2023)
        XCTAssertEqual(r.template, .v2021)
        var titles = standardTitles
        titles[5] = "存在的主要问题及改进情况"
        XCTAssertEqual(sectionTitles(r), titles)
        XCTAssertEqual(r.section(5)?.location.line, 404)  // written `5、 存在的…`

        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        assertRow(r.activeDisclosure, "normativeDocuments", [1, 1, 1])
        assertRow(r.activeDisclosure, "licensing", [0])
        assertRow(r.activeDisclosure, "punishment", [0])
        assertRow(r.activeDisclosure, "coercion", [0])
        assertRow(r.activeDisclosure, "fees", [0])

        assertRow(r.applications, "newlyReceived", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "granted", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "totalHandled", [1, 0, 0, 0, 0, 0, 1])
        assertAllRows(r.applications, equal: 0, except: ["newlyReceived", "granted", "totalHandled"])
        XCTAssertEqual(r.applications["newlyReceived", "naturalPerson"].location?.line, 85)
        assertAllRows(r.reviewLitigation, equal: 0)
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }

    // 003: one cell per line, 2019 template, agency cut short in the title.
    func testHuancuiScienceBureau2020ShortTitle() throws {
        let r = try TestFiles.sample("003_6a92d385738fdefa.txt")
        XCTAssertEqual(r.agency, "威海市环翠区科学技术局")
        XCTAssertEqual(r.region, ["威海市", "环翠区"])
        XCTAssertEqual(r.year, 2020)
        XCTAssertEqual(r.template, .v2019)
        XCTAssertTrue(r.diagnostics.contains { $0.rule == "meta.agency-completed" && $0.location.line == 1 })
        XCTAssertEqual(sectionTitles(r), standardTitles)

        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        assertRow(r.activeDisclosure, "normativeDocuments", [0, 1, 3])
        assertRow(r.activeDisclosure, "licensing", [0, 0, 0])
        assertRow(r.activeDisclosure, "otherServices", [0, 0, 0])
        assertRow(r.activeDisclosure, "punishment", [0, 0, 0])
        assertRow(r.activeDisclosure, "coercion", [0, 0, 0])
        assertRow(r.activeDisclosure, "fees", [0, 0])
        assertRow(r.activeDisclosure, "procurement", [0, 0])
        XCTAssertNotNil(r.applications.shape.row("other"))
        XCTAssertNil(r.applications.shape.row("other.other"))
        assertAllRows(r.applications, equal: 0)
        assertAllRows(r.reviewLitigation, equal: 0)
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }

    // 004: one cell per line with Word bookmarks, 2021 template, title over two lines.
    func testQingzhouScienceBureau2024Bookmarks() throws {
        let r = try TestFiles.sample("004_f2abad4bc6ef7d11.txt")
        XCTAssertEqual(r.title, "青州市科学技术局2024年政府信息公开工作年度报告")
        XCTAssertEqual(r.agency, "青州市科学技术局")
        XCTAssertEqual(r.region, ["青州市"])
        XCTAssertEqual(r.year, 2024)
        XCTAssertEqual(r.template, .v2021)
        XCTAssertEqual(r.section(5)?.location.line, 398)
        assertAllRows(r.activeDisclosure, equal: 0)
        assertAllRows(r.applications, equal: 0)
        assertAllRows(r.reviewLitigation, equal: 0)
        XCTAssertFalse(r.sections.contains { $0.text.contains("bookmark") })
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }
}
