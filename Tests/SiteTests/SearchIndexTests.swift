import Foundation
import ReportModel
@testable import Site
import XCTest

/// The tokenizer and the index writer, on small inputs with exact tokens and postings.
final class SearchIndexTests: XCTestCase {
    func tokens(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        SearchTokenizer.count(text, into: &counts)
        return counts
    }

    func testHanRunsGiveUnigramsBigramsAndTrigrams() {
        XCTAssertEqual(tokens("行政复议"), ["行": 1, "政": 1, "复": 1, "议": 1, "行政": 1, "政复": 1, "复议": 1, "行政复": 1, "政复议": 1])
    }

    func testSeparatorsAndClassChangesEndRuns() {
        // No token spans the full stop or the digits.
        XCTAssertEqual(tokens("阶段。简化2023年"), ["阶": 1, "段": 1, "阶段": 1, "简": 1, "化": 1, "简化": 1, "2023": 1, "年": 1])
    }

    func testFullWidthAndCaseAreFolded() {
        XCTAssertEqual(tokens("ＧＢ１８０３０ gb18030 Ｇb18030"), ["gb18030": 3])
        XCTAssertEqual(SearchTokenizer.runs("ＡＢＣ　ｄｅｆ"), [.word("abc"), .word("def")])
    }

    func testCounts() {
        XCTAssertEqual(tokens("公开公开")["公开"], 2)
        XCTAssertEqual(tokens("公开公开")["开公"], 1)
    }

    func testQueryTokens() {
        XCTAssertEqual(SearchTokenizer.queryTokens("讼"), ["讼"])
        XCTAssertEqual(SearchTokenizer.queryTokens("翠区"), ["翠区"])
        XCTAssertEqual(SearchTokenizer.queryTokens("环翠区"), ["环翠区"])
        XCTAssertEqual(SearchTokenizer.queryTokens("行政复议"), ["行政复", "政复议"])
        XCTAssertEqual(SearchTokenizer.queryTokens("2023年 GB"), ["2023", "年", "gb"])
    }

    func testFNV1aMatchesTheReferenceValues() {
        XCTAssertEqual(SearchTokenizer.fnv1a(""), 2_166_136_261)
        XCTAssertEqual(SearchTokenizer.fnv1a("a"), 0xE40C292C)
        XCTAssertEqual(SearchTokenizer.fnv1a("foobar"), 0xBF9CF968)
    }

    func testPostingsVarintsAndBitmaps() {
        // Docs 0 (tf 1), 2 (tf 3), 3 (tf 9 → 4): gaps 0, 1, 0 → (0<<2|0), (1<<2|2), (0<<2|3) = 0, 6, 3.
        XCTAssertEqual(Postings.encode([(0, 1), (2, 3), (3, 9)], docCount: 100), "V" + Data([0, 6, 3]).base64EncodedString())
        XCTAssertEqual(Postings.decode(Postings.encode([(0, 1), (2, 3), (3, 9)], docCount: 100))!.map { [$0.doc, $0.tf] }, [[0, 1], [2, 3], [3, 4]])
        // Every one of 16 documents: the 2-byte bitmap is shorter than 16 varints.
        let all = (0..<16).map { (doc: $0, tf: 2) }
        XCTAssertEqual(Postings.encode(all, docCount: 16), "B" + Data([0xFF, 0xFF]).base64EncodedString())
        // A large gap needs two varint bytes: gap 100 → 400 = 0x190 → 0x90 0x03.
        XCTAssertEqual(Postings.encode([(100, 1)], docCount: 100_000), "V" + Data([0x90, 0x03]).base64EncodedString())
    }

    func testIndexWriterShardsPostingsAndDocuments() throws {
        var a = Report(source: "reports/a.txt", title: "甲局2023年报告", agency: "甲局", agencySlug: "jia-ju", region: ["威海市"], year: 2023, template: .v2021)
        a.sections = [Section(number: 1, title: "总体情况", text: "本局收到行政复议申请。", location: SourceLocation(file: "reports/a.txt", line: 3))]
        var b = Report(source: "reports/b.txt", title: "乙局2022年报告", agency: "乙局", agencySlug: "yi-ju", region: ["威海市", "环翠区"], year: 2022, template: .v2021)
        b.sections = [Section(number: 1, title: "总体情况", text: "没有收到申请。", location: SourceLocation(file: "reports/b.txt", line: 3))]
        b.reviewLitigation["review", "total"] = TableValue(2)
        let files = try SearchIndexBuilder(documents: [SearchDocument(report: a), SearchDocument(report: b)]).files()

        let manifest = try JSONSerialization.jsonObject(with: files["search/manifest.json"]!) as! [String: Any]
        XCTAssertEqual(manifest["docCount"] as? Int, 2)
        XCTAssertEqual(manifest["years"] as? [Int], [2023, 2022])
        let shardCount = manifest["shardCount"] as! Int
        func postings(_ token: String) throws -> [[Int]]? {
            let shard = try JSONSerialization.jsonObject(with: files["search/shards/\(SearchIndexBuilder.shard(of: token, count: shardCount)).json"]!) as! [String: String]
            return shard[token].flatMap(Postings.decode)?.map { [$0.doc, $0.tf] }
        }
        XCTAssertEqual(try postings("复议"), [[0, 1], [1, 1]])  // b: from its table label 行政复议 (review total 2)
        XCTAssertEqual(try postings("申请"), [[0, 1], [1, 1]])
        XCTAssertEqual(try postings("t:甲局"), [[0, 2]])  // in the title and the agency
        XCTAssertEqual(try postings("r:环翠区"), [[1, 1]])
        XCTAssertEqual(try postings("y:2023"), [[0, 1]])
        XCTAssertEqual(try postings("a:yi-ju"), [[1, 1]])
        XCTAssertNil(try postings("段简"))
        XCTAssertEqual(SearchIndexBuilder.shard(of: "t:甲局", count: shardCount), SearchIndexBuilder.shard(of: "甲局", count: shardCount))

        let doc = Deflate.decompress(files["search/docs/1.z"]!, expectedSize: 1 << 16)!
        let json = try JSONSerialization.jsonObject(with: doc) as! [String: Any]
        XCTAssertEqual(json["url"] as? String, "reports/yi-ju/2022/index.html")
        XCTAssertEqual(json["region"] as? [String], ["威海市", "环翠区"])
        let sections = json["sections"] as! [[String: String]]
        XCTAssertEqual(sections.map { $0["anchor"]! }, ["section-1", "section-3"])
        XCTAssertEqual(sections.last?["text"], "行政复议")
    }
}

final class SearchDocumentTests: XCTestCase {
    func testPageTextLosesItsMarkdown() {
        XCTAssertEqual(SearchDocument.plainText(markdown: "# 标题\n\n**加粗**与[链接](../x/index.html)\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |"),
                       "标题\n\n加粗与链接\n\n甲   乙\n1   2")
    }
}
