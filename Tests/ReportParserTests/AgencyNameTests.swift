import XCTest
@testable import ReportParser

final class AgencyNameTests: XCTestCase {
    func testSpacesInsideNameAreIgnored() {
        XCTAssertEqual(AgencyName.normalized("威海市 科学技术局"), "威海市科学技术局")
        XCTAssertEqual(AgencyName.normalized("威海市 科学技术局"), AgencyName.normalized("威海市科学技术局"))
    }

    func testEveryKindOfWhitespaceIsRemoved() {
        XCTAssertEqual(AgencyName.normalized(" 威海市\u{3000}科学\t技术局\n"), "威海市科学技术局")
        XCTAssertEqual(AgencyName.normalized("威海市\u{00A0}科学\u{2003}技术局\u{2028}"), "威海市科学技术局")
    }

    func testZeroWidthCharactersAreRemoved() {
        XCTAssertEqual(AgencyName.normalized("\u{FEFF}威海市\u{200B}科学\u{200C}技术\u{200D}局\u{2060}"), "威海市科学技术局")
    }

    func testBidiControlsAreRemoved() {
        let hostile = "\u{202E}威海市\u{202A}科学\u{202B}技术\u{202C}\u{202D}局\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}"
        XCTAssertEqual(AgencyName.normalized(hostile), "威海市科学技术局")
    }

    func testFullWidthLettersAndDigitsFoldToASCII() {
        XCTAssertEqual(AgencyName.normalized("上海市２号局"), "上海市2号局")
        XCTAssertEqual(AgencyName.normalized("ＡＢＣ局ａｂｃ０１２３４５６７８９"), "ABC局abc0123456789")
        XCTAssertEqual(AgencyName.normalized("某某局＆－．／＃"), "某某局&-./#")
    }

    func testChinesePunctuationIsKeptAndASCIIFormIsRaised() {
        XCTAssertEqual(AgencyName.normalized("威海市科学技术局（知识产权局）"), "威海市科学技术局（知识产权局）")
        XCTAssertEqual(AgencyName.normalized("威海市科学技术局(知识产权局)"), "威海市科学技术局（知识产权局）")
        XCTAssertEqual(AgencyName.normalized("甲，乙：丙；丁！戊？己～"), "甲，乙：丙；丁！戊？己～")
        XCTAssertEqual(AgencyName.normalized("甲,乙:丙;丁!戊?己~"), "甲，乙：丙；丁！戊？己～")
    }

    func testLetterCaseIsKept() {
        XCTAssertEqual(AgencyName.normalized("Weihai Science Bureau"), "WeihaiScienceBureau")
    }

    func testEmptyAndBlank() {
        XCTAssertEqual(AgencyName.normalized(""), "")
        XCTAssertEqual(AgencyName.normalized(" \u{3000}\u{200B}\u{202E}\t"), "")
    }

    func testCompatibilityIdeographAndDecomposedFormsCompose() {
        // U+F900 豈 is a CJK compatibility ideograph whose canonical form is U+8C48.
        XCTAssertEqual(AgencyName.normalized("\u{F900}"), "\u{8C48}")
        XCTAssertEqual(AgencyName.normalized("Cafe\u{0301}").unicodeScalars.count, 4)
    }

    func testIdempotent() {
        for name in ["威海市 科学技术局", "ＡＢＣ（局）", "甲(乙)", "\u{202E}x y\u{3000}z"] {
            let once = AgencyName.normalized(name)
            XCTAssertEqual(AgencyName.normalized(once), once, name)
        }
    }
}
