import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportModel
@testable import Site
import XCTest

final class AtomFeedTests: XCTestCase {
    /// Collects each entry's child elements' text (and link hrefs) from a parsed feed.
    final class Collector: NSObject, XMLParserDelegate {
        var entries: [[String: String]] = []
        var feed: [String: String] = [:]
        private var current: [String: String]?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            if name == "entry" { current = [:] }
            if name == "link", let href = attributes["href"] {
                let key = "link." + (attributes["rel"] ?? "alternate")
                if current != nil { current![key] = href } else { feed[key] = href }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry" {
                entries.append(current!)
                current = nil
            } else if current != nil {
                current![name] = text
            } else {
                feed[name] = text
            }
        }
    }

    func parse(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> Collector {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "well-formed: \(String(describing: parser.parserError))", file: file, line: line)
        return collector
    }

    func report(_ slug: String, _ year: Int, title: String? = nil, published: String? = nil) -> Report {
        Report(source: "reports/\(slug).txt", title: title ?? "\(slug) \(year)年报告", agency: "威海市\(slug)局",
               agencySlug: slug, region: ["威海市"], year: year, template: .v2021, published: published)
    }

    func testEntriesNewestFirstAndLinksAbsolute() throws {
        var r = report("a", 2023, published: "2024-01-20 15:22")
        r.applications["newlyReceived", "total"] = TableValue(70)
        r.applications["granted", "total"] = TableValue(30)
        let reports = [report("a", 2021), r, report("b", 2022, published: "2023-01-25"), report("b", 2023)]
        let data = AtomFeed.xml(reports: reports, siteTitle: "威海市政府信息公开年报", baseURL: "https://example.gov.cn/portal/",
                                updated: "2024-01-31T00:00:00Z")
        let feed = parse(data)
        XCTAssertEqual(feed.feed["title"], "威海市政府信息公开年报")
        XCTAssertEqual(feed.feed["id"], "tag:sitegen,2024:feed")
        XCTAssertEqual(feed.feed["updated"], "2024-01-31T00:00:00Z")
        XCTAssertEqual(feed.feed["link.self"], "https://example.gov.cn/portal/feed.xml")
        XCTAssertEqual(feed.entries.map { $0["id"] }, [
            "tag:sitegen,2024:a/2023", "tag:sitegen,2024:b/2023", "tag:sitegen,2024:b/2022", "tag:sitegen,2024:a/2021",
        ])
        XCTAssertEqual(feed.entries.map { $0["updated"] }, [
            "2024-01-20T15:22:00+08:00", "2024-01-31T00:00:00Z", "2023-01-25T00:00:00Z", "2022-01-31T00:00:00Z",
        ])
        XCTAssertEqual(feed.entries[0]["link.alternate"], "https://example.gov.cn/portal/reports/a/2023/")
        XCTAssertEqual(feed.entries[0]["title"], "a 2023年报告")
        XCTAssertEqual(feed.entries[0]["summary"], "威海市a局 2023年度：收到申请 70 件，予以公开 30 件")
        XCTAssertEqual(feed.entries[1]["summary"], "威海市b局 2023年度")
        XCTAssertEqual(feed.entries[0]["name"], "威海市a局")
        XCTAssertEqual(AtomFeed.latestUpdated(reports), "2024-01-31T00:00:00Z")
    }

    func testRelativeLinksWithoutBaseURL() {
        let feed = parse(AtomFeed.xml(reports: [report("a", 2023)], siteTitle: "t", baseURL: nil, updated: "2024-01-31T00:00:00Z"))
        XCTAssertEqual(feed.entries.first?["link.alternate"], "reports/a/2023/")
        XCTAssertEqual(feed.entries.first?["id"], "tag:sitegen,2024:a/2023", "independent of the base URL")
        XCTAssertNil(feed.feed["link.self"])
    }

    func testAtMostFiftyEntries() {
        let reports = (0..<60).map { report("r\($0)", 2000 + $0 % 5) }
        let feed = parse(AtomFeed.xml(reports: reports, siteTitle: "t", baseURL: nil, updated: "2024-01-31T00:00:00Z"))
        XCTAssertEqual(feed.entries.count, 50)
        // Year descending; within a year, the given order.
        XCTAssertEqual(feed.entries.prefix(3).map { $0["id"] }, ["tag:sitegen,2024:r4/2004", "tag:sitegen,2024:r9/2004", "tag:sitegen,2024:r14/2004"])
        // 12 reports a year: 48 from 2004–2001, then r0 and r5 of 2000.
        XCTAssertEqual(feed.entries.suffix(2).map { $0["id"] }, ["tag:sitegen,2024:r0/2000", "tag:sitegen,2024:r5/2000"])
    }

    func testEscaping() throws {
        let nasty = "<script>alert('x')</script> & \"q\" ]]> \u{1}\u{7}end"
        let reports = [report("a", 2023, title: nasty)]
        let data = AtomFeed.xml(reports: reports, siteTitle: "A & B <site>", baseURL: "https://x.cn/?a=1&b=2", updated: "2024-01-31T00:00:00Z")
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertFalse(text.contains("]]>"))
        XCTAssertFalse(text.contains("\u{1}"))
        XCTAssertTrue(text.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot; ]]&gt; end"))
        let feed = parse(data)
        XCTAssertEqual(feed.entries.first?["title"], "<script>alert('x')</script> & \"q\" ]]> end")
        XCTAssertEqual(feed.feed["title"], "A & B <site>")
        XCTAssertEqual(feed.feed["link.self"], "https://x.cn/?a=1&b=2/feed.xml")
    }

    func testPublishedDates() {
        func updated(_ published: String?, year: Int = 2020) -> String {
            AtomFeed.entryUpdated(report("a", year, published: published))
        }
        XCTAssertEqual(updated("2020-01-20 15:22"), "2020-01-20T15:22:00+08:00")
        XCTAssertEqual(updated("2021-01-25"), "2021-01-25T00:00:00Z")
        XCTAssertEqual(updated(" 2021-1-5 "), "2021-01-05T00:00:00Z")
        XCTAssertEqual(updated("2021-01-25T08:05:09"), "2021-01-25T08:05:09+08:00")
        XCTAssertEqual(updated("2024-02-29"), "2024-02-29T00:00:00Z")
        XCTAssertEqual(updated("2023-02-29"), "2021-01-31T00:00:00Z", "not a date")
        XCTAssertEqual(updated("2021-13-01"), "2021-01-31T00:00:00Z")
        XCTAssertEqual(updated("2021-01-25 25:00"), "2021-01-31T00:00:00Z")
        XCTAssertEqual(updated("2021年1月25日"), "2021-01-31T00:00:00Z")
        XCTAssertEqual(updated("2021-01-25 abc"), "2021-01-31T00:00:00Z")
        XCTAssertEqual(updated(nil, year: 2023), "2024-01-31T00:00:00Z")
    }

    func testDeterministic() {
        let reports = [report("a", 2023), report("b", 2022)]
        XCTAssertEqual(AtomFeed.xml(reports: reports, siteTitle: "t", baseURL: nil, updated: "u"),
                       AtomFeed.xml(reports: reports, siteTitle: "t", baseURL: nil, updated: "u"))
    }
}
