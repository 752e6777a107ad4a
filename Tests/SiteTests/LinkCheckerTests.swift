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
        XCTAssertEqual(LinkChecker.fastResolve("./x", from: "a/index.html"), .some("a/x"))
        XCTAssertNil(LinkChecker.fastResolve("中/x", from: "a/index.html") as String??, "not ASCII: left to the general resolver")
        XCTAssertNil(LinkChecker.fastResolve("x", from: "中/index.html") as String??, "not ASCII: left to the general resolver")
    }

    func testTheByteResolverAgreesWithTarget() {
        let pages = ["index.html", "a/index.html", "a/b/index.html", "a//index.html", "404.html"]
        let values = ["", "#", "#x", "#a:b", "x", "x#", "x#y", "x/", "../x/", "../../a/b.html#frag", "./x", "a/./b", "a/../b",
                      "../../../x", "..", ".", "...x", "x/..", "index.html#x", "report.json", "%E4%B8%AD", "x?q=1",
                      "x&amp;y", "http://h/", "HTTP://h/", "//h/x", "mailto:a@b", "data:,", "javascript:x", "/abs", "x:y", "中.html"]
        for page in pages {
            let folder = LinkChecker.PageFolder(page)!
            for value in values {
                for attribute in ["href", "src"] {
                    let general = LinkChecker.target(tag: "a", attribute: attribute, value: value, page: page, alternate: false)
                    var bytes = value
                    guard let common = bytes.withUTF8({ folder.target($0) }) else { continue }
                    XCTAssertEqual(common, general, "\(value) from \(page)")
                }
            }
        }
        XCTAssertNil(LinkChecker.PageFolder("中/index.html"), "not ASCII: every link goes to the general path")
    }

    func testPageLinksAreCheckedOnBytes() {
        let files: [String: Data] = [
            "a/b/index.html": page(#"""
                <link rel="alternate" href="http://feeds.example/atom.xml"><h2 id="top">t</h2>
                <a href="../x/">1</a><a href="../../a/b.html#frag">2</a><a href="../../a/b.html#nofrag">3</a>
                <a href="#top">4</a><a href="#gone">5</a><a href="./x">6</a><a href="c/./d.html">7</a><a href="c/../d.html">8</a>
                <a href="../../../x/">9</a><a href="%E4%B8%AD.html">10</a><a href="%E6%96%87.html">11</a><a href="d.html?q=1">12</a>
                <a href="d.html?a=1&amp;b=2#top">13</a><a href="e.html?a=1&amp;b=2">14</a><img src="http://cdn.example/x.png">
                <a href="http://gov.example/">out</a><a href="../x/#top">15</a>
                """#),
            "a/x/index.html": page(#"<h1 id="top">x</h1>"#),
            "a/b.html": page(#"<p id="frag">"#),
            "a/b/x": page(""),
            "a/b/c/d.html": page(""),
            "a/b/d.html": page(#"<link href="http://styles.example/s.css">"#),
            "a/b/中.html": page(""),
        ]
        XCTAssertEqual(LinkChecker.check(files).map(\.description), [
            "a/b/d.html: http://styles.example/s.css（从其他网站加载）",
            "a/b/index.html: ../../a/b.html#nofrag（锚点不存在）",
            "a/b/index.html: #gone（锚点不存在）",
            "a/b/index.html: ../../../x/（目标不存在）",
            "a/b/index.html: %E6%96%87.html（目标不存在）",
            "a/b/index.html: d.html?a=1&b=2#top（锚点不存在）",
            "a/b/index.html: e.html?a=1&b=2（目标不存在）",
            "a/b/index.html: http://cdn.example/x.png（从其他网站加载）",
        ])
    }

    func testReferencesAreReadByTheByteScanner() {
        let refs = LinkChecker.references(in: #"<a class="x" href="p/index.html#y">t</a><script src="assets/s.js" defer></script><p data-href="no">"#)
        XCTAssertEqual(refs, [["a", "href", "p/index.html#y"], ["script", "src", "assets/s.js"]])
        XCTAssertEqual(LinkChecker.anchorIDs(in: #"<h2 id="a">x</h2><li id="finding-2">"#), ["a", "finding-2"])
    }

    /// The `memchr` scanner finds what a plain byte-by-byte loop finds, on random runs of the
    /// bytes that matter: tags, `=`, quotes, attribute names, and `<` inside values.
    func testTheByteScannerAgreesWithAPlainLoop() {
        func plain(_ bytes: [UInt8]) -> [[Int]] {
            var out: [[Int]] = []
            var tagStart = 0, i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] == 0x3C { tagStart = i }
                if bytes[i] == 0x3D, i + 1 < n, bytes[i + 1] == 0x22, i >= 4 {
                    let isHref = i >= 5 && Array(bytes[(i - 5)..<i]) == Array(" href".utf8)
                    let isSrc = Array(bytes[(i - 4)..<i]) == Array(" src".utf8)
                    if isHref || isSrc {
                        var j = i + 2
                        while j < n && bytes[j] != 0x22 { j += 1 }
                        var t = tagStart + 1
                        while t < n, (bytes[t] | 0x20) >= 0x61, (bytes[t] | 0x20) <= 0x7A { t += 1 }
                        out.append([tagStart + 1, t, isHref ? 1 : 0, i + 2, min(j, n)])
                        i = j
                    }
                }
                i += 1
            }
            return out
        }
        let pieces = ["<", "<a", "<IMG", "=", "\"", " href=\"", " src=\"", "href", " ", "x", "<b href=\"<i", "中", "\"<"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bytes = Array((0..<Int.random(in: 0...24, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            var found: [[Int]] = []
            bytes.withUnsafeBufferPointer { buffer in
                LinkChecker.scanReferences(buffer) { tag, isHref, value in
                    found.append([tag.lowerBound, tag.upperBound, isHref ? 1 : 0, value.lowerBound, value.upperBound])
                }
            }
            XCTAssertEqual(found, plain(bytes), String(decoding: bytes, as: UTF8.self))
        }
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
