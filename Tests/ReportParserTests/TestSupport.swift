import Foundation
import ReportModel
import ReportParser
import XCTest

/// Paths the tests read: the sample reports in Content/reports, the fixtures beside the
/// tests, and the real reports in ../shared/corpus when that folder is present.
enum TestFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("Content/reports")
    static let fixtures = packageRoot.appendingPathComponent("Tests/ReportParserTests/Fixtures")
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func parse(_ url: URL, source: String? = nil) throws -> Report {
        ReportParser().parse(try Data(contentsOf: url), source: source ?? "reports/" + url.lastPathComponent)
    }

    static func sample(_ name: String) throws -> Report { try parse(samples.appendingPathComponent(name)) }
    static func fixture(_ name: String) throws -> Report { try parse(fixtures.appendingPathComponent(name)) }
}

/// Asserts one table row, cell by cell, in the row's template column order; nil is a missing value.
func assertRow(_ table: ReportTable, _ row: String, _ expected: [Double?], file: StaticString = #filePath, line: UInt = #line) {
    guard let shape = table.shape.row(row) else { return XCTFail("no row \(row) in \(table.shape.name)", file: file, line: line) }
    XCTAssertEqual(shape.columns.count, expected.count, "column count of \(row)", file: file, line: line)
    let actual = shape.columns.map { table.number(row, $0).map { NSDecimalNumber(decimal: $0).doubleValue } }
    XCTAssertEqual(actual, expected, "\(table.shape.name).\(row)", file: file, line: line)
}

/// Asserts every row of `table` not listed in `except` holds `value` in every cell.
func assertAllRows(_ table: ReportTable, equal value: Double?, except: Set<String> = [], file: StaticString = #filePath, line: UInt = #line) {
    for row in table.shape.rows where !except.contains(row.key) {
        assertRow(table, row.key, Array(repeating: value, count: row.columns.count), file: file, line: line)
    }
}

func sectionTitles(_ report: Report) -> [Int: String] {
    Dictionary(uniqueKeysWithValues: report.sections.map { ($0.number, $0.title) })
}
