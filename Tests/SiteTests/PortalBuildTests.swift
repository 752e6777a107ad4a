import Foundation
@testable import Site
import XCTest

/// The portal fixture (samples plus earlier years of 威海市科学技术局), built end to end:
/// assertions on the written files.
final class PortalBuildTests: XCTestCase {
    var temp: URL!
    var output: URL { temp.appendingPathComponent("Public") }

    override func setUpWithError() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-portal-\(UUID().uuidString)")
        try Self.makePortalContent(at: temp.appendingPathComponent("Content"))
    }

    /// The samples plus the portal fixture's earlier years, and a site.yml with a base URL.
    static func makePortalContent(at content: URL) throws {
        let reports = content.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for folder in ["Content/reports", "Tests/Fixtures/portal/reports"] {
            let url = BuildTests.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                try FileManager.default.copyItem(at: url.appendingPathComponent(name), to: reports.appendingPathComponent(name))
            }
        }
        try "title: 测试门户\nbase_url: https://example.gov.cn/portal\n".write(
            to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temp) }

    func build(theme: URL? = nil) throws -> BuildResult {
        try SiteBuilder(BuildOptions(content: temp.appendingPathComponent("Content"),
                                     theme: theme ?? BuildTests.root.appendingPathComponent("Themes/default"),
                                     output: output, fallbackTheme: BuildTests.root.appendingPathComponent("Themes/default"))).build()
    }

    func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: output.appendingPathComponent(path)), as: UTF8.self)
    }

    func testYearTableHasItsTotalsRow() throws {
        _ = try build()
        let year = try text("years/2023/index.html")
        // 2023: 平顶山 0, 环翠区工信局 1, 威海科技局 0 applications; 现行有效规范性文件 0 + 1 + 18.
        XCTAssertTrue(year.contains(#"<tfoot><tr><th scope="row">合计（3份）</th><td>1</td><td>1</td>"#), year)
        XCTAssertTrue(year.contains("<td>19</td>"))
        // 2022 (fixture): 7 received, 8 granted.
        let y2022 = try text("years/2022/index.html")
        XCTAssertTrue(y2022.contains(#"<th scope="row">合计（1份）</th><td>7</td><td>8</td>"#))
    }

    func testSitemapUsesTheBaseURL() throws {
        _ = try build()
        let sitemap = try text("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.gov.cn/portal/</loc>"))
        XCTAssertTrue(sitemap.contains("<loc>https://example.gov.cn/portal/reports/wei-hai-shi-ke-xue-ji-shu-ju/2021/</loc>"))
        XCTAssertTrue(sitemap.contains("<loc>https://example.gov.cn/portal/years/2020/</loc>"))
        XCTAssertEqual(try text("robots.txt"), "User-agent: *\nAllow: /\nSitemap: https://example.gov.cn/portal/sitemap.xml\n")
    }

    func testCSVRowsHoldEachReportsValues() throws {
        _ = try build()
        let csv = try text("data/active-disclosure.csv")
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 9)  // header + 8 reports
        XCTAssertTrue(lines[0].hasPrefix("\u{FEFF}id,agency,agencySlug,region,year,template,regulations.issued,regulations.repealed,regulations.inForce,normativeDocuments.issued,normativeDocuments.repealed,normativeDocuments.inForce"))
        let row = lines.first { $0.hasPrefix("wei-hai-shi-ke-xue-ji-shu-ju/2023,") }!
        XCTAssertTrue(row.hasPrefix("wei-hai-shi-ke-xue-ji-shu-ju/2023,威海市科学技术局,wei-hai-shi-ke-xue-ji-shu-ju,威海市,2023,2021,0,0,0,5,3,18,"), row)
    }

    func testAgencyPageShowsEveryYearAndTheCrossYearFindings() throws {
        _ = try build()
        let agency = try text("agencies/wei-hai-shi-ke-xue-ji-shu-ju/index.html")
        for year in 2020...2023 { XCTAssertTrue(agency.contains("\(year)年</a></th>"), "\(year)") }
        XCTAssertTrue(agency.contains("<svg"))
        XCTAssertTrue(agency.contains("“自然人”列：本年“上年结转”=0，2022年“结转下年度”=2，相差2"))
    }

    func testAThemeMayOverrideOnlySomeTemplates() throws {
        let theme = temp.appendingPathComponent("MyTheme/templates")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{frame.pageTitle}}</title></head><body><main id=\"main\"><h1 class=\"mine\">{{title}}</h1></main></body></html>"
            .write(to: theme.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        _ = try build(theme: theme.deletingLastPathComponent())
        XCTAssertTrue(try text("reports/wei-hai-shi-ke-xue-ji-shu-ju/2023/index.html").contains(#"<h1 class="mine">"#))
        XCTAssertTrue(try text("years/2023/index.html").contains("合计（3份）"))  // from the default theme
        XCTAssertNotNil(try? text("assets/site.css"))
    }

    func testSymbolicLinksOutOfTheContentFolderAreNotRead() throws {
        let outside = temp.appendingPathComponent("outside.txt")
        try String(contentsOf: BuildTests.root.appendingPathComponent("Content/reports/002_a603a2208d919e1a.txt"), encoding: .utf8)
            .replacingOccurrences(of: "威海市环翠区工业和信息化局", with: "威海市外部局")
            .write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: temp.appendingPathComponent("Content/reports/link.txt"), withDestinationURL: outside)
        let result = try build()
        XCTAssertFalse(result.catalog.reports.contains { $0.agency == "威海市外部局" })
        XCTAssertEqual(result.analysis.fileCount, 8)
    }
}
