import Foundation
import ReportModel
@testable import Site
import XCTest

/// The hand-written open data against `JSONEncoder` on the model it replaced, byte for byte.
final class OpenDataTests: XCTestCase {
    /// Every sample report: the site's content, the portal and hostile fixtures, the parser's
    /// format variants; with the files that are no report (unpublished).
    static let catalog: Catalog = {
        let root = BuildTests.root
        var sources: [SourceFile] = []
        for content in ["Content", "Tests/Fixtures/portal", "Tests/Fixtures/hostile"] {
            sources += (try? ContentLoader.reportFiles(in: root.appendingPathComponent(content))) ?? []
        }
        let variants = root.appendingPathComponent("Tests/ReportParserTests/Fixtures/variants")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: variants.path)) ?? [] where !name.hasSuffix(".py") {
            let data = (try? Data(contentsOf: variants.appendingPathComponent(name))) ?? Data()
            sources.append(SourceFile(path: "reports/variants/\(name)", data: data))
        }
        sources.append(SourceFile(path: "reports/zz-not-a-report.txt", data: Data("会议纪要\n".utf8)))
        return SiteBuilder.analyze(sources).catalog
    }()

    /// Text that stresses escaping: quotes, backslashes, slashes, every control character,
    /// DEL, U+2028/2029, a byte-order mark, combining marks, emoji.
    static let hostileText: [String] = [
        "", "\"", "\\", "/", "a\"b\\c/d", "</script>", "\u{7F}", "\u{2028}\u{2029}", "\u{FEFF}", "e\u{301}", "😀👩‍👩‍👧",
        "行政复议“决定”\n第二行\r\n\t缩进", String((0..<0x20).map { Character(Unicode.Scalar($0)!) }),
    ]

    static let hostileNumbers: [Decimal?] = [
        nil, 0, -0, 1, -1, Decimal(string: "153.75"), Decimal(string: "-3"), Decimal(string: "0.5"), Decimal(string: "1e-3"),
        Decimal(string: "-0.000001"), Decimal(string: "1.50"), Decimal(string: "70"), Decimal(70), Decimal(string: "7e1"),
        Decimal(string: "1e20"), Decimal(string: "123456789012345678901234567890"), Decimal(string: "-9999999999999999999.5"),
        Decimal(Int64.max), Decimal(Int64.min), Decimal(1) / Decimal(3), Decimal(string: "1e40"), .nan,
    ]

    /// Synthetic reports: every hostile string in every text field, every hostile number in
    /// every cell, missing years, both templates, sections and diagnostics.
    static var syntheticReports: [Report] {
        var reports: [Report] = []
        for (i, text) in hostileText.enumerated() {
            var report = Report(source: "reports/\(text).txt", title: text, agency: text, agencySlug: "s\(text)",
                                region: [text, "威海市"], year: i % 3 == 0 ? nil : 2018 + i,
                                template: i % 2 == 0 ? .v2021 : .v2019,
                                sections: [Section(number: i, title: text, text: text + text, location: .init(file: text, line: 1))],
                                diagnostics: [Diagnostic(i % 2 == 0 ? .error : .warning, rule: text, text,
                                                         at: SourceLocation(file: text, line: -i, column: i * 1000))],
                                sourceURL: text, published: text)
            var n = i
            for keyPath in [\Report.activeDisclosure, \Report.applications, \Report.reviewLitigation] {
                let shape = report[keyPath: keyPath].shape
                for row in shape.rows {
                    for column in row.columns {
                        report[keyPath: keyPath][row.key, column] = TableValue(hostileNumbers[n % hostileNumbers.count])
                        n += 1
                    }
                }
            }
            reports.append(report)
        }
        reports.append(Report(source: "", template: .v2019)) // nothing read: every cell null, no year
        return reports
    }

    func testSampleEntriesMatchTheEncoder() throws {
        let catalog = Self.catalog
        XCTAssertGreaterThan(catalog.reports.count, 20)
        XCTAssertFalse(catalog.unpublished.isEmpty)
        XCTAssertTrue(catalog.reports.contains { $0.source.hasPrefix("reports/variants/") })
        for report in catalog.reports {
            XCTAssertEqual(try OpenData.entry(report), try OpenDataReference.entry(report, published: true), report.source)
        }
        for report in catalog.unpublished {
            XCTAssertEqual(try OpenData.entry(report, published: false), try OpenDataReference.entry(report, published: false),
                           report.source)
        }
    }

    func testSyntheticEntriesMatchTheEncoder() throws {
        for report in Self.syntheticReports {
            for published in [true, false] {
                let entry = try OpenData.entry(report, published: published)
                XCTAssertEqual(String(decoding: entry, as: UTF8.self),
                               String(decoding: try OpenDataReference.entry(report, published: published), as: UTF8.self))
            }
        }
    }

    func testWholeFileMatchesTheEncoder() throws {
        let catalog = Self.catalog
        let reports = catalog.reports + Self.syntheticReports
        XCTAssertEqual(try OpenData(reports: reports, unpublished: catalog.unpublished).json(),
                       try OpenDataReference(reports: reports, unpublished: catalog.unpublished).json())
        XCTAssertEqual(try OpenData(reports: []).json(), try OpenDataReference(reports: []).json())
    }

    /// The writer relies on these: no key given twice in a shape, and a missing year left out.
    func testShapesHaveUniqueKeysAndUnknownYearsAreOmitted() throws {
        for shape in [TableShape.activeDisclosure(.v2021), .activeDisclosure(.v2019), .applications(.v2021),
                      .applications(.v2019), .reviewLitigation] {
            XCTAssertEqual(Set(shape.rows.map(\.key)).count, shape.rows.count, shape.name)
            for row in shape.rows { XCTAssertEqual(Set(row.columns).count, row.columns.count, row.key) }
        }
        let entry = String(decoding: try OpenData.entry(Report(source: "x", template: .v2021), published: false), as: UTF8.self)
        XCTAssertFalse(entry.contains("\"year\""))
        XCTAssertTrue(entry.hasSuffix(#","url":""}"#))
    }

    /// Memoised number text is the description, however often and on whichever thread it is asked.
    func testDecimalTextIsTheDescription() {
        let values = NumberTextTests.decimals + Self.hostileNumbers.compactMap { $0 }
        for _ in 0..<2 {
            for value in values { XCTAssertEqual(DecimalText.current.text(value), value.description) }
        }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for value in values.prefix(2000) { XCTAssertEqual(DecimalText.current.text(value), value.description) }
        }
    }
}
