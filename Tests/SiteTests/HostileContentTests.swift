import Foundation
import FoundationXML
@testable import Site
import XCTest

/// Text from reports, front matter and site.yml is escaped wherever it lands.
final class HostileContentTests: XCTestCase {
    static let hostile = BuildTests.root.appendingPathComponent("Tests/Fixtures/hostile")

    /// The attribute names of every tag, reading quoted values as values.
    static func attributeNames(_ html: String) -> [String] {
        let tag = try! NSRegularExpression(pattern: #"<[a-zA-Z][a-zA-Z0-9]*((?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*/?>"#)
        let attribute = try! NSRegularExpression(pattern: #"\s+([^\s=>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?"#)
        let ns = html as NSString
        var names: [String] = []
        for m in tag.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let attrs = ns.substring(with: m.range(at: 1))
            let a = attrs as NSString
            for n in attribute.matches(in: attrs, range: NSRange(location: 0, length: a.length)) {
                names.append(a.substring(with: n.range(at: 1)).lowercased())
            }
        }
        return names
    }

    func testAttributeReaderSeesHandlersButNotText() {
        XCTAssertEqual(Self.attributeNames(#"<img src=x onerror="a()"><meta content="&quot; onerror=x">"#), ["src", "onerror", "content"])
    }

    func testHostileStringsAreInertEverywhere() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try SiteBuilder(BuildOptions(content: Self.hostile, theme: BuildTests.root.appendingPathComponent("Themes/default"),
                                                  output: output)).build()
        XCTAssertEqual(result.catalog.reports.count, 2)
        // The slug from front matter tried to leave the output folder: refused, and said so.
        XCTAssertTrue(result.diagnostics.contains { $0.rule == "meta.front-matter" && $0.message.contains("../../etc/passwd") })

        let paths = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        XCTAssertFalse(paths.contains { $0.contains("..") || $0.contains("passwd") })
        for path in paths where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            // Only the theme's own scripts, by src, no inline script, no injected element or handler.
            let scripts = html.components(separatedBy: "<script").dropFirst()
            XCTAssertTrue(scripts.allSatisfy { $0.hasPrefix(" src=\"") && $0.contains("assets/") }, path)
            XCTAssertFalse(html.contains("<img"), path)
            // No element carries an event handler attribute (the text "onerror=" may appear, escaped).
            XCTAssertEqual(Self.attributeNames(html).filter { $0.hasPrefix("on") }, [], path)
            XCTAssertFalse(html.contains("<b>环翠区"), path)
            XCTAssertFalse(html.lowercased().contains("href=\"javascript:"), path)
            XCTAssertFalse(html.contains("\u{202E}"), path)
            // Template syntax in the text stays text.
            if html.contains("site.title}}") { XCTAssertTrue(html.contains("{{site.title}}"), path) }
            XCTAssertTrue(html.contains("Content-Security-Policy"), path)
        }
        let report = try String(contentsOf: output.appendingPathComponent(result.catalog.reports.first { $0.year == 2023 }!.agencySlug)
            .deletingLastPathComponent().appendingPathComponent("reports/\(result.catalog.reports.first { $0.year == 2023 }!.agencySlug)/2023/index.html"),
                                encoding: .utf8)
        XCTAssertTrue(report.contains("&lt;script&gt;window.pwned=3&lt;/script&gt;") || report.contains("<!-- raw HTML omitted -->"))
        XCTAssertTrue(report.contains("{{site.title}}"))

        // CSV: a text field that starts a formula is neutralised.
        let csv = String(decoding: try Data(contentsOf: output.appendingPathComponent("data/applications.csv")), as: UTF8.self)
        XCTAssertTrue(csv.contains(",\"'=HYPERLINK"))
        XCTAssertFalse(csv.contains(",=HYPERLINK"))
        // XML and JSON stay well formed.
        for file in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(data: try Data(contentsOf: output.appendingPathComponent(file)))
            XCTAssertTrue(parser.parse(), file)
        }
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/reports.json"))))
        let feed = String(decoding: try Data(contentsOf: output.appendingPathComponent("feed.xml")), as: UTF8.self)
        XCTAssertFalse(feed.contains("<script"))
    }
}
