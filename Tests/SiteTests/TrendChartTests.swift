import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Site
import XCTest

final class TrendChartTests: XCTestCase {
    typealias Series = TrendChart.Series

    func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func assertWellFormed(_ svg: String, file: StaticString = #filePath, line: UInt = #line) {
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "well-formed: \(String(describing: parser.parserError))", file: file, line: line)
    }

    let years = [2019, 2020, 2021, 2022, 2023]

    func testStructure() {
        let svg = TrendChart.svg(years: years, series: [
            Series(label: "收到申请", values: [10, 20, 30, 40, 70]),
            Series(label: "予以公开", values: [5, 8, nil, 12, 30]),
        ], title: "威海市科学技术局 申请数量", description: "2019—2023 年每年收到和公开的申请")
        assertWellFormed(svg)
        XCTAssertTrue(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 640 260" width="100%""#))
        XCTAssertFalse(svg.contains("height=\""), "no fixed size")
        XCTAssertFalse(svg.contains("<script"))
        let id = TrendChart.defaultID(title: "威海市科学技术局 申请数量", description: "2019—2023 年每年收到和公开的申请")
        XCTAssertTrue(id.hasPrefix("trend-") && id.count == 14)
        XCTAssertTrue(svg.contains(#"role="img" aria-labelledby="\#(id)-title \#(id)-desc""#))
        XCTAssertTrue(svg.contains(#"<title id="\#(id)-title">威海市科学技术局 申请数量</title>"#))
        XCTAssertTrue(svg.contains(#"<desc id="\#(id)-desc">2019—2023 年每年收到和公开的申请</desc>"#))
        // Series 0: one line; series 1: the missing 2021 splits it into two lines.
        XCTAssertEqual(count("<polyline", in: svg), 3)
        // Markers: 5 + 4 data points (with a tooltip), plus one per legend entry.
        XCTAssertEqual(count(#"r="3"><title>"#, in: svg), 9)
        XCTAssertEqual(count("<circle", in: svg), 11)
        for year in years { XCTAssertTrue(svg.contains(">\(year)</text>")) }
        // Y axis 0…80 in steps of 20.
        for tick in ["0", "20", "40", "60", "80"] { XCTAssertTrue(svg.contains(#"text-anchor="end">\#(tick)</text>"#), tick) }
        XCTAssertFalse(svg.contains(">100</text>"))
        XCTAssertTrue(svg.contains(##"<g class="series series-0" stroke="#0072B2" fill="#0072B2">"##))
        XCTAssertTrue(svg.contains(##"<g class="series series-1" stroke="#D55E00" fill="#D55E00">"##))
        XCTAssertTrue(svg.contains(#"stroke-dasharray="8 4""#), "the second series is dashed")
        XCTAssertTrue(svg.contains(">收到申请</text>") && svg.contains(">予以公开</text>"), "legend")
        XCTAssertTrue(svg.contains(#"fill="currentColor""#))
    }

    func testMissingValueSplitsTheLine() {
        let svg = TrendChart.svg(years: years, series: [Series(label: "s", values: [1, 2, nil, 4, 5])], title: "t", description: "d")
        XCTAssertEqual(count("<polyline", in: svg), 2)
        XCTAssertEqual(count(#"r="3"><title>"#, in: svg), 4, "no marker for the missing value")
        // The two runs share no point.
        let lines = svg.components(separatedBy: #"points=""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(lines.map { $0.split(separator: " ").count }, [2, 2])
    }

    func testIsolatedValueIsAMarkerOnly() {
        let svg = TrendChart.svg(years: years, series: [Series(label: "s", values: [1, nil, 3, nil, nil])], title: "t", description: "d")
        XCTAssertEqual(count("<polyline", in: svg), 0)
        XCTAssertEqual(count(#"r="3"><title>"#, in: svg), 2)
    }

    func testSingleYearDrawsPointsOnly() {
        let svg = TrendChart.svg(years: [2023], series: [Series(label: "a", values: [3]), Series(label: "b", values: [5])],
                                 title: "t", description: "d")
        assertWellFormed(svg)
        XCTAssertEqual(count("<polyline", in: svg), 0)
        XCTAssertEqual(count(#"r="3"><title>"#, in: svg), 2)
        XCTAssertTrue(svg.contains(#"<circle cx="340" "#), "centred")
    }

    func testSixSeriesHaveDistinctColoursAndDashes() {
        let series = (0..<7).map { Series(label: "s\($0)", values: [Decimal($0), Decimal($0 + 1)]) }
        let svg = TrendChart.svg(years: [2022, 2023], series: series, title: "t", description: "d")
        assertWellFormed(svg)
        XCTAssertEqual(count("<polyline", in: svg), 6, "at most six series")
        XCTAssertFalse(svg.contains("series-6"))
        XCTAssertEqual(Set(TrendChart.colours).count, 6)
        XCTAssertEqual(Set(TrendChart.dashes).count, 6)
        XCTAssertTrue(svg.contains(#"viewBox="0 0 640 300""#))
    }

    func testEmpty() {
        for svg in [
            TrendChart.svg(years: [], series: [], title: "t", description: "d"),
            TrendChart.svg(years: years, series: [], title: "t", description: "d"),
            TrendChart.svg(years: years, series: [Series(label: "s", values: [nil, nil])], title: "t", description: "d"),
        ] {
            assertWellFormed(svg)
            XCTAssertTrue(svg.contains(">无数据</text>"))
            XCTAssertTrue(svg.contains(#"<title id="#))
            XCTAssertEqual(count("<polyline", in: svg), 0)
        }
    }

    func testEscapingAndIDs() {
        let svg = TrendChart.svg(years: [2022, 2023], series: [Series(label: "<b>&", values: [1, 2])],
                                 title: "A & <B>", description: "\"d\" 'e'", id: "chart 1\"><x")
        assertWellFormed(svg)
        XCTAssertTrue(svg.contains(#"<title id="chart1x-title">A &amp; &lt;B&gt;</title>"#))
        XCTAssertTrue(svg.contains("<desc id=\"chart1x-desc\">&quot;d&quot; &apos;e&apos;</desc>"))
        XCTAssertTrue(svg.contains(">&lt;b&gt;&amp;</text>"))
        XCTAssertFalse(svg.contains("<b>"))
        XCTAssertNotEqual(TrendChart.defaultID(title: "a", description: "b"), TrendChart.defaultID(title: "a", description: "c"))
    }

    func testAxis() {
        func ticks(_ values: [Decimal]) -> [String] { TrendChart.Axis(values: values).ticks.map { "\($0)" } }
        XCTAssertEqual(ticks([70]), ["0", "20", "40", "60", "80"])
        XCTAssertEqual(ticks([101]), ["0", "50", "100", "150"])
        XCTAssertEqual(ticks([2]), ["0", "1", "2", "3"])
        XCTAssertEqual(ticks([0]), ["0", "1", "2", "3"])
        XCTAssertEqual(ticks([9]), ["0", "5", "10", "15"], "no 2.5 steps for whole numbers")
        XCTAssertEqual(ticks([90]), ["0", "25", "50", "75", "100"])
        XCTAssertEqual(ticks([Decimal(string: "0.9")!]), ["0", "0.25", "0.5", "0.75", "1"])
        XCTAssertEqual(ticks([Decimal(string: "12.5")!]), ["0", "5", "10", "15"])
        XCTAssertEqual(ticks([-3, 5]), ["-4", "-2", "0", "2", "4", "6"])
        XCTAssertEqual(ticks([12_000]), ["0", "5000", "10000", "15000"])
    }

    func testCoordinatesHaveAtMostOneDecimal() {
        XCTAssertEqual(TrendChart.fmt(12), "12")
        XCTAssertEqual(TrendChart.fmt(12.46), "12.5")
        XCTAssertEqual(TrendChart.fmt(-0.04), "0")
        XCTAssertEqual(TrendChart.fmt(-0.5), "-0.5")
        let svg = TrendChart.svg(years: [2019, 2020, 2021], series: [Series(label: "s", values: [1, 7, 3])], title: "t", description: "d")
        let numbers = svg.split(whereSeparator: { !"0123456789.".contains($0) }).filter { $0.contains(".") && $0.first != "." }
        for number in numbers where number.split(separator: ".").count == 2 {
            XCTAssertLessThanOrEqual(number.split(separator: ".")[1].count, 2, String(number))
        }
        let coordinates = svg.components(separatedBy: #"points=""#).dropFirst().flatMap { $0.prefix { $0 != "\"" }.split(whereSeparator: { $0 == " " || $0 == "," }) }
        for c in coordinates { XCTAssertLessThanOrEqual(c.split(separator: ".").dropFirst().first?.count ?? 0, 1, String(c)) }
    }

    func testDeterministic() {
        let series = [Series(label: "a", values: [1, nil, 3]), Series(label: "b", values: [Decimal(string: "2.5")!, 4, 6])]
        let first = TrendChart.svg(years: [2021, 2022, 2023], series: series, title: "t", description: "d")
        let second = TrendChart.svg(years: [2021, 2022, 2023], series: series, title: "t", description: "d")
        XCTAssertEqual(first, second)
    }
}
