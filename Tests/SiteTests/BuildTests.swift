import Foundation
import ReportModel
@testable import Site
import XCTest

/// Builds whole sites into temporary folders and asserts on the written files.
final class BuildTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var temp: URL!

    override func setUpWithError() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temp)
    }

    func options(content: URL, output: URL? = nil) -> BuildOptions {
        BuildOptions(content: content, theme: Self.root.appendingPathComponent("Themes/default"),
                     output: output ?? temp.appendingPathComponent("Public"))
    }

    /// A content folder holding the given reports (name → text).
    func makeContent(_ reports: [String: String]) throws -> URL {
        let content = temp.appendingPathComponent("Content")
        let folder = content.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in reports {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return content
    }

    func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    func testSampleContentBuildsOpenDataAndFivePages() throws {
        let output = temp.appendingPathComponent("Public")
        let result = try SiteBuilder(options(content: Self.root.appendingPathComponent("Content"))).build()
        XCTAssertEqual(result.catalog.reports.count, 5)

        let data = try json(output.appendingPathComponent("data/reports.json"))
        XCTAssertEqual(data["schema"] as? String, "sitegen.reports/1")
        let reports = data["reports"] as! [[String: Any]]
        XCTAssertEqual(reports.map { $0["id"] as! String }, [
            "ping-ding-shan-shi-ke-xue-ji-shu-ju/2023",
            "qing-zhou-shi-ke-xue-ji-shu-ju/2024",
            "wei-hai-shi-huan-cui-qu-gong-ye-he-xin-xi-hua-ju/2023",
            "wei-hai-shi-huan-cui-qu-ke-xue-ji-shu-ju/2020",
            "wei-hai-shi-ke-xue-ji-shu-ju/2023",
        ])
        let weihai = reports[4]
        XCTAssertEqual(weihai["agency"] as? String, "威海市科学技术局")
        XCTAssertEqual(weihai["region"] as? [String], ["威海市"])
        XCTAssertEqual(weihai["year"] as? Int, 2023)
        XCTAssertEqual(weihai["template"] as? String, "2021")
        XCTAssertEqual(weihai["source"] as? String, "reports/000_718de6eab00637b7.txt")
        XCTAssertEqual(weihai["url"] as? String, "reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/")
        let active = weihai["activeDisclosure"] as! [String: [String: Any]]
        XCTAssertEqual(active["normativeDocuments"]?["inForce"] as? Int, 18)
        let review = (weihai["reviewLitigation"] as! [String: [String: Any]])["review"]!
        XCTAssertTrue(review["total"] is NSNull, "an empty cell is null, never 0")
        let sections = weihai["sections"] as! [[String: Any]]
        XCTAssertEqual(sections.map { $0["number"] as! Int }, [1, 2, 3, 4, 5, 6])

        for report in reports {
            let page = output.appendingPathComponent(report["url"] as! String).appendingPathComponent("index.html")
            XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), page.path)
        }
        let html = try String(contentsOf: output.appendingPathComponent("reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<th scope=\"row\">行政规范性文件</th><td>5</td><td>3</td><td>18</td>"), "规范性文件 row in its columns")
        XCTAssertTrue(html.contains("<h2>一、总体情况</h2>"))
        XCTAssertTrue(html.contains("href=\"../../../assets/site.css\""))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("sources/reports/000_718de6eab00637b7.txt").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.marker).path))
    }

    func testReportTextIsEscapedOnThePage() throws {
        let text = """
        威海市测试局
        2023年政府信息公开工作年度报告
        一、总体情况
        本局<script>alert(1)</script>公开信息 <img src=x onerror=alert(2)> 共 5 条。[链接](javascript:alert(3))
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        无。
        六、其他需要报告的事项
        无。
        """
        let content = try makeContent(["a.txt": text])
        try SiteBuilder(options(content: content)).build()
        let html = try String(contentsOf: temp.appendingPathComponent("Public/reports/wei-hai-shi-ce-shi-ju/2023/index.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertFalse(html.contains("javascript:"))
    }

    func testTwoReportsForOneAgencyAndYearNameBothFiles() throws {
        let report = try String(contentsOf: Self.root.appendingPathComponent("Content/reports/000_718de6eab00637b7.txt"), encoding: .utf8)
        let content = try makeContent(["a/first.txt": report, "b/second.txt": report])
        let result = try SiteBuilder(options(content: content)).build()
        XCTAssertEqual(result.catalog.reports.map(\.source), ["reports/a/first.txt"])
        let duplicate = result.diagnostics.first { $0.rule == "file.duplicate" }
        XCTAssertEqual(duplicate?.location.file, "reports/b/second.txt")
        XCTAssertEqual(duplicate?.message, "威海市科学技术局 2023 年的报告重复：reports/a/first.txt 与 reports/b/second.txt，只发布前者")
    }

    func testFailedBuildLeavesPreviousOutputUntouched() throws {
        let output = temp.appendingPathComponent("Public")
        try SiteBuilder(options(content: Self.root.appendingPathComponent("Content"), output: output)).build()
        let before = try Data(contentsOf: output.appendingPathComponent("data/reports.json"))
        let empty = try makeContent(["broken.txt": "not a report"])
        XCTAssertThrowsError(try SiteBuilder(options(content: empty, output: output)).build()) { error in
            XCTAssertEqual(error as? SiteError, .noReadableReports)
        }
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("data/reports.json")), before)
    }

    func testRefusesToReplaceAFolderItDidNotCreate() throws {
        let output = temp.appendingPathComponent("Mine")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: output.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try SiteBuilder(options(content: Self.root.appendingPathComponent("Content"), output: output)).build())
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8), "keep")
    }

    func testBuildsAreByteIdentical() throws {
        let a = temp.appendingPathComponent("A"), b = temp.appendingPathComponent("B")
        try SiteBuilder(options(content: Self.root.appendingPathComponent("Content"), output: a)).build()
        try SiteBuilder(options(content: Self.root.appendingPathComponent("Content"), output: b)).build()
        let files = FileManager.default.enumerator(atPath: a.path)!.allObjects as! [String]
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: a.appendingPathComponent(file).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(file)), try Data(contentsOf: b.appendingPathComponent(file)), file)
        }
    }
}
