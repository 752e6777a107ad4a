import Foundation
@testable import Site
import XCTest

/// `sitegen build` as an operator runs it: the summary line, `--quiet`, and a rebuild that
/// finds nothing to do; the progress line's format.
final class BuildCommandTests: XCTestCase {
    var sitegen: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("sitegen")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = sitegen
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func testSummaryLineQuietAndUpToDate() throws {
        guard FileManager.default.isExecutableFile(atPath: sitegen.path) else { throw XCTSkip("no sitegen binary at \(sitegen.path)") }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        let arguments = ["build", "--content", BuildTests.root.appendingPathComponent("Content").path,
                         "--theme", BuildTests.root.appendingPathComponent("Themes/default").path,
                         "--output", temp.appendingPathComponent("Public").path, "--cache", temp.appendingPathComponent("cache").path]

        let first = try run(arguments)
        XCTAssertEqual(first.status, 0, first.err)
        let summary = try XCTUnwrap(first.out.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(summary.hasPrefix("5 reports, 1 error, 1 warning; 5 published; "), summary)
        XCTAssertNotNil(summary.range(of: #"; \d+ pages, \d+ files in .*Public \(\d+ written\) in \d+\.\d\d s$"#, options: .regularExpression), summary)
        XCTAssertFalse(first.err.contains("\r"), "no progress line when standard error is a pipe")
        XCTAssertTrue(first.err.contains("[table.empty-cells]") || first.err.contains("error"), "findings are printed")

        let second = try run(arguments)
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.out.contains("Public is up to date ("), second.out)
        XCTAssertEqual(second.err.split(separator: "\n").count, first.err.split(separator: "\n").count, "the same findings again")

        let quiet = try run(arguments + ["--quiet", "--clean"])
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.out, "")
        XCTAssertFalse(quiet.err.isEmpty, "findings are still printed")
    }

    func testProgressLineShowsStageCountAndRate() {
        var written: [String] = []
        let progress = Progress(enabled: true, delay: 0) { written.append($0) }
        progress.start("parse", total: 10, unit: "份")
        progress.advance(to: 4)
        progress.finish()
        XCTAssertTrue(written.first?.hasPrefix("\r\u{1B}[Kparse 0/10 份（") == true, "\(written)")
        XCTAssertEqual(written.last, "\r\u{1B}[K")

        var silent: [String] = []
        let off = Progress(enabled: false, delay: 0) { silent.append($0) }
        off.start("parse", total: 10, unit: "份")
        off.advance(to: 10)
        off.finish()
        XCTAssertEqual(silent, [])
    }
}
