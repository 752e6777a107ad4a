import Foundation
import ReportModel
@testable import Site
import XCTest

/// The byte-writing, chunked CSV writer against the string-building one it replaced.
final class CSVExportEquivalenceTests: XCTestCase {
    /// The CSV as first written: fields as strings, joined, the whole file at once.
    static func reference(_ reports: [Report], cells: [CSVExport.Cell], table: KeyPath<Report, ReportTable>) -> Data {
        func record(_ fields: [String]) -> String { fields.joined(separator: ",") + "\r\n" }
        var out = "\u{FEFF}"
        out += record(CSVExport.leadingColumns.map(CSVExport.field) + cells.map { CSVExport.field($0.name) })
        for report in reports {
            let values = report[keyPath: table]
            let fields = [
                CSVExport.text(report.id),
                CSVExport.text(report.agency),
                CSVExport.text(report.agencySlug),
                CSVExport.text(report.region.joined(separator: " › ")),
                report.year.map(String.init) ?? "",
                CSVExport.text(report.template.rawValue),
            ] + cells.map { cell in values.number(cell.row, cell.column).map { "\($0)" } ?? "" }
            out += record(fields)
        }
        return Data(out.utf8)
    }

    /// Sample and synthetic reports, with text that needs every treatment (bidi controls,
    /// formula starts, quotes, commas, line breaks) in every text field.
    static var reports: [Report] {
        let texts = OpenDataTests.hostileText + ["=SUM(A1)", "+86", "-x", "@cmd", "\tx", "\rx", "a,b", "\u{202E}=evil",
                                                 "\u{2066}隔离\u{2069}", "—破折号…", "‹›", "a\u{202A}b",
                                                 "\u{202B}\u{202C}\u{202D}", "x\u{2067}\u{2068}", "\u{2029}段", "\u{2065}\u{206A}€", "末尾\u{202E}"]
        var reports = OpenDataTests.catalog.reports + OpenDataTests.catalog.unpublished + OpenDataTests.syntheticReports
        for (i, text) in texts.enumerated() {
            var report = Report(source: "reports/\(i).txt", agency: text, agencySlug: text, region: [text, text],
                                year: i % 4 == 0 ? nil : -i, template: i % 2 == 0 ? .v2021 : .v2019)
            report.applications["newlyReceived", "total"] = TableValue(Decimal(i) / 8)
            reports.append(report)
        }
        return reports
    }

    func testFilesMatchTheReference() {
        // Several times over, so the file is written in many chunks joined in order.
        var reports = Self.reports
        reports = (0..<((3 * CSVExport.chunkSize) / reports.count + 1)).flatMap { _ in reports } + reports.prefix(7)
        XCTAssertGreaterThan(reports.count, 3 * CSVExport.chunkSize)
        XCTAssertEqual(CSVExport.activeDisclosure(reports),
                       Self.reference(reports, cells: CSVExport.activeDisclosureCells, table: \.activeDisclosure))
        XCTAssertEqual(CSVExport.applications(reports),
                       Self.reference(reports, cells: CSVExport.applicationsCells, table: \.applications))
        XCTAssertEqual(CSVExport.reviewLitigation(reports),
                       Self.reference(reports, cells: CSVExport.reviewLitigationCells, table: \.reviewLitigation))
        XCTAssertEqual(CSVExport.applications([]), Self.reference([], cells: CSVExport.applicationsCells, table: \.applications))
    }
}
