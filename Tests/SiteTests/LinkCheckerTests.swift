import Foundation
@testable import Site
import Markdown
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

    func testTheFastResolverAgreesWithTheGeneralOne() {
        let pages = ["index.html", "a/index.html", "a/b/index.html", "reports/x/2023/index.html", "a//index.html", "404.html"]
        let targets = ["", "x", "x/", "x/index.html", "../x", "../../x/", "../../../assets/site.css", "../../../../x",
                       "./x", "../.", "..", "../..", "a//b", "...x", "../x/./y", "../x/../y", "x/..", "/abs"]
        for page in pages {
            for target in targets {
                XCTAssertEqual(LinkChecker.resolve(target, from: page), LinkChecker.slowResolve(target, from: page), "\(target) from \(page)")
            }
        }
        XCTAssertEqual(LinkChecker.fastResolve("../../x/index.html", from: "reports/x/2023/index.html"), .some("reports/x/index.html"))
        XCTAssertEqual(LinkChecker.fastResolve("../../x", from: "a/index.html"), .some(nil), "above the root")
        XCTAssertNil(LinkChecker.fastResolve("./x", from: "a/index.html") as String??, "left to the general resolver")
    }

    func testReferencesAreReadByTheByteScanner() {
        let refs = LinkChecker.references(in: #"<a class="x" href="p/index.html#y">t</a><script src="assets/s.js" defer></script><p data-href="no">"#)
        XCTAssertEqual(refs, [["a", "href", "p/index.html#y"], ["script", "src", "assets/s.js"]])
        XCTAssertEqual(LinkChecker.anchorIDs(in: #"<h2 id="a">x</h2><li id="finding-2">"#), ["a", "finding-2"])
    }
}

final class URLDelimiterTests: XCTestCase {
    func testBareURLsEndAtChinesePunctuation() {
        XCTAssertEqual(URLDelimiter.delimit("可在网站（http://www.huancui.gov.cn）下载。"), "可在网站（<http://www.huancui.gov.cn>）下载。")
        XCTAssertEqual(URLDelimiter.delimit("见www.weihai.gov.cn。"), "见<http://www.weihai.gov.cn>。")
        XCTAssertEqual(URLDelimiter.delimit("见 https://a.gov.cn/x?y=1."), "见 <https://a.gov.cn/x?y=1>.")
        // Already delimited, or a Markdown link: left alone.
        XCTAssertEqual(URLDelimiter.delimit("（<http://www.weihai.gov.cn/>）"), "（<http://www.weihai.gov.cn/>）")
        XCTAssertEqual(URLDelimiter.delimit("[网站](http://a.gov.cn/)"), "[网站](http://a.gov.cn/)")
        XCTAssertEqual(URLDelimiter.delimit("无链接"), "无链接")
    }

    func testRenderedLinkStopsAtTheURL() {
        let html = MarkdownRenderer().html(URLDelimiter.delimit("可在网站（http://www.huancui.gov.cn）下载。"))
        XCTAssertEqual(html, "<p>可在网站（<a href=\"http://www.huancui.gov.cn\">http://www.huancui.gov.cn</a>）下载。</p>\n")
    }
}
