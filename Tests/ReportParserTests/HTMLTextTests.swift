import Foundation
import XCTest
@testable import ReportParser

final class HTMLTextTests: XCTestCase {
    private func texts(_ html: String) -> [String] {
        HTMLText.lines(from: html).map(\.text)
    }

    // MARK: Blocks

    func testParagraph() {
        XCTAssertEqual(HTMLText.lines(from: "<p style='text-align: center'>一、总体情况</p>"),
                       [SourceLine("一、总体情况", number: 1, column: 1)])
    }

    func testBlocksStartLinesAndInlineTagsKeepText() {
        let html = "<h1>标题</h1><div>第<b>一</b>段<span style=\"x\">文字</span></div>"
            + "<ul><li>甲</li><li>乙</li></ul>前文<br>后文<br/><section><article>丙</article></section>"
            + "<blockquote>丁</blockquote>"
        XCTAssertEqual(texts(html), ["标题", "第一段文字", "甲", "乙", "前文", "后文", "丙", "丁"])
    }

    func testWhitespaceCollapsedAndTrimmed() {
        let html = "<p>\n   2019年，   通过\n  门户网站\t公开  </p><p>\u{3000}\u{3000}（一）主动公开\u{3000}</p><p> \n </p>"
        XCTAssertEqual(texts(html), ["2019年， 通过 门户网站 公开", "（一）主动公开"])
    }

    // MARK: Tables

    func testTableWithColspanRowspanAndNbspCells() {
        let html = """
        <table border="1" cellspacing="1"><tbody>
        <tr><td colspan="3" rowspan="2"><p align="center">（本列数据的勾稽关系为：第一项加第二项之和）</p></td><td colspan="7">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>
        <tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td><p align="center">12</p></td><td>&nbsp;</td><td><p align="center">&nbsp;</p></td><td>0</td><td> 1 </td><td>&nbsp;&nbsp;</td><td>13</td></tr>
        <tr><td>&nbsp;</td><td></td></tr>
        </tbody></table>
        <p>四、行政复议</p>
        """
        XCTAssertEqual(HTMLText.lines(from: html), [
            SourceLine("（本列数据的勾稽关系为：第一项加第二项之和）\t申请人情况", number: 2, column: 1),
            SourceLine("自然人\t法人或其他组织\t总计", number: 3, column: 1),
            SourceLine("商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他", number: 4, column: 1),
            SourceLine("一、本年新收政府信息公开申请数量\t12\t\t\t0\t1\t\t13", number: 5, column: 1),
            SourceLine("\t", number: 6, column: 1),
            SourceLine("四、行政复议", number: 8, column: 1),
        ])
    }

    func testBreakInsideCellJoinsWithoutSeparator() {
        let html = "<table><tr><td>信息内容</td><td><p align=\"center\">本年新<br />制作数量</p></td>"
            + "<td><p>本年新</p><p>公开数量</p></td><td>对外公开\n  <BR>\n  总数量</td></tr></table>"
        XCTAssertEqual(texts(html), ["信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"])
    }

    func testTabsInsideCellDoNotSplitIt() {
        let html = "<table><tr><td>\t规章\t</td><td>5&#9;6</td><td>\t</td></tr></table>"
        XCTAssertEqual(texts(html), ["规章\t5 6\t"])
    }

    func testUnclosedCellsAndRows() {
        let html = "<table><tr><td>规章<td>5<td>6<tr><td>规范性文件<td>7</table><p>后文"
        XCTAssertEqual(texts(html), ["规章\t5\t6", "规范性文件\t7", "后文"])
    }

    func testTableNestedInCellIsLayout() {
        let html = "<table width=\"100%\"><tr><td><p>一、总体情况</p><p>正文。</p>"
            + "<table><tr><td>规章</td><td>5</td></tr></table><p>二、其他</p></td></tr></table>"
        XCTAssertEqual(texts(html), ["一、总体情况", "正文。", "规章\t5", "二、其他"])
    }

    func testCellOfLongParagraphsIsLayout() {
        let sentence = String(repeating: "本机关坚持以公开为常态、不公开为例外。", count: 7)
        let html = "<table><tr><td><p>一、总体情况</p><p>\(sentence)</p></td></tr></table>"
        XCTAssertEqual(texts(html), ["一、总体情况", sentence])
    }

    // MARK: Entities

    func testEntityDecoding() {
        let html = "<p>&ldquo;公开&rdquo;&mdash;&#20844;&#x5F00;&#X5f00;&amp;&lt;b&gt;&nbsp;x&nbsp&yen;5&hellip;"
            + "&quot;&apos;&lsquo;&rsquo;&ndash;&middot;&times;&unknown;&#0;&#150;&NBSP;a & b</p>"
        XCTAssertEqual(texts(html), ["“公开”—公开开&<b> x ¥5…\"'‘’–·×&unknown;\u{FFFD}– a & b"])
    }

    func testNbspOnlyCellIsEmpty() {
        XCTAssertEqual(texts("<table><tr><td>规章</td><td>&nbsp;</td><td>\u{00A0}</td><td>3</td></tr></table>"),
                       ["规章\t\t\t3"])
    }

    // MARK: Dropped content

    func testScriptStyleHeadAndCommentsDropped() {
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>页面标题</title>
        <style>p { color: red; }</style></head><body>
        <p>前<script type="text/javascript">document.write("<p>不要</p>");</script>后</p>
        <!-- <p>注释</p> --><p>下一段<!--x--></p><noscript>请启用脚本</noscript>
        <SCRIPT>if (a < b) {}</SCRIPT><p>末段</p></body></html>
        """
        XCTAssertEqual(texts(html), ["前后", "下一段", "末段"])
    }

    func testUnclosedScriptDropsTheRest() {
        XCTAssertEqual(texts("<p>正文</p><script>var s = '<p>x</p>';"), ["正文"])
    }

    // MARK: Line numbers

    func testLineNumbersOfMultiLineInput() {
        let html = """
        <html>
        <head>
        <title>标题</title>
        <script>var a = "<p>x</p>";</script>
        </head>
        <body>
        <p
          class="x">第一段
        </p>
        <p>第二段<br>续行</p>
        <table>
        <tr>
        <td>规章</td>
        <td>5</td>
        </tr>
        </table>
        <!-- <p>注释</p>
        -->
        末尾文字
        </body></html>
        """
        XCTAssertEqual(HTMLText.lines(from: html), [
            SourceLine("第一段", number: 7, column: 1),
            SourceLine("第二段", number: 10, column: 1),
            SourceLine("续行", number: 10, column: 11),
            SourceLine("规章\t5", number: 12, column: 1),
            SourceLine("末尾文字", number: 19, column: 1),
        ])
    }

    func testLineNumbersWithCRLFAndColumnsInOneLine() {
        let html = "<p>甲</p>\r\n<p>乙</p><p>丙</p>\r<div>丁</div>"
        XCTAssertEqual(HTMLText.lines(from: html), [
            SourceLine("甲", number: 1, column: 1),
            SourceLine("乙", number: 2, column: 1),
            SourceLine("丙", number: 2, column: 9),
            SourceLine("丁", number: 3, column: 1),
        ])
    }

    func testPreKeepsSourceLines() {
        let html = "<pre>\n规章   5\n  规范性文件 3  \n\n</pre><p>后</p>"
        XCTAssertEqual(HTMLText.lines(from: html), [
            SourceLine("规章   5", number: 2, column: 1),
            SourceLine("  规范性文件 3", number: 3, column: 1),
            SourceLine("后", number: 5, column: 7),
        ])
    }

    // MARK: Malformed input

    func testMalformedHTML() {
        let html = "<P CLASS=\"a>b\">大写</P><div>1 < 2 and 3<4 &</div><p>未闭合<p>第二<span title='x>y'>段</span>"
            + "<p title=\"abc>无闭合引号</p></>尾<"
        XCTAssertEqual(texts(html), ["大写", "1 < 2 and 3<4 &", "未闭合", "第二段", "无闭合引号", "尾<"])
    }

    func testTagCutOffAtEndIsDropped() {
        XCTAssertEqual(texts("<p>正文</p><p class=\"x"), ["正文"])
        XCTAssertEqual(texts("<p>正文<!-- 未结束的注释"), ["正文"])
        XCTAssertEqual(texts(""), [])
        XCTAssertEqual(texts("<"), ["<"])
        XCTAssertEqual(texts("&"), ["&"])
    }

    func testRandomInputNeverCrashes() {
        let pieces = ["<", ">", "<p>", "</p>", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "&", "&#",
                      "&#x", "12", ";", "\"", "'", "=", " ", "\n", "\r", "字", "<!--", "-->", "<script>",
                      "</script>", "<br/>", "a", "&nbsp;", "<pre>", "</pre>", "<head>", "</head>", "/", "!",
                      "&amp", "<td colspan=\"2\">", "\u{00A0}", "😀", "&#xD800;", "&#99999999999;"]
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(state >> 33) % pieces.count]
            }
            let sourceLines = html.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.count
            for line in HTMLText.lines(from: html) {
                XCTAssertTrue((1...max(1, sourceLines)).contains(line.number), html)
                XCTAssertGreaterThanOrEqual(line.column, 1)
                XCTAssertFalse(line.text.isEmpty && !html.contains("<t"), html)
            }
        }
    }

    func testPathologicalInputsStayLinear() {
        let inputs = [
            String(repeating: "<a title=\"", count: 40_000),
            String(repeating: "<p title='x' a=\"", count: 40_000),
            String(repeating: "<table><tr><td>字", count: 20_000),
            String(repeating: "<script>", count: 40_000),
            String(repeating: "&#x&amp&nbs<!-", count: 40_000),
            String(repeating: "<td><p>字</p>", count: 40_000),
        ]
        let start = Date()
        for input in inputs { _ = HTMLText.lines(from: input) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    // MARK: Real input

    func testShanghaiOffice2019Corpus() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/shanghai-office-2019.html")
            .standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("corpus not present at \(url.path)")
        }
        let (html, encoding) = try TextDecoding.decode(Data(contentsOf: url))
        XCTAssertEqual(encoding, .utf8)
        let lines = HTMLText.lines(from: html)
        let byText = Dictionary(lines.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })

        XCTAssertEqual(lines.first, SourceLine("2019年上海市人民政府办公厅政府信息公开工作年度报告", number: 1, column: 1))
        XCTAssertNotNil(byText["一、总体情况"])
        XCTAssertNotNil(byText["信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"])
        XCTAssertNotNil(byText["规章\t13\t13\t524"])
        XCTAssertNotNil(byText["一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859"])
        XCTAssertNotNil(byText["二、上年结转政府信息公开申请数量\t18\t\t\t\t\t\t18"])
        XCTAssertNotNil(byText["（七）总计\t767\t35\t\t\t2\t1\t805"])
        XCTAssertNotNil(byText["四、结转下年度继续办理\t72\t\t\t\t\t\t72"])
        XCTAssertEqual(lines.last?.text, "无。")
        XCTAssertTrue(lines.allSatisfy { $0.number == 1 })
        XCTAssertFalse(lines.contains { $0.text.contains("&nbsp;") || $0.text.contains("</") })
        XCTAssertTrue(lines.contains { $0.text.contains("《上海市贯彻<长江三角洲区域一体化发展规划纲要>实施方案》") })
        // Columns point into the one-line file, in increasing order.
        XCTAssertEqual(lines.map(\.column), lines.map(\.column).sorted())
    }
}
