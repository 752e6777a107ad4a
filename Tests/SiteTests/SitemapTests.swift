import Foundation
@testable import Site
import XCTest

final class SitemapTests: XCTestCase {
    let expected = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://example.gov.cn/portal/</loc></url>
          <url><loc>https://example.gov.cn/portal/reports/a/2023/</loc></url>
        </urlset>

        """

    func string(_ data: Data?) throws -> String {
        try XCTUnwrap(String(data: XCTUnwrap(data), encoding: .utf8))
    }

    func testBaseWithoutTrailingSlash() throws {
        let data = Sitemap.xml(paths: ["reports/a/2023/", ""], baseURL: "https://example.gov.cn/portal")
        XCTAssertEqual(try string(data), expected)
    }

    func testBaseWithTrailingSlash() throws {
        let data = Sitemap.xml(paths: ["reports/a/2023/", ""], baseURL: "https://example.gov.cn/portal/")
        XCTAssertEqual(try string(data), expected)
    }

    func testLeadingSlashInPathAndDuplicatesGiveOneURL() throws {
        let data = Sitemap.xml(paths: ["/reports/a/2023/", "reports/a/2023/", ""], baseURL: "https://example.gov.cn/portal")
        XCTAssertEqual(try string(data), expected)
    }

    func testSortedAndPercentEncoded() throws {
        let data = Sitemap.xml(paths: ["regions/威海市/", "agencies/b/", "years/2023/", "agencies/a b&c/"],
                               baseURL: "https://example.gov.cn")
        XCTAssertEqual(try string(data), """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.gov.cn/agencies/a%20b%26c/</loc></url>
              <url><loc>https://example.gov.cn/agencies/b/</loc></url>
              <url><loc>https://example.gov.cn/regions/%E5%A8%81%E6%B5%B7%E5%B8%82/</loc></url>
              <url><loc>https://example.gov.cn/years/2023/</loc></url>
            </urlset>

            """)
    }

    func testBaseURLIsXMLEscaped() throws {
        let data = Sitemap.xml(paths: [""], baseURL: "https://example.gov.cn/?a=1&b=2")
        XCTAssertTrue(try string(data).contains("<loc>https://example.gov.cn/?a=1&amp;b=2/</loc>"))
    }

    func testNoSitemapWithoutBaseURL() {
        XCTAssertNil(Sitemap.xml(paths: ["reports/a/2023/"], baseURL: nil))
        XCTAssertNil(Sitemap.xml(paths: ["reports/a/2023/"], baseURL: ""))
        XCTAssertNil(Sitemap.xml(paths: ["reports/a/2023/"], baseURL: " / "))
    }

    func testRobots() throws {
        XCTAssertEqual(try string(Sitemap.robots(baseURL: nil)), "User-agent: *\nAllow: /\n")
        XCTAssertEqual(try string(Sitemap.robots(baseURL: "https://example.gov.cn/portal")),
                       "User-agent: *\nAllow: /\nSitemap: https://example.gov.cn/portal/sitemap.xml\n")
        XCTAssertEqual(try string(Sitemap.robots(baseURL: "https://example.gov.cn/portal/")),
                       "User-agent: *\nAllow: /\nSitemap: https://example.gov.cn/portal/sitemap.xml\n")
    }

    func testURLHelper() {
        XCTAssertEqual(Sitemap.url(for: "reports/a/2023/", base: nil), "reports/a/2023/")
        XCTAssertEqual(Sitemap.url(for: "", base: "https://x.cn//"), "https://x.cn/")
        XCTAssertEqual(Sitemap.percentEncoded("a-b_c.d~e/é"), "a-b_c.d~e/%C3%A9")
    }
}
