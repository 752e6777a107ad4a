import Dispatch
import XCTest
import Markdown

/// Exact-output tests for the cmark-gfm wrapper. Outputs are cmark-gfm 0.29.0.gfm.6's.
final class MarkdownRendererTests: XCTestCase {
    private let renderer = MarkdownRenderer()

    func testChineseParagraph() {
        XCTAssertEqual(renderer.html("本机关2023年度政府信息公开工作报告。"),
                       "<p>本机关2023年度政府信息公开工作报告。</p>\n")
    }

    func testEmptyInputRendersNothing() {
        XCTAssertEqual(renderer.html(""), "")
    }

    func testEmphasisAndStrong() {
        XCTAssertEqual(renderer.html("*强调* 与 **加粗**"),
                       "<p><em>强调</em> 与 <strong>加粗</strong></p>\n")
    }

    func testPipeTable() {
        let html = renderer.html("""
            | 项目 | 数量 |
            | --- | ---: |
            | 主动公开 | 12 |
            """)
        XCTAssertEqual(html, """
            <table>
            <thead>
            <tr>
            <th>项目</th>
            <th align="right">数量</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>主动公开</td>
            <td align="right">12</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    func testStrikethrough() {
        XCTAssertEqual(renderer.html("~~x~~"), "<p><del>x</del></p>\n")
    }

    func testAutolinks() {
        XCTAssertEqual(
            renderer.html("See https://example.org and www.example.org."),
            "<p>See <a href=\"https://example.org\">https://example.org</a> and "
                + "<a href=\"http://www.example.org\">www.example.org</a>.</p>\n")
    }

    /// GFM only trims trailing ASCII punctuation from extended autolinks, so a full-width
    /// 。 right after a URL becomes part of the link. Pinned so a change is noticed; authors
    /// should put a space (or <…>) between a URL and Chinese punctuation.
    func testAutolinkSwallowsTrailingFullWidthPunctuation() {
        XCTAssertEqual(renderer.html("www.example.org。"),
                       "<p><a href=\"http://www.example.org%E3%80%82\">www.example.org。</a></p>\n")
    }

    func testRawHTMLBlockIsOmitted() {
        let html = renderer.html("<script>alert(1)</script>\n")
        XCTAssertEqual(html, "<!-- raw HTML omitted -->\n")
        XCTAssertFalse(html.contains("<script"))
    }

    func testInlineRawHTMLIsOmitted() {
        XCTAssertEqual(renderer.html("一<b>二</b>三"),
                       "<p>一<!-- raw HTML omitted -->二<!-- raw HTML omitted -->三</p>\n")
    }

    func testJavascriptLinkHasEmptyHref() {
        XCTAssertEqual(renderer.html("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n")
    }

    func testSingleNewlineIsSoftBreakByDefault() {
        XCTAssertEqual(renderer.html("第一行\n第二行"), "<p>第一行\n第二行</p>\n")
    }

    func testHardBreaksOption() {
        XCTAssertEqual(MarkdownRenderer(hardBreaks: true).html("第一行\n第二行"),
                       "<p>第一行<br />\n第二行</p>\n")
    }

    /// cmark-gfm keeps global inline-parser state, so concurrent use must still give the
    /// serial result. Documents use every extension so a lost trigger character shows up.
    func testConcurrentRenderingMatchesSerial() {
        let documents = (0..<200).map { i in
            """
            # 第\(i)节

            ~~旧\(i)~~ *新* https://example.org/\(i) www.example.org/\(i) <b>x</b>

            | 序号 | 值 |
            | --- | --- |
            | \(i) | [链接](javascript:alert(\(i))) |
            """
        }
        let renderer = self.renderer
        let serial = documents.map { renderer.html($0) }
        XCTAssertTrue(serial[7].contains("<del>旧7</del>"))

        // Several rounds: without the internal lock a single round showed the race only
        // about one time in five.
        for round in 0..<10 {
            let results = ResultBox(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                results.set(i, renderer.html(documents[i]))
            }
            for i in documents.indices {
                XCTAssertEqual(results.get(i), serial[i], "round \(round), document \(i)")
            }
        }
    }
}

/// Thread-safe slots for results written from `concurrentPerform` workers.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: String) {
        lock.lock(); defer { lock.unlock() }
        values[i] = value
    }

    func get(_ i: Int) -> String? {
        lock.lock(); defer { lock.unlock() }
        return values[i]
    }
}
