import Foundation
@testable import Site
import XCTest

/// The fast paths of number formatting and escaping give exactly what the slow ones gave.
final class NumberTextTests: XCTestCase {
    static var decimals: [Decimal] {
        var values: [Decimal] = [.nan, Decimal(Int64.max), Decimal(Int64.min), Decimal(Int64.max) + 1, Decimal(Int64.min) - 1,
                                 Decimal(string: "1e30")!, Decimal(string: "0.0")!, Decimal(string: "-0")!,
                                 Decimal(string: "1.0")!, Decimal(string: "2.50")!, Decimal(1) / Decimal(3)]
        for i in -2000...2000 {
            values += [Decimal(i), Decimal(i) * 1000, Decimal(string: "\(i).0")!, Decimal(i) / 4, Decimal(i) / 7]
        }
        for e in 0..<40 {
            values += [Decimal(sign: .plus, exponent: e, significand: 3), Decimal(sign: .minus, exponent: e, significand: 123),
                       Decimal(sign: .plus, exponent: e, significand: 0), Decimal(sign: .minus, exponent: -e, significand: 0)]
        }
        return values
    }

    func testFormatPrintsLikeTheDescription() {
        for value in Self.decimals {
            XCTAssertEqual(HTML.format(value), "\(value)")
        }
    }

    func testPercentPrintsLikeTheDecimalQuotient() {
        func described(_ value: Decimal) -> String {
            var rounded = Decimal(), scaled = value * 1000
            NSDecimalRound(&rounded, &scaled, 0, .plain)
            return "\(rounded / 10)%"
        }
        var shares = Self.decimals.filter { !$0.isNaN && $0.magnitude < Decimal(string: "1e30")! }
        for handled in 1...60 { for granted in 0...handled { shares.append(Decimal(granted) / Decimal(handled)) } }
        for share in shares {
            XCTAssertEqual(KeyFigures.percent(share), described(share), "\(share)")
        }
        XCTAssertEqual(KeyFigures.percent(nil), "—")
    }

    func testEscapeReplacesTheFiveCharacters() {
        XCTAssertEqual(HTML.escape(#"a<b>&"c'd 中文"#), "a&lt;b&gt;&amp;&quot;c&#39;d 中文")
        XCTAssertEqual(HTML.escape("无需转义 123"), "无需转义 123")
        XCTAssertEqual(HTML.escape(""), "")
    }

    func testChartEscapeMatchesTheFeedsEscape() {
        var samples = ["", "行政复议 2023：5", "a&b", "“引号”，（全角）", "tab\there", "x\u{FFFE}y", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}"]
        for scalar in (0...0x3100).compactMap(Unicode.Scalar.init) + (0xFF00...0xFFFF).compactMap(Unicode.Scalar.init) {
            samples.append("甲\(scalar)乙")
        }
        for text in samples {
            XCTAssertEqual(TrendChart.escape(text), AtomFeed.escape(text), text.debugDescription)
        }
    }
}

/// A comparison table built on every core is the one built on one thread, rows in order.
final class ComparisonTableTests: XCTestCase {
    /// The remembered share texts are those of the quotient, the first time and every time after.
    func testShareTextsAreThoseOfTheQuotient() {
        let reports = TemplateKeyTests.catalog.reports
        XCTAssertFalse(reports.isEmpty)
        for _ in 0..<2 {
            for report in reports {
                var share: Decimal?
                if let granted = KeyFigures.granted.value(report), let handled = KeyFigures.totalHandled.value(report), handled > 0 {
                    share = granted / handled
                }
                let texts = ShareText.shared.texts(report)
                XCTAssertEqual(texts.sort, share.map { "\($0)" } ?? "", report.source)
                XCTAssertEqual(texts.percent, KeyFigures.percent(share), report.source)
            }
        }
    }

    func testParallelRowsMatchSerialRows() {
        let reports = TemplateKeyTests.catalog.reports
        XCTAssertFalse(reports.isEmpty)
        let rows = (0..<(ComparisonTable.parallelRows + 50)).map { i in
            ComparisonTable.Row(label: "机关\(i)", link: i % 3 == 0 ? nil : "r/\(i)/", note: i % 2 == 0 ? "注\(i)" : nil,
                                report: reports[i % reports.count])
        }
        let parallel = ComparisonTable.html(caption: "表", firstColumn: "机关", rows: rows, totals: true, id: "t")
        let serial = ComparisonTable.html(caption: "表", firstColumn: "机关", rows: rows, totals: true, id: "t",
                                          parallelRows: .max)
        XCTAssertEqual(parallel, serial)
        XCTAssertTrue(parallel.contains(#"data-sort="机关\#(rows.count - 1)""#))
    }

    /// A report's cells remembered from one table are those another table works out afresh.
    func testSharedCellsMatchFreshCells() {
        let reports = TemplateKeyTests.catalog.reports
        let rows = reports.enumerated().map { i, report in ComparisonTable.Row(label: "机关\(i)", link: "r/\(i)/", report: report) }
        let shared = ComparisonCells()
        _ = ComparisonTable.html(caption: "甲", firstColumn: "年度", rows: rows.reversed(), totals: false, id: "a", cells: shared)
        XCTAssertEqual(ComparisonTable.html(caption: "表", firstColumn: "机关", rows: rows, totals: true, id: "t", cells: shared),
                       ComparisonTable.html(caption: "表", firstColumn: "机关", rows: rows, totals: true, id: "t"))
    }
}
