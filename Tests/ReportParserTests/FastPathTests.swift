import XCTest
@testable import ReportParser

/// The scalar and byte fast paths must decide exactly as the Character code they replace.
final class FastPathTests: XCTestCase {
    private let samples = [
        "", "一、总体情况", "（五）存在的主要问题及改进情况", "12.5万元", "１２３", "-3", "+4.0", "1,234",
        "abc def", "e\u{301}", "六\u{301}", "\u{F9D1}、", "\r\n", "Å", "\u{2000}", "１\u{301}", "① 件", "한글",
        "👍🏽", "\u{200D}", "٣", "A\u{0600}件",
    ]

    func testSimpleTextMeansOneCharacterPerScalar() {
        for text in samples where SimpleText.isSimple(text) {
            XCTAssertEqual(text.count, text.unicodeScalars.count, text)
            for s in text.unicodeScalars {
                // Canonically equivalent to no other scalar: NFC leaves it as it is.
                XCTAssertEqual(String(s).precomposedStringWithCanonicalMapping.unicodeScalars.first, s)
            }
        }
        XCTAssertTrue(SimpleText.isSimple("温州市鹿城区信访局 2021 年（一）１２％"))
        for text in ["e\u{301}", "六\u{301}", "\u{F9D1}", "\r\n", "\u{2000}", "한글", "👍🏽", "\u{200D}"] {
            XCTAssertFalse(SimpleText.isSimple(text), text)
        }
    }

    private let spaced = [" ", "\u{3000}", " 0 ", "\u{3000}（一）予以公开\u{3000}", "a\u{00A0}", "\u{FEFF}无", "\t5件\n",
                          "e\u{301} ", " \u{2028}x\u{2029}", "𠀀 ", "\u{85}-\u{A0}", "丨 \u{1680}", "x\u{202F}", "\u{205F}y"]

    func testSimpleByBytesMatchesSimpleByScalars() {
        for text in samples + spaced + ["䷀卦", "\u{4DBF}\u{4DC0}", "𪛟𪜀", "（一）予以公开\t5　件𠀀", "a\rb", "\u{E000}", "\u{9FFF}\u{A000}"] {
            XCTAssertEqual(SimpleText.isSimple(text), text.unicodeScalars.allSatisfy(SimpleText.isSimple), text.debugDescription)
            XCTAssertEqual(SimpleText.isSimple(text), SimpleText.isSimple(text[...]), text.debugDescription)
        }
    }

    /// `TextNormalizer.key` as it was written over scalars, before it read bytes.
    private func keyByScalars(_ text: String) -> String {
        var out: [UInt8] = []
        var previousWasDigit = false
        for scalar in text.unicodeScalars {
            var s = scalar
            if (0xFF01...0xFF5E).contains(s.value) { s = Unicode.Scalar(s.value - 0xFEE0)! }
            switch s {
            case " ", "\t", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\n", "\r":
                continue
            case "“", "”", "\"", "‘", "’", "'", "「", "」", "*", "#":
                continue
            case "、" where previousWasDigit, "．":
                out.append(UInt8(ascii: "."))
                previousWasDigit = false
                continue
            case "【", "〔":
                out.append(UInt8(ascii: "("))
            case "】", "〕":
                out.append(UInt8(ascii: ")"))
            default:
                UTF8.encode(s) { out.append($0) }
            }
            previousWasDigit = s.value >= 0x30 && s.value <= 0x39
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testKeyByBytesMatchesKeyByScalars() {
        let more = ["（六）其他处理\n3、其他", "1、2．3 、4\n、5", "【二】〔三〕“四”‘五’「六」*#", "ＡＢＣ１２３（七）总计",
                    "本年 新收\u{3000}\u{00A0}\u{200B}\u{FEFF}\r\t", "１、二", "e\u{301}𠀀👍🏽", "\u{FF5E}\u{FF5F}\u{FF00}"]
        for text in samples + spaced + more {
            XCTAssertEqual(TextNormalizer.key(text), keyByScalars(text), text.debugDescription)
        }
    }

    func testKeyOfLinesIsKeyOfTheirJoinedText() {
        let groups = [["1", "、二"], ["", ""], [], ["（一）予以公开\t5", "", "２、三", "“引”"], ["e\u{301}", "\u{301}x"], ["3\r", "、"]]
        for texts in groups {
            let lines = texts.enumerated().map { SourceLine($1, number: $0 + 1) }
            XCTAssertEqual(TextNormalizer.key(joining: lines), TextNormalizer.key(texts.joined(separator: "\n")), "\(texts)")
            XCTAssertEqual(TextNormalizer.withKeyBytes(joining: lines) { Array($0) }, Array(TextNormalizer.key(joining: lines).utf8),
                           "\(texts)")
        }
    }

    func testNavigationSeparatorsFoundByBytes() {
        for text in samples + spaced + ["首页》机关", "a>b", "›", "x|y", "1/2", "≯", ">\u{338}", "〉", "\u{232A}", "《》"] {
            let byCharacters = text.contains { "》>›|/".contains($0) }
            XCTAssertTrue(!byCharacters || MetadataReader.mayHoldNavigationSeparator(text), text.debugDescription)
        }
    }

    func testMatchedTextIsNSStringSubstring() {
        let text = "ae\u{301}x六\u{F9D1}𠀀z（一）"
        let count = text.utf16.count
        for location in 0...count {
            for length in 0...(count - location) {
                let range = NSRange(location: location, length: length)
                XCTAssertEqual(Array(text.matched(range).unicodeScalars), Array((text as NSString).substring(with: range).unicodeScalars))
            }
        }
    }

    func testRemnantsOnlyWhereTheTextHasThem() {
        for text in samples + spaced + ["x[bookmark:_Toc1]y", "[bookmark", "a\u{202E}b", "\u{D8}", "\u{061C}"] {
            let lines = ReportParser.splitLines(text)
            let changed = lines.contains { ReportParser.stripRemnants($0.text) != $0.text }
            XCTAssertTrue(!changed || ReportParser.mayHaveRemnants(text), text.debugDescription)
        }
    }

    func testScalarsAndStringRoundTrip() {
        let text = "（一）予以公开\t5　件𠀀"
        let scalars = SimpleText.scalars(text)!
        XCTAssertEqual(SimpleText.string(scalars[...]), text)
        XCTAssertEqual(SimpleText.string(scalars[3..<7]), "予以公开")
        XCTAssertNil(SimpleText.scalars("e\u{301}"))
    }

    func testIsNumeralMatchesCharacterVersion() {
        let cases = samples + ["1.", ".5", "1.2.3", "-", "+-1", "007", "3\u{301}", "１", "1 2", "0.25"]
        for text in cases {
            XCTAssertEqual(CellNumber.isNumeral(text), CellNumber.isNumeralByCharacters(text), text)
        }
    }

    func testBytePairFilterNeverRulesOutAPresentPhrase() {
        var text = "（六）其他处理3.其他本年新收政府信息公开申请数量"
        let phrases = ["其他处理", "3.其他", "本年新收", "信息公开", "（六）", "数量"]
        text.withUTF8 { bytes in
            let filter = BytePairFilter(bytes)
            for phrase in phrases {
                XCTAssertTrue(filter.mayContain(Array(phrase.utf8)), phrase)
            }
            XCTAssertFalse(filter.mayContain(Array("行政复议".utf8)))
        }
    }

    func testByteSearchInLongText() {
        var text = String(repeating: "政府信息公开工作", count: 60) + "行政复议"
        text.withUTF8 { bytes in
            XCTAssertEqual(ByteSearch.find(Array("行政复议".utf8), in: bytes), bytes.count - 12)
            XCTAssertEqual(ByteSearch.find(Array("工作".utf8), in: bytes, from: 1), 18)
            XCTAssertNil(ByteSearch.find(Array("行政诉讼".utf8), in: bytes))
        }
    }

    func testByteSearchFindsTheFirstOccurrenceInLongText() {
        let hay = String(repeating: "本年制发件数 收费", count: 40) + "本年收费金额" + String(repeating: "现行有效", count: 30) + "本年收费金额"
        let bytes = Array(hay.utf8)
        func firstOccurrence(_ needle: [UInt8], from start: Int) -> Int? {
            guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
            return (start...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        bytes.withUnsafeBufferPointer { hayBytes in
            for needle in ["本年收费金额", "收费", "有效本", "费金额", "数 收", " ", "金额现行", "效本年收费金额", "本年收费金额X", "X"] {
                let n = Array(needle.utf8)
                for start in [0, 1, 5, 600, 1_000, bytes.count - 20, bytes.count - n.count, bytes.count] {
                    XCTAssertEqual(ByteSearch.find(n, in: hayBytes, from: start), firstOccurrence(n, from: start), "\(needle) from \(start)")
                }
            }
        }
    }

    func testInlineHeadingsLookedForWhereCharactersHaveThem() {
        for text in samples + spaced + ["二、", "x二、", "。。二、主动公开", "二。、", "、", "\u{F9D1}、x", "七、", "一二", "abc一、"] {
            let scalars = Array(text.unicodeScalars)
            let expected = scalars.indices.contains { i in
                i > 0 && scalars[i] == "、" && "一二三四五六\u{F9D1}".unicodeScalars.contains(scalars[i - 1])
            }
            XCTAssertEqual(SectionHeading.mayHaveInline(text), expected, text.debugDescription)
        }
    }

    func testBareNumberingByScalarsMatchesCharacters() {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "1", "2", "3", "4", "5", "6", "１", "２", "３", "４", "５", "６"]
        func byCharacters(_ text: String) -> Bool {
            guard text.utf8.count <= 24, text.contains(where: { numerals.contains($0) }) else { return false }
            var t = TextNormalizer.trim(text)
            t.unicodeScalars.removeAll { $0 == "#" || $0 == "*" }
            let chars = Array(TextNormalizer.trim(t))
            switch chars.count {
            case 2: return numerals.contains(chars[0]) && "、.．".contains(chars[1])
            case 3: return "（(".contains(chars[0]) && numerals.contains(chars[1]) && "）)".contains(chars[2])
            default: return false
            }
        }
        for text in samples + spaced + ["五、", " 五、 ", "#五、", "五 * 、", "* （三）*", "(6)", "（七）", "7.", "五、总体", "\u{3000}２．", "# # 1 .", "（\u{F9D1}）"] {
            XCTAssertEqual(SectionSplitter.isBareNumbering(text), byCharacters(text), text.debugDescription)
        }
    }

    func testBidiControlsFoundByBytes() {
        for text in samples + ["a\u{202E}b", "\u{2066}", "x\u{061C}", "\u{200F}", "“引号”"] {
            XCTAssertEqual(ReportParser.hasBidiControl(text), text.unicodeScalars.contains(where: ReportParser.isBidiControl), text)
        }
    }

    func testLinesSplitWhereCharactersDo() {
        for text in ["a\nb", "a\r\nb\n", "\n\n", "一\n\u{301}二", ""] {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(ReportParser.splitLines(text).map(\.text), expected)
        }
    }
}

final class FoldFastPathTests: XCTestCase {
    func testMayFoldFindsEveryScalarFoldChanges() {
        for v in Array(0xFF00...0xFF20) + [0x2212, 0x2211, 0x3000, 0x4E00] {
            let text = "（一）" + String(Unicode.Scalar(UInt32(v))!) + "件"
            XCTAssertEqual(CellNumber.mayFold(text), CellNumber.fold(text) != text, String(v, radix: 16))
        }
    }
}

final class TrimAndLabelFastPathTests: XCTestCase {
    private let texts = ["", " ", "\u{3000}", "规章", " 0 ", "\u{3000}（一）予以公开\u{3000}", "a\u{00A0}", "\u{FEFF}无",
                         "无", "空 ", "（七）总计", "\t5件\n", "e\u{301} ", " \u{2028}x\u{2029}", "𠀀 ", "\u{85}-\u{A0}",
                         "１２", "—", "丨 \u{1680}", "x\u{202F}", "\u{205F}y"]

    func testTrimByBytesMatchesTrimByScalars() {
        for text in texts {
            let scalars = text.unicodeScalars
            let expected = scalars.firstIndex(where: { !TextNormalizer.isSpace($0) }).map {
                String(scalars[$0...scalars.lastIndex(where: { !TextNormalizer.isSpace($0) })!])
            } ?? ""
            XCTAssertEqual(TextNormalizer.trim(text), expected, text.debugDescription)
            XCTAssertEqual(TextNormalizer.trim(text[...]), expected, text.debugDescription)
        }
    }

    func testLabelsStartingWithAnIdeographReadAsNoNumber() {
        XCTAssertEqual(CellNumber.read("无"), .blank)
        XCTAssertEqual(CellNumber.read("空"), .blank)
        XCTAssertEqual(CellNumber.read("规章"), .notANumber)
        XCTAssertEqual(CellNumber.read("（一）予以公开"), .notANumber)
        XCTAssertEqual(CellNumber.read("５件"), .number(5))
        XCTAssertEqual(CellNumber.read(" 12 "), .number(12))
    }

    func testLinesSplitAtLoneLineFeeds() {
        XCTAssertEqual(ReportParser.splitLines("a\r\nb\nc\n").map(\.text), ["a\r\nb", "c", ""])
        XCTAssertEqual(ReportParser.splitLines("\n").map(\.number), [1, 2])
    }
}
