import Foundation
import XCTest

/// A build killed at any moment (SIGKILL) leaves the previous site complete.
final class KilledBuildTests: XCTestCase {
    var sitegen: URL {
        // The test runner (`…PackageTests.xctest`) sits next to the built products.
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("sitegen")
    }

    func run(_ arguments: [String], killAfter delay: Double? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = sitegen
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testKilledBuildsLeaveThePreviousSiteIntact() throws {
        guard FileManager.default.isExecutableFile(atPath: sitegen.path) else { throw XCTSkip("no sitegen binary at \(sitegen.path)") }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        let reports = temp.appendingPathComponent("Content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let sample = try String(contentsOf: BuildTests.root.appendingPathComponent("Content/reports/002_a603a2208d919e1a.txt"), encoding: .utf8)
        // Enough reports that a build takes a while: the same text under 100 agency names.
        for i in 0..<100 {
            try "---\nagency: 测试市第\(i)局\n---\n\(sample)".write(to: reports.appendingPathComponent("r\(i).txt"), atomically: false, encoding: .utf8)
        }
        let output = temp.appendingPathComponent("Public")
        let theme = BuildTests.root.appendingPathComponent("Themes/default").path
        let arguments = ["build", "--content", temp.appendingPathComponent("Content").path, "--theme", theme, "--output", output.path,
                         "--cache", temp.appendingPathComponent("cache").path]
        let start = Date()
        XCTAssertEqual(try run(arguments), 0)
        let fullBuild = Date().timeIntervalSince(start)
        let reference = try Data(contentsOf: output.appendingPathComponent("data/reports.json"))
        let referenceFiles = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()

        // Change the content so a finished build would differ, then kill builds part-way.
        try "---\nagency: 测试市新局\n---\n\(sample)".write(to: reports.appendingPathComponent("new.txt"), atomically: false, encoding: .utf8)
        var killed = 0
        for step in 0..<10 {
            let status = try run(arguments, killAfter: fullBuild * Double(step) / 10)
            if status != 0 { killed += 1 }
            // After every attempt the output is a complete site: the old one, or (if the build won the race) the new one.
            let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()
            let data = try Data(contentsOf: output.appendingPathComponent("data/reports.json"))
            if data == reference {
                XCTAssertEqual(files, referenceFiles, "step \(step)")
            } else {
                // The new site was swapped in (the process may have been killed while it cleaned
                // up afterwards): it is complete — every old page plus the new report.
                XCTAssertTrue(files.contains("reports/ce-shi-shi-xin-ju/2023/index.html"), "step \(step)")
                XCTAssertEqual(Set(referenceFiles.filter { $0.hasSuffix(".html") }).subtracting(files), [], "old pages missing after step \(step)")
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data))
                break
            }
        }
        XCTAssertGreaterThan(killed, 3, "most attempts were killed before they finished")
        // The killed builds' staging folders are cleaned up by the next build.
        XCTAssertEqual(try run(arguments), 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix(".Public.") }
        XCTAssertEqual(leftovers, [])
    }
}
