import ArgumentParser
import Foundation
import ReportModel
@testable import sitegen
import Site
import XCTest

/// `sitegen check` and the build over the fixture folder of broken inputs.
final class CheckCommandTests: XCTestCase {
    static let broken = BuildTests.root.appendingPathComponent("Tests/SiteTests/Fixtures/broken")

    func testCheckArgumentsParse() throws {
        let check = try Sitegen.Check.parse(["--content", "X", "--format", "json", "--strict"])
        XCTAssertEqual(check.content, "X")
        XCTAssertEqual(check.format, .json)
        XCTAssertTrue(check.strict)
        XCTAssertThrowsError(try Sitegen.Check.parse(["--format", "xml"]))
    }

    func testCheckExitsOneOnErrorsAndTwoWhenItCannotRun() throws {
        XCTAssertThrowsError(try Sitegen.Check.parse(["--content", Self.broken.path]).run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 1)
        }
        XCTAssertThrowsError(try Sitegen.Check.parse(["--content", "/nonexistent-content"]).run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2)
        }
        // The samples have one error (000's empty 行政复议 cells): still 1; no error → 0 is covered by a clean fixture below.
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        try FileManager.default.createDirectory(at: clean.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuildTests.root.appendingPathComponent("Content/reports/002_a603a2208d919e1a.txt"),
                                         to: clean.appendingPathComponent("reports/002.txt"))
        XCTAssertNoThrow(try Sitegen.Check.parse(["--content", clean.path]).run())
        // 003's title is cut short: a warning, which --strict counts as an error.
        try FileManager.default.copyItem(at: BuildTests.root.appendingPathComponent("Content/reports/003_6a92d385738fdefa.txt"),
                                         to: clean.appendingPathComponent("reports/003.txt"))
        XCTAssertNoThrow(try Sitegen.Check.parse(["--content", clean.path]).run())
        XCTAssertThrowsError(try Sitegen.Check.parse(["--content", clean.path, "--strict"]).run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 1)
        }
    }

    func testPrinterFormatsLikeACompiler() {
        let d = Diagnostic(.error, rule: "review.total", "行政复议：结果维持+结果纠正+其他结果+尚未审结=4，总计=5，相差1",
                           at: SourceLocation(file: "reports/x.txt", line: 57, column: 3))
        XCTAssertEqual(DiagnosticPrinter(color: false).line(d),
                       "reports/x.txt:57:3: error: 行政复议：结果维持+结果纠正+其他结果+尚未审结=4，总计=5，相差1 [review.total]")
        XCTAssertTrue(DiagnosticPrinter(color: true).line(d).contains("\u{1B}[1;31merror:"))
        XCTAssertEqual(DiagnosticPrinter.summary(reports: 12, [d]), "12 reports, 1 error, 0 warnings")
    }

    /// Every broken input gets its finding; the good reports are still published.
    func testBrokenFixturesBuildEndToEnd() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try SiteBuilder(BuildOptions(content: Self.broken, theme: BuildTests.root.appendingPathComponent("Themes/default"),
                                                  output: output)).build()
        XCTAssertEqual(result.analysis.fileCount, 10)
        XCTAssertEqual(Set(result.catalog.reports.map(\.source)), [
            "reports/ce-shi-ju/2022.txt", "reports/ce-shi-ju/2023.txt", "reports/cut-off.txt",
            "reports/old-template-2023.txt", "reports/duplicate-a.txt",
        ])
        func findings(_ file: String) -> Set<String> {
            Set(result.diagnostics.filter { $0.location.file == "reports/" + file }.map(\.rule))
        }
        XCTAssertEqual(findings("empty.txt"), ["file.empty"])
        XCTAssertEqual(findings("binary.txt"), ["file.binary"])
        XCTAssertEqual(findings("scan.txt"), ["file.binary"])
        XCTAssertEqual(findings("notes.md"), ["file.not-report"])
        XCTAssertEqual(findings("duplicate-b.txt"), ["file.duplicate"])
        XCTAssertEqual(findings("old-template-2023.txt"), ["template.year-mismatch"])
        XCTAssertEqual(findings("ce-shi-ju/2022.txt"), [])
        XCTAssertEqual(findings("ce-shi-ju/2023.txt"), ["crossyear.carry-over"])
        XCTAssertTrue(findings("cut-off.txt").isSuperset(of: ["completeness.section", "completeness.cell"]))
        let carry = result.diagnostics.first { $0.rule == "crossyear.carry-over" }!
        XCTAssertEqual(carry.message, "“自然人”列：本年“上年结转”=1，2022年“结转下年度”=2，相差1")
        XCTAssertEqual(carry.location.line, 28)

        // The open data keeps the good reports' values and every finding, and lists what was not published.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/reports.json"))) as! [String: Any]
        let unpublished = (json["unpublished"] as! [[String: Any]]).map { $0["source"] as! String }
        XCTAssertEqual(unpublished, ["reports/binary.txt", "reports/duplicate-b.txt", "reports/empty.txt", "reports/notes.md", "reports/scan.txt"])
    }

    func testStrictBuildPublishesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(content: Self.broken, theme: BuildTests.root.appendingPathComponent("Themes/default"), output: output)
        XCTAssertThrowsError(try SiteBuilder(options).build(strict: true)) { error in
            guard case .strict = error as? SiteError else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
