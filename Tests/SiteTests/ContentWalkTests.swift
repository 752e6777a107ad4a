import Foundation
@testable import Site
import XCTest

/// What the walk of `Content/reports/` finds, and where it says each file is.
final class ContentWalkTests: XCTestCase {
    var temp: URL!

    override func setUpWithError() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-walk-\(UUID().uuidString)")
        let reports = temp.appendingPathComponent("Content/reports")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("城市/sub"), withIntermediateDirectories: true)
        for name in ["a.TXT", "b.Md", "c.pdf", ".txt", "noext", "城市/报告.html", "城市/sub/d.htm", "e.markdown"] {
            try Data("x".utf8).write(to: reports.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("link.txt"),
                                                   withDestinationURL: reports.appendingPathComponent("城市/sub/d.htm"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temp) }

    func testReportFilesAreFoundByExtensionInAnyCaseAndAnyDepth() throws {
        let entries = try ContentLoader.reportEntries(in: temp.appendingPathComponent("Content"))
        XCTAssertEqual(entries.map(\.path), ["reports/a.TXT", "reports/b.Md", "reports/e.markdown", "reports/link.txt",
                                             "reports/城市/sub/d.htm", "reports/城市/报告.html"])
        let root = temp.appendingPathComponent("Content").standardizedFileURL.resolvingSymlinksInPath().path
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })
        XCTAssertEqual(byPath["reports/城市/报告.html"]?.fullPath, root + "/reports/城市/报告.html")
        // A link inside the content folder is read where it leads, with that file's stamp.
        XCTAssertEqual(byPath["reports/link.txt"]?.fullPath, root + "/reports/城市/sub/d.htm")
        XCTAssertEqual(byPath["reports/link.txt"]?.stamp, byPath["reports/城市/sub/d.htm"]?.stamp)
        XCTAssertEqual(try byPath["reports/b.Md"]?.read().data, Data("x".utf8))
    }
}
