import XCTest
@testable import ReportParser

/// `RowLabels.scan` caches its hits by text; a cached answer must be the one scanning gives.
final class RowLabelCacheTests: XCTestCase {
    func testContextDependentLabelsAreNotCached() {
        let labels = RowLabels.applications(.v2021)
        for _ in 0..<2 {
            XCTAssertEqual(labels.scan("其他", group: "other", sawOutcome: true), [.row("other.other")])
            XCTAssertEqual(labels.scan("其他", group: nil, sawOutcome: true), [])
            XCTAssertEqual(labels.scan("总计", group: nil, sawOutcome: true), [.row("totalHandled")])
            XCTAssertEqual(labels.scan("总计", group: nil, sawOutcome: false), [])
            XCTAssertEqual(labels.scan("3.其他", group: "other", sawOutcome: false), [.row("other.other")])
            XCTAssertEqual(labels.scan("3.其他", group: "denied", sawOutcome: false), [])
            XCTAssertEqual(labels.scan("（六）其他处理 3.其他", group: nil, sawOutcome: false),
                           [.group("other"), .row("other.other")])
        }
    }

    func testCanonicalEquivalentsKeepTheirOwnHits() {
        // U+F9D1 equals 六 as a String, but the label phrases match bytes.
        let labels = RowLabels.applications(.v2021)
        for _ in 0..<2 {
            XCTAssertEqual(labels.scan("（六）其他处理", group: nil, sawOutcome: false), [.group("other")])
            XCTAssertEqual(labels.scan("（\u{F9D1}）其他处理", group: nil, sawOutcome: false), [.group("other")])
            XCTAssertEqual(labels.scan("（\u{F9D1}）其他", group: nil, sawOutcome: false), [])
            XCTAssertEqual(labels.scan("（六）其他", group: nil, sawOutcome: false), [.group("other")])
        }
        XCTAssertNotEqual(ExactText("（六）"), ExactText("（\u{F9D1}）"))
        XCTAssertEqual(ExactText("规章"), ExactText("规" + "章"))
    }

    func testCachedHitsEqualScannedHits() {
        let labels = RowLabels.applications(.v2021)
        let texts = ["一、本年新收政府信息公开申请数量", "（三）不予公开", "1.属于国家秘密", "四、结转下年度继续办理", "信息内容", ""]
        let first = texts.map { labels.scan($0, group: nil, sawOutcome: false) }
        let again = texts.map { labels.scan($0, group: "results", sawOutcome: true) }
        XCTAssertEqual(first, again)
        XCTAssertEqual(first[0], [.row("newlyReceived")])
        XCTAssertEqual(first[1], [.group("denied")])
    }
}
