import Foundation
import TestSupport
import XCTest
@testable import Markdown

/// `PlainParagraphs` must give cmark's output to the byte wherever it answers.
final class PlainParagraphsTests: XCTestCase {
    private let renderers = [MarkdownRenderer(), MarkdownRenderer(hardBreaks: true)]

    private func assertSameAsCmark(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for renderer in renderers {
            XCTAssertEqual(renderer.html(text), renderer.parsedHTML(text), "\(text.debugDescription)", file: file, line: line)
        }
    }

    func testReportTextTakesTheFastPath() {
        let text = "2024年，我局坚持以“公开为常态”为原则。\n1.主动公开方面。全年更新信息54条，答复率100%。\n\n（二）依申请公开\n他说\"好\"。"
        XCTAssertNotNil(PlainParagraphs.html(text, lineBreak: "\n"))
        assertSameAsCmark(text)
    }

    func testMarkdownIsLeftToCmark() {
        for text in ["# 标题", "1. 一", "2) 二", "3.", "- 项", "+ 项", "=== ", "a\n---", "*强调*", "www.example.org",
                     "http://a.cn", "a@b.cn", "a & b", "<b>", "~~x~~", "| a |", "`x`", "\\*", "[x]", " 缩进", "行尾 ", "a\tb"] {
            XCTAssertNil(PlainParagraphs.html(text, lineBreak: "\n"), text)
            assertSameAsCmark(text)
        }
    }

    func testEdgeCases() {
        for text in ["", "\n", "\n\n", "a", "a\n", "\na\n\nb\n\n\nc", "a\nb\nc\n", "1.5%增长", "10)项", "1234567890. 项",
                     "12.\u{3000}全角", "\u{3000}全角空格开头", "全角空格结尾\u{3000}", "a  b", "\"引号\"", "ww.w", "wwww.", "a.b.c",
                     "（一）标题\n正文", "$&%", "©", "a\u{A0}", "\u{A0}a", "a\r\nb", "😀 emoji", "a?b;c,d(e)f/g{h}i^j$k"] {
            assertSameAsCmark(text)
        }
    }

    /// Random lines from an alphabet heavy in the bytes the fast path looks at.
    func testRandomTextMatchesCmark() {
        let plainish = Array("一二三。，“”（）％：  \n\n\n1234567890.)(\"#-+=w.\u{3000}abc/%$?;")
        let any = plainish + Array("*_[]<>&~|!:@'\\\t")
        var generator = SplitMix64(seed: 42)
        var fast = 0
        for alphabet in [plainish, any] {
            for _ in 0..<20_000 {
                let length = Int(generator.next() % 24)
                let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                if PlainParagraphs.html(text, lineBreak: "\n") != nil { fast += 1 }
                assertSameAsCmark(text)
            }
        }
        XCTAssertGreaterThan(fast, 5_000)
    }

    /// Every paragraph-sized piece of the sample reports in the repository.
    func testSampleReportsMatchCmark() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["Content", "Tests/ReportParserTests/Fixtures", "Tests/Fixtures"].map { root.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walk where url.pathExtension == "txt" || url.pathExtension == "md" {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let lines = text.components(separatedBy: "\n")
                for start in stride(from: 0, to: lines.count, by: 3) {
                    assertSameAsCmark(lines[start..<min(start + 6, lines.count)].joined(separator: "\n"))
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
