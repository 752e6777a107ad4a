import Foundation
@testable import Site
import XCTest

/// The integer-token index writer and the hand-written JSON against their definitions
/// (`ReferenceSearchIndex`, `JSONEncoder`), byte for byte, on hostile text.
final class SearchIndexEquivalenceTests: XCTestCase {
    /// Code points that stress normalisation, classes, escaping and word packing.
    static let pool: [String] = [
        "a", "Z", "0", "9", " ", "\n", "\t", "\r", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}", "\"", "\\", "/", ":",
        "行", "政", "复", "议", "〇", "㐀", "\u{20000}", "\u{2F800}", "\u{F900}", "\u{FA0E}", "⼀",
        "Ａ", "ｚ", "１", "，", "。", "、", "“", "”", "《", "℃", "㈱", "㍻", "İ", "ß", "Σ", "é", "e\u{301}", "\u{212A}",
        "가", "ไ", "٣", "²", "①", "Ⅻ", "ﬁ", "😀", "\u{2028}", "\u{FEFF}", "\u{A0}", "ǅ", "ʰ",
    ]

    /// Deterministic pseudo-random text from the pool, with long Han and ASCII runs mixed in.
    static func text(seed: inout UInt64, length: Int) -> String {
        var s = ""
        for _ in 0..<length {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = Int(seed >> 33)
            switch r % 10 {
            case 0: s += String(repeating: "x", count: 1 + (r / 10) % 40)  // words of every length around 8 and 32
            case 1: s += "公开政务信息"
            default: s += pool[r % pool.count]
            }
        }
        return s
    }

    static func documents(count: Int) -> [SearchDocument] {
        var seed: UInt64 = 42
        return (0..<count).map { i in
            var doc = SearchDocument(page: text(seed: &seed, length: 5), name: "p\(i)", text: "")
            doc.agency = i % 3 == 0 ? "" : text(seed: &seed, length: 3)
            doc.agencySlug = i % 3 == 0 ? "" : "slug-\(i % 5)"
            doc.year = i % 4 == 0 ? nil : 2019 + i % 6
            doc.region = i % 2 == 0 ? [] : [text(seed: &seed, length: 2), "威海市", "威海市"]
            doc.kind = i % 2 == 0 ? "page" : "report"
            doc.sections = (0..<(i % 3)).map { n in
                SearchDocument.Part(title: text(seed: &seed, length: 4), anchor: "section-\(n)", text: text(seed: &seed, length: 60))
            }
            return doc
        }
    }

    func testIndexFilesMatchTheReferenceWriter() throws {
        let documents = Self.documents(count: 120)
        let files = try SearchIndexBuilder(documents: documents).files()
        let reference = try ReferenceSearchIndex.files(documents)
        XCTAssertGreaterThan(reference.keys.filter { $0.hasPrefix("search/shards/") }.count, 3)
        XCTAssertEqual(Set(files.keys), Set(reference.keys).union(["search/manifest.json", "search/filters.json"]))
        for (path, data) in reference {
            XCTAssertEqual(files[path], data, path)
        }
    }

    /// Documents of thousands of distinct Han characters: the counters' tables and the index's
    /// grow while being counted into and merged into, which the small documents never make them do.
    func testTablesThatGrowMatchTheReferenceWriter() throws {
        var seed: UInt64 = 7
        let documents = (0..<8).map { i in
            var text = String.UnicodeScalarView()
            for _ in 0..<4_000 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(Unicode.Scalar(0x4E00 + UInt32(seed >> 33) % 0x5200)!)
            }
            return SearchDocument(page: "页\(i)", name: "p\(i)", text: String(text))
        }
        let files = try SearchIndexBuilder(documents: documents).files()
        for (path, data) in try ReferenceSearchIndex.files(documents) {
            XCTAssertEqual(files[path], data, path)
        }
        XCTAssertEqual(SearchTokenizer.counts(of: documents[0]), ReferenceSearchIndex.documentCounts(documents[0]))
    }

    func testNoDocumentsGiveOneEmptyShard() throws {
        let files = try SearchIndexBuilder(documents: []).files()
        XCTAssertEqual(files["search/shards/0.json"], try ReferenceSearchIndex.files([])["search/shards/0.json"])
        XCTAssertEqual(files["search/shards/0.json"], Data("{}".utf8))
    }

    func testSingleDocumentTokensAreTheIndexTokens() {
        for doc in Self.documents(count: 60) {
            XCTAssertEqual(SearchTokenizer.counts(of: doc), ReferenceSearchIndex.documentCounts(doc))
            var counts: [String: Int] = [:]
            var reference: [String: Int] = [:]
            for part in doc.sections {
                SearchTokenizer.count(part.text, prefix: "t:", into: &counts)
                ReferenceSearchIndex.count(part.text, prefix: "t:", into: &reference)
            }
            XCTAssertEqual(counts, reference)
        }
    }

    func testCanonicallyEquivalentWordsAreOneToken() throws {
        // 가 as one precomposed code point and as two jamo: equal Strings, so one token.
        let precomposed = "\u{AC00}", jamo = "\u{1100}\u{1161}"
        XCTAssertEqual(precomposed, jamo)
        var counts: [String: Int] = [:]
        SearchTokenizer.count("\(precomposed) \(jamo)", into: &counts)
        XCTAssertEqual(counts, [precomposed: 2])

        let docs = [SearchDocument(page: "甲", name: "a", text: precomposed), SearchDocument(page: "乙", name: "b", text: jamo)]
        let files = try SearchIndexBuilder(documents: docs).files()
        var found: [[Int]] = []
        for (path, data) in files where path.hasPrefix("search/shards/") {
            let shard = try JSONSerialization.jsonObject(with: data) as! [String: String]
            for (token, list) in shard where token == precomposed {
                found += Postings.decode(list)!.map { [$0.doc, $0.tf] }
            }
        }
        XCTAssertEqual(found, [[0, 1], [1, 1]])
    }

    func testJSONStringEscapesExactly() {
        var out: [UInt8] = []
        JSONText.appendString("a\"b\\c/d\n\t\r\u{8}\u{C}\u{0}\u{1F}\u{7F}\u{2028}é行", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       #""a\"b\\c/d\n\t\r\b\f\u0000\u001f"# + "\u{7F}\u{2028}é行\"")
    }

    func testJSONStringsMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var samples = (0..<0x80).map { String(Unicode.Scalar($0)!) }
        samples += Self.pool + ["", "\u{2029}", "\u{10FFFF}", "\u{FFFD}", "<script>", "&amp;"]
        for s in samples {
            var out: [UInt8] = []
            JSONText.appendString(s, to: &out)
            XCTAssertEqual(Data(out), try encoder.encode(s), "U+\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long strings, with an escaped character at every offset: the escaping reads eight bytes at a time.
    func testLongJSONStringsMatchJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let specials = ["\"", "\\", "\n", "\u{0}", "\u{1F}", " ", "!", "#", "[", "]", "\u{7F}", "é", "行", "\u{10FFFF}"]
        for special in specials {
            for offset in 0..<20 {
                for tail in [0, 1, 7, 8, 9, 17] {
                    let s = String(repeating: "a", count: offset) + special + String(repeating: "行", count: tail / 3)
                        + String(repeating: "z", count: tail) + special + special
                    var out: [UInt8] = []
                    JSONText.appendString(s, to: &out)
                    XCTAssertEqual(Data(out), try encoder.encode(s), s.debugDescription)
                }
            }
        }
    }

    func testDocumentJSONMatchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var empty = SearchDocument(page: "", name: "x", text: "")
        empty.sections = []
        for doc in Self.documents(count: 12) + [empty] {
            XCTAssertEqual(Data(doc.json()), try encoder.encode(doc))
        }
    }

    func testBase64MatchesFoundation() {
        for n in 0..<10 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 251) }
            var out: [UInt8] = []
            Base64.append(bytes, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), Data(bytes).base64EncodedString())
        }
    }

    func testStreamingWriterHandsOverEveryFileOnce() throws {
        let documents = Self.documents(count: 300)  // more than one batch
        var paths: [String] = []
        try SearchIndexBuilder(documents: documents).write { path, _ in paths.append(path) }
        XCTAssertEqual(paths.count, Set(paths).count)
        XCTAssertEqual(Set(paths), Set(try SearchIndexBuilder(documents: documents).files().keys))
        XCTAssertEqual(paths.filter { $0.hasPrefix("search/docs/") }, (0..<300).map { "search/docs/\($0).z" })
    }
}
