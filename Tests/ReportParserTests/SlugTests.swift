import Foundation
import XCTest
@testable import ReportParser

final class SlugTests: XCTestCase {
    // MARK: make

    func testMakeFromChineseName() {
        XCTAssertEqual(Slug.make("威海市科学技术局"), "wei-hai-shi-ke-xue-ji-shu-ju")
        XCTAssertEqual(Slug.make("威海市环翠区工业和信息化局"), "wei-hai-shi-huan-cui-qu-gong-ye-he-xin-xi-hua-ju")
    }

    func testMakeKeepsLatinAndDigitsAsWords() {
        XCTAssertEqual(Slug.make("上海市2号局"), "shang-hai-shi-2-hao-ju")
        XCTAssertEqual(Slug.make("上海市２号局"), "shang-hai-shi-2-hao-ju")
        XCTAssertEqual(Slug.make("ABC局"), "abc-ju")
        XCTAssertEqual(Slug.make("12345"), "12345")
    }

    func testMakeFromPureASCII() {
        XCTAssertEqual(Slug.make("Wei Hai"), "wei-hai")
        XCTAssertEqual(Slug.make("  Weihai   Science_Bureau (2024)  "), "weihai-science-bureau-2024")
        XCTAssertEqual(Slug.make("Ｗｅｉ　Ｈａｉ"), "wei-hai")
    }

    func testMakePunctuationSeparates() {
        XCTAssertEqual(Slug.make("威海市科学技术局（知识产权局）"), "wei-hai-shi-ke-xue-ji-shu-ju-zhi-shi-chan-quan-ju")
        XCTAssertEqual(Slug.make("——威海市·科技局——"), "wei-hai-shi-ke-ji-ju")
        XCTAssertEqual(Slug.make("威海市 科学技术局"), Slug.make("威海市科学技术局"))
    }

    func testMakeUmlautBecomesU() {
        XCTAssertEqual(Slug.make("吕梁市"), "lu-liang-shi")
        XCTAssertEqual(Slug.make("绿春县"), "lu-chun-xian")
        XCTAssertEqual(Slug.make("略阳县"), "lue-yang-xian")
        XCTAssertEqual(Slug.make("Café Müller"), "cafe-muller")
    }

    /// ICU's readings, pinned so a change of ICU data shows up here.
    func testMakePolyphonesFollowICU() {
        XCTAssertEqual(Slug.make("区"), "qu")
        XCTAssertEqual(Slug.make("重庆市"), "chong-qing-shi")   // ICU phrase rule
        XCTAssertEqual(Slug.make("重大"), "zhong-da")
        XCTAssertEqual(Slug.make("朝阳区"), "chao-yang-qu")
        XCTAssertEqual(Slug.make("行政审批服务局"), "xing-zheng-shen-pi-fu-wu-ju")
        XCTAssertEqual(Slug.make("蚌埠市"), "bang-bu-shi")
        XCTAssertEqual(Slug.make("乐山市"), "le-shan-shi")
    }

    /// `Slug.readingOverrides` fixes ICU's readings of common place-name polyphones.
    func testMakeCorrectsCommonPolyphones() {
        XCTAssertEqual(Slug.make("长沙市"), "chang-sha-shi")
        XCTAssertEqual(Slug.make("湖南省长沙市"), "hu-nan-sheng-chang-sha-shi")
        XCTAssertEqual(Slug.make("重庆市长寿区"), "chong-qing-shi-chang-shou-qu")
        XCTAssertEqual(Slug.make("长子县"), "zhang-zi-xian")
        XCTAssertEqual(Slug.make("和田地区"), "he-tian-di-qu")
        XCTAssertEqual(Slug.make("某某市地方金融监督管理局"), "mou-mou-shi-di-fang-jin-rong-jian-du-guan-li-ju")
        XCTAssertEqual(Slug.make("成都市"), "cheng-du-shi")
        XCTAssertEqual(Slug.make("西藏自治区"), "xi-zang-zi-zhi-qu")
        XCTAssertEqual(Slug.make("厦门市"), "xia-men-shi")
        XCTAssertEqual(Slug.make("中国人民银行威海市中心支行"), "zhong-guo-ren-min-yin-hang-wei-hai-shi-zhong-xin-zhi-hang")
        XCTAssertEqual(Slug.make("六安市"), "lu-an-shi")
        XCTAssertEqual(Slug.make("单县"), "shan-xian")
    }

    /// Regions read apart from the rest give the same slugs as the whole name wherever no word
    /// runs across the cut; a part is cut off only at a boundary between Chinese characters.
    func testMakeReadsRegionsApart() {
        XCTAssertEqual(Slug.pieces(of: "威海市环翠区科学技术局", apart: ["威海市", "环翠区"]), ["威海市", "环翠区", "科学技术局"])
        XCTAssertEqual(Slug.pieces(of: "威海市", apart: ["威海市"]), ["威海市"])
        XCTAssertEqual(Slug.pieces(of: "青州市科学技术局", apart: ["潍坊市", "青州市"]), ["青州市科学技术局"])
        XCTAssertEqual(Slug.pieces(of: "上海市2号局", apart: ["上海市"]), ["上海市2号局"])   // 市|2: not between Chinese
        XCTAssertEqual(Slug.pieces(of: "威海市", apart: []), ["威海市"])
        let names: [(String, [String])] = [
            ("威海市环翠区科学技术局", ["威海市", "环翠区"]),
            ("重庆市长寿区财政局", ["重庆市", "长寿区"]),
            ("湖南省长沙市地方金融监督管理局", ["湖南省", "长沙市"]),
            ("六安市市场监督管理局", ["六安市"]),
            ("上海市2号局", ["上海市"]),
            ("邯郸市肥乡区自然资源和规划局", ["邯郸市", "肥乡区"]),
        ]
        for (name, parts) in names {
            XCTAssertEqual(Slug.make(name, readingApart: parts), Slug.make(name), name)
        }
        XCTAssertEqual(Slug.make("重庆市长寿区财政局", readingApart: ["重庆市", "长寿区"]), "chong-qing-shi-chang-shou-qu-cai-zheng-ju")
    }

    func testMakeIsDeterministic() {
        let first = Slug.make("威海市环翠区工业和信息化局")
        for _ in 0..<5 { XCTAssertEqual(Slug.make("威海市环翠区工业和信息化局"), first) }
    }

    func testMakeEmptyOrSymbolsOnlyFallsBack() {
        XCTAssertEqual(Slug.make(""), "agency")
        XCTAssertEqual(Slug.make("   "), "agency")
        XCTAssertEqual(Slug.make("（）——、。"), "agency")
        XCTAssertEqual(Slug.make("\u{202E}\u{200B}"), "agency")
    }

    func testMakeNeverReturnsReservedName() {
        XCTAssertEqual(Slug.make("CON"), "con-agency")
        XCTAssertEqual(Slug.make("Index"), "index-agency")
        XCTAssertEqual(Slug.make("com1"), "com1-agency")
    }

    func testMakeCutsAtHyphenBoundary() {
        let name = String(repeating: "威海市科学技术局", count: 5)  // 40 syllables
        let slug = Slug.make(name)
        XCTAssertLessThanOrEqual(slug.count, 80)
        // Two copies are 57 characters; "-wei-hai-shi-ke-xue-ji" makes 79 and "-shu" would make 83.
        XCTAssertEqual(slug, Array(repeating: "wei-hai-shi-ke-xue-ji-shu-ju", count: 2).joined(separator: "-")
            + "-wei-hai-shi-ke-xue-ji")
        XCTAssertEqual(slug.count, 79)
    }

    func testMakeCutsSingleOverlongWordHard() {
        XCTAssertEqual(Slug.make(String(repeating: "a", count: 100)), String(repeating: "a", count: 80))
    }

    func testMakeOutputIsAlwaysAValidSlug() {
        let names = ["威海市科学技术局", "上海市2号局", "Wei Hai", "", "CON", "../../etc", "ｎｕｌ",
                     "平潭综合实验区", String(repeating: "长", count: 200), "𠀀㐀〇", "Пекин"]
        for name in names {
            let slug = Slug.make(name)
            XCTAssertEqual(Slug.sanitize(slug), slug, name)
            XCTAssertLessThanOrEqual(slug.count, Slug.maxLength, name)
            XCTAssertFalse(slug.hasPrefix("-") || slug.hasSuffix("-") || slug.contains("--"), name)
        }
    }

    func testMakeIsSafeToCallConcurrently() {
        final class Results: @unchecked Sendable {
            private let lock = NSLock()
            private var slugs: [Int: String] = [:]
            func set(_ i: Int, _ slug: String) { lock.lock(); slugs[i] = slug; lock.unlock() }
            func all(_ count: Int) -> [String] { lock.lock(); defer { lock.unlock() }; return (0..<count).map { slugs[$0] ?? "" } }
        }
        let names = (0..<200).map { "济南市第\($0 % 20)中学" }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            results.set(i, Slug.make(names[i]))
        }
        XCTAssertEqual(results.all(names.count), names.map { Slug.make($0) })
    }

    // MARK: sanitize

    func testSanitizeAcceptsAndNormalises() {
        XCTAssertEqual(Slug.sanitize("wei-hai"), "wei-hai")
        XCTAssertEqual(Slug.sanitize("Wei Hai"), "wei-hai")
        XCTAssertEqual(Slug.sanitize("  --Wei__Hai--Keji-- "), "wei-hai-keji")
        XCTAssertEqual(Slug.sanitize("wei.hai_2024"), "wei-hai-2024")
        XCTAssertEqual(Slug.sanitize("ＷＥＩ－ｈａｉ"), "wei-hai")
        XCTAssertEqual(Slug.sanitize("con-2"), "con-2")
        XCTAssertEqual(Slug.sanitize("indexes"), "indexes")
    }

    func testSanitizeRejectsPathTricks() {
        XCTAssertNil(Slug.sanitize("../../etc"))
        XCTAssertNil(Slug.sanitize(".."))
        XCTAssertNil(Slug.sanitize("a/b"))
        XCTAssertNil(Slug.sanitize("a\\b"))
        XCTAssertNil(Slug.sanitize("a..b"))
        XCTAssertNil(Slug.sanitize("a\0b"))
        XCTAssertNil(Slug.sanitize("a／b"))  // full-width solidus
        XCTAssertNil(Slug.sanitize("a\nb"))
    }

    func testSanitizeRejectsReservedNames() {
        for name in ["CON", "con", "Nul", "aux", "PRN", "com1", "COM9", "lpt1", "lpt9",
                     "index", "assets", "data", "search", "-Search-", " data "] {
            XCTAssertNil(Slug.sanitize(name), name)
        }
    }

    func testSanitizeRejectsEmptyForeignAndOverlong() {
        XCTAssertNil(Slug.sanitize(""))
        XCTAssertNil(Slug.sanitize("---"))
        XCTAssertNil(Slug.sanitize("   "))
        XCTAssertNil(Slug.sanitize("威海"))
        XCTAssertNil(Slug.sanitize("wei:hai"))
        XCTAssertNil(Slug.sanitize("wei%2Fhai"))
        XCTAssertNil(Slug.sanitize("café"))
        XCTAssertEqual(Slug.sanitize(String(repeating: "a", count: 80)), String(repeating: "a", count: 80))
        XCTAssertNil(Slug.sanitize(String(repeating: "a", count: 81)))
    }

    // MARK: disambiguate

    func testDisambiguateLeavesUniqueSlugsAlone() {
        XCTAssertEqual(Slug.disambiguate([]), [])
        XCTAssertEqual(Slug.disambiguate(["b", "a", "c"]), ["b", "a", "c"])
    }

    func testDisambiguateNumbersLaterDuplicates() {
        XCTAssertEqual(Slug.disambiguate(["a", "a", "a"]), ["a", "a-2", "a-3"])
        XCTAssertEqual(Slug.disambiguate(["a", "b", "a", "b", "a"]), ["a", "b", "a-2", "b-2", "a-3"])
    }

    func testDisambiguateNeverTakesAnotherInputSlug() {
        XCTAssertEqual(Slug.disambiguate(["a", "a", "a-2"]), ["a", "a-3", "a-2"])
        XCTAssertEqual(Slug.disambiguate(["a-2", "a", "a"]), ["a-2", "a", "a-3"])
        XCTAssertEqual(Slug.disambiguate(["a", "a", "a-2", "a-2", "a-3"]), ["a", "a-4", "a-2", "a-2-2", "a-3"])
    }

    func testDisambiguateKeepsLengthLimit() {
        let long = String(repeating: "ab-", count: 26) + "ab"  // 80 characters
        let result = Slug.disambiguate([long, long])
        XCTAssertEqual(result[0], long)
        XCTAssertEqual(result[1], String(repeating: "ab-", count: 25) + "ab-2")
        XCTAssertLessThanOrEqual(result[1].count, 80)
    }

    func testDisambiguateResultIsUniqueAndStable() {
        let input = ["x", "x-2", "x", "x", "x-3", "y", "x-2"]
        let result = Slug.disambiguate(input)
        XCTAssertEqual(Set(result).count, result.count)
        XCTAssertEqual(result, ["x", "x-2", "x-4", "x-5", "x-3", "y", "x-2-2"])
        XCTAssertEqual(Slug.disambiguate(input), result)
    }
}
