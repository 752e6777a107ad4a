import Foundation
import ReportModel
@testable import Site
import XCTest

/// The feed's entries, chosen by sorting indices, are those the sort of the reports chose.
final class AtomFeedOrderTests: XCTestCase {
    func testEntriesMatchTheSortOfTheReports() {
        func reference(_ reports: [Report]) -> [Report] {
            let ordered = reports.enumerated().sorted { a, b in
                let ya = a.element.year ?? Int.min, yb = b.element.year ?? Int.min
                return ya != yb ? ya > yb : a.offset < b.offset
            }
            return ordered.prefix(AtomFeed.maxEntries).map(\.element)
        }
        // Many ties, unknown years, more reports than entries.
        let reports = (0..<300).map { i in
            Report(source: "reports/\(i).txt", agency: "机关\(i)", agencySlug: "a\(i)",
                   year: i % 7 == 0 ? nil : 2019 + (i * 37) % 5, template: .v2021)
        }
        for count in [0, 1, 49, 50, 51, 300] {
            let some = Array(reports.prefix(count))
            XCTAssertEqual(AtomFeed.entries(some).map(\.source), reference(some).map(\.source))
        }
        XCTAssertEqual(AtomFeed.entries(reports.filter { $0.year == nil }).map(\.source),
                       reference(reports.filter { $0.year == nil }).map(\.source))
    }
}
