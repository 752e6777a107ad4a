import Foundation
@testable import Site
import XCTest

final class LinkCheckerTests: XCTestCase {
    func page(_ html: String) -> Data { Data(html.utf8) }

    func testBrokenLinksAndAnchorsAreNamedWithTheirPage() {
        let files: [String: Data] = [
            "index.html": page(#"<a href="years/2023/index.html#top">a</a> <a href="years/2023/index.html#nope">b</a> <a href="missing/index.html">c</a>"#),
            "years/2023/index.html": page(#"<h1 id="top">x</h1><link rel="stylesheet" href="../../assets/site.css"><img src="https://other.example/x.png"><a href="https://gov.example/">out</a><a href="/abs">abs</a>"#),
            "assets/site.css": page(""),
        ]
        let broken = LinkChecker.check(files).map(\.description)
        XCTAssertEqual(broken, [
            "index.html: years/2023/index.html#nope（锚点不存在）",
            "index.html: missing/index.html（目标不存在）",
            "years/2023/index.html: https://other.example/x.png（从其他网站加载）",
            "years/2023/index.html: /abs（不是相对链接）",
        ])
    }

    func testFolderLinksResolveToTheirIndex() {
        XCTAssertEqual(LinkChecker.resolve("../b/", from: "a/x/index.html"), "a/b/")
        XCTAssertNil(LinkChecker.resolve("../../../x", from: "a/index.html"))
        let files = ["index.html": page(#"<a href="a/">a</a>"#), "a/index.html": page("")]
        XCTAssertEqual(LinkChecker.check(files), [])
    }

    func testReferencesAreReadByTheByteScanner() {
        let refs = LinkChecker.references(in: #"<a class="x" href="p/index.html#y">t</a><script src="assets/s.js" defer></script><p data-href="no">"#)
        XCTAssertEqual(refs, [["a", "href", "p/index.html#y"], ["script", "src", "assets/s.js"]])
        XCTAssertEqual(LinkChecker.anchorIDs(in: #"<h2 id="a">x</h2><li id="finding-2">"#), ["a", "finding-2"])
    }
}
