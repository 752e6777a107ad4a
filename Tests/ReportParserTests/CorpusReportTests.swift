import ReportModel
import ReportParser
import XCTest

/// The real reports in ../shared/corpus (other agencies, messier layouts), when present.
/// Expected values were read by hand from the files; the corpus README lists the balance checks.
final class CorpusReportTests: XCTestCase {
    func corpus(_ name: String) throws -> Report {
        let url = TestFiles.corpus.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("no corpus at \(TestFiles.corpus.path)") }
        return try TestFiles.parse(url)
    }

    // Web text, body on one line, cells run together, 2019 template.
    func testPingtan2019RunTogetherCells() throws {
        let r = try corpus("pingtan-2019.txt")
        XCTAssertEqual(r.agency, "平潭综合实验区")
        XCTAssertEqual(r.region, ["平潭综合实验区"])
        XCTAssertEqual(r.year, 2019)
        XCTAssertEqual(r.template, .v2019)
        XCTAssertEqual(r.published, "2020-01-20 15:22")
        XCTAssertEqual(r.sections.map(\.number), [1, 2, 3, 4, 5, 6])
        // 一、本年新收政府信息公开申请数量230 000023 → 23,0,0,0,0,0,23 (the space is not a cell boundary).
        assertRow(r.applications, "newlyReceived", [23, 0, 0, 0, 0, 0, 23])
        assertRow(r.applications, "granted", [7, 0, 0, 0, 0, 0, 7])
        assertRow(r.applications, "partiallyGranted", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "unavailable.notHeld", [7, 0, 0, 0, 0, 0, 7])
        assertRow(r.applications, "unavailable.unclear", [5, 0, 0, 0, 0, 0, 5])
        assertRow(r.applications, "notProcessed.repeated", [3, 0, 0, 0, 0, 0, 3])
        assertRow(r.applications, "totalHandled", [23, 0, 0, 0, 0, 0, 23])
        assertAllRows(r.applications, equal: 0, except: ["newlyReceived", "granted", "partiallyGranted", "unavailable.notHeld",
                                                          "unavailable.unclear", "notProcessed.repeated", "totalHandled"])
        assertAllRows(r.reviewLitigation, equal: 0)
        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        // 规范性文件898989 has no sum to split it by: missing and reported, never guessed.
        assertRow(r.activeDisclosure, "normativeDocuments", [nil, nil, nil])
        XCTAssertTrue(r.diagnostics.contains {
            $0.rule == "parse.ambiguous-digits" && $0.message.contains("898989") && $0.location.line == 10
        })
    }

    // Web text with navigation words; 行政复议/诉讼 as one digit run; two rows only decidable by column sums.
    func testPingtan2021ColumnSumsDecideAmbiguousRows() throws {
        let r = try corpus("pingtan-2021.txt")
        XCTAssertEqual(r.agency, "平潭综合实验区")
        XCTAssertEqual(r.year, 2021)
        XCTAssertEqual(r.template, .v2021)
        assertRow(r.applications, "newlyReceived", [64, 0, 0, 2, 0, 4, 70])
        assertRow(r.applications, "carriedOver", [0, 0, 0, 0, 0, 0, 0])
        // 270020130 splits two ways within its row (27,0,0,2,0,1,30 and 2,7,0,0,20,1,30); the column sums decide.
        assertRow(r.applications, "granted", [27, 0, 0, 2, 0, 1, 30])
        assertRow(r.applications, "partiallyGranted", [5, 0, 0, 0, 0, 0, 5])
        assertRow(r.applications, "denied.internalAffairs", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "denied.enforcementFiles", [6, 0, 0, 0, 0, 0, 6])
        assertRow(r.applications, "denied.administrativeQuery", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "unavailable.notHeld", [22, 0, 0, 0, 0, 3, 25])
        assertRow(r.applications, "other.other", [1, 0, 0, 0, 0, 0, 1])
        assertRow(r.applications, "totalHandled", [63, 0, 0, 2, 0, 4, 69])
        assertRow(r.applications, "carriedForward", [1, 0, 0, 0, 0, 0, 1])
        // 10203120001200000 = 1,0,2,0,3 / 12,0,0,0,12 / 0,0,0,0,0
        assertRow(r.reviewLitigation, "review", [1, 0, 2, 0, 3])
        assertRow(r.reviewLitigation, "litigationDirect", [12, 0, 0, 0, 12])
        assertRow(r.reviewLitigation, "litigationAfterReview", [0, 0, 0, 0, 0])
        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        assertRow(r.activeDisclosure, "licensing", [2293])
        assertRow(r.activeDisclosure, "punishment", [1282])
        assertRow(r.activeDisclosure, "coercion", [42])
        assertRow(r.activeDisclosure, "normativeDocuments", [nil, nil, nil])
    }

    // OCR Markdown: small blocks with generic headers, `(六) 其他`, a stray header row, 四 as three tables.
    func testShuyang2025OCRMarkdown() throws {
        let r = try corpus("shuyang-2025.md")
        XCTAssertEqual(r.agency, "沐阳县人民政府")  // as the OCR spells 沭阳
        XCTAssertEqual(r.region, ["沐阳县"])
        XCTAssertEqual(r.year, 2025)
        XCTAssertEqual(r.template, .v2021)
        XCTAssertEqual(r.sections.map(\.number), [1, 2, 3, 4, 5, 6])
        assertRow(r.activeDisclosure, "regulations", [0, 0, 0])
        assertRow(r.activeDisclosure, "normativeDocuments", [6, 1, 32])
        assertRow(r.activeDisclosure, "licensing", [517645])
        assertRow(r.activeDisclosure, "punishment", [693957])
        assertRow(r.activeDisclosure, "coercion", [2154])
        assertRow(r.activeDisclosure, "fees", [4068.208])
        assertRow(r.applications, "newlyReceived", [705, 3, 0, 0, 5, 0, 713])
        assertRow(r.applications, "carriedOver", [36, 0, 0, 0, 0, 0, 36])
        assertRow(r.applications, "granted", [290, 1, 0, 0, 3, 0, 294])
        assertRow(r.applications, "partiallyGranted", [99, 0, 0, 0, 2, 0, 101])
        assertRow(r.applications, "denied.administrativeQuery", [9, 0, 0, 0, 0, 0, 9])
        assertRow(r.applications, "unavailable.notHeld", [111, 0, 0, 0, 0, 0, 111])
        assertRow(r.applications, "notProcessed.repeated", [6, 1, 0, 0, 0, 0, 7])
        assertRow(r.applications, "other.noCorrection", [9, 0, 0, 0, 0, 0, 9])
        assertRow(r.applications, "other.feeUnpaid", [7, 0, 0, 0, 0, 0, 7])
        assertRow(r.applications, "other.other", [142, 1, 0, 0, 0, 0, 143])
        assertRow(r.applications, "totalHandled", [710, 3, 0, 0, 5, 0, 718])
        assertRow(r.applications, "carriedForward", [31, 0, 0, 0, 0, 0, 31])
        assertRow(r.reviewLitigation, "review", [27, 10, 9, 15, 61])
        assertRow(r.reviewLitigation, "litigationDirect", [3, 0, 0, 0, 3])
        assertRow(r.reviewLitigation, "litigationAfterReview", [8, 0, 1, 1, 10])
        XCTAssertEqual(r.diagnostics.filter { $0.rule.hasPrefix("parse.") }, [])
    }

    // HTML with rowspan/colspan, &nbsp; blanks, the 总计 column blank on leaf rows.
    func testShanghaiOffice2019HTML() throws {
        let r = try corpus("shanghai-office-2019.html")
        XCTAssertEqual(r.agency, "上海市人民政府办公厅")
        XCTAssertEqual(r.region, ["上海市"])
        XCTAssertEqual(r.year, 2019)
        XCTAssertEqual(r.template, .v2019)
        XCTAssertEqual(r.title, "2019年上海市人民政府办公厅政府信息公开工作年度报告")
        assertRow(r.activeDisclosure, "regulations", [13, 13, 524])
        assertRow(r.activeDisclosure, "normativeDocuments", [60, 60, 368])
        assertRow(r.activeDisclosure, "procurement", [6, 251000])
        assertRow(r.applications, "newlyReceived", [821, 35, nil, nil, 2, 1, 859])
        assertRow(r.applications, "carriedOver", [18, nil, nil, nil, nil, nil, 18])
        assertRow(r.applications, "granted", [258, 12, nil, nil, 1, 1, nil])
        assertRow(r.applications, "unavailable.notHeld", [252, 12, nil, nil, 1, nil, nil])
        assertRow(r.applications, "notProcessed.complaint", [148, 1, nil, nil, nil, nil, nil])
        assertRow(r.applications, "totalHandled", [767, 35, nil, nil, 2, 1, 805])
        assertRow(r.applications, "carriedForward", [72, nil, nil, nil, nil, nil, 72])
        assertRow(r.reviewLitigation, "review", [5, nil, nil, 2, 7])
        assertRow(r.reviewLitigation, "litigationDirect", [8, nil, nil, 1, 9])
        assertRow(r.reviewLitigation, "litigationAfterReview", [nil, nil, nil, nil, nil])
    }
}
