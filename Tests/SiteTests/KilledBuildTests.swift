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

    struct Site {
        let temp: URL
        var content: URL { temp.appendingPathComponent("Content") }
        var reports: URL { content.appendingPathComponent("reports") }
        var output: URL { temp.appendingPathComponent("Public") }
        var marker: String { (try? String(contentsOf: output.appendingPathComponent(".sitegen-output"), encoding: .utf8)) ?? "" }
        var files: [String] { ((try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? []).sorted() }
        var openData: Data { (try? Data(contentsOf: output.appendingPathComponent("data/reports.json"))) ?? Data() }
    }

    /// 100 reports (the same text under 100 agency names): enough that a build takes a while.
    func makeSite() throws -> Site {
        let site = Site(temp: FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-kill-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: site.reports, withIntermediateDirectories: true)
        for i in 0..<100 {
            try "---\nagency: 测试市第\(i)局\n---\n\(sample)".write(to: site.reports.appendingPathComponent("r\(i).txt"), atomically: false, encoding: .utf8)
        }
        return site
    }

    var sample: String { (try? String(contentsOf: BuildTests.root.appendingPathComponent("Content/reports/002_a603a2208d919e1a.txt"), encoding: .utf8)) ?? "" }

    func addReport(to site: Site) throws {
        try "---\nagency: 测试市新局\n---\n\(sample)".write(to: site.reports.appendingPathComponent("new.txt"), atomically: false, encoding: .utf8)
    }

    func arguments(_ site: Site, cache: Bool) -> [String] {
        ["build", "--content", site.content.path, "--theme", BuildTests.root.appendingPathComponent("Themes/default").path,
         "--output", site.output.path] + (cache ? ["--cache", site.temp.appendingPathComponent("cache").path] : ["--no-cache"])
    }

    func timed(_ arguments: [String]) throws -> Double {
        let start = Date()
        XCTAssertEqual(try run(arguments), 0)
        return Date().timeIntervalSince(start)
    }

    /// Builds killed part-way; after every attempt the output is a complete site: the old one, or
    /// (if the build won the race) the new one. `tornAllowed`: a patch killed while it puts the
    /// changed files in place (marker "updating") may leave old and new files mixed.
    func killBuilds(_ site: Site, arguments: [String], over duration: Double, tornAllowed: Bool) throws -> Int {
        let reference = site.openData, referenceFiles = site.files
        try addReport(to: site)
        var killed = 0
        for step in 0..<10 {
            let status = try run(arguments, killAfter: duration * Double(step) / 10)
            if status != 0 { killed += 1 }
            if tornAllowed && site.marker.contains("updating") { continue }
            XCTAssertFalse(site.marker.contains("updating"), "step \(step)")
            if site.openData == reference {
                XCTAssertEqual(site.files, referenceFiles, "step \(step)")
            } else {
                // The new site is in place (the process may have been killed while it cleaned up
                // afterwards): it is complete — every old page plus the new report.
                XCTAssertTrue(site.files.contains("reports/ce-shi-shi-xin-ju/2023/index.html"), "step \(step)")
                XCTAssertEqual(Set(referenceFiles.filter { $0.hasSuffix(".html") }).subtracting(site.files), [], "old pages missing after step \(step)")
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: site.openData))
                break
            }
        }
        return killed
    }

    /// Without the cache the new site replaces the old in one step: never a mix.
    func testKilledBuildsLeaveThePreviousSiteIntact() throws {
        guard FileManager.default.isExecutableFile(atPath: sitegen.path) else { throw XCTSkip("no sitegen binary at \(sitegen.path)") }
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.temp) }
        let arguments = arguments(site, cache: false)
        let fullBuild = try timed(arguments)
        let killed = try killBuilds(site, arguments: arguments, over: fullBuild, tornAllowed: false)
        XCTAssertGreaterThan(killed, 3, "most attempts were killed before they finished")
        // The killed builds' staging folders are cleaned up by the next build.
        XCTAssertEqual(try run(arguments), 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.temp.path).filter { $0.hasPrefix(".Public.") }
        XCTAssertEqual(leftovers, [])
    }

    /// With the cache, a build patches the previous output. Killed before the patch, the old site
    /// stays; killed during it, the next build trusts nothing and makes the whole site again.
    func testKilledIncrementalBuildsAreRepairedByTheNext() throws {
        guard FileManager.default.isExecutableFile(atPath: sitegen.path) else { throw XCTSkip("no sitegen binary at \(sitegen.path)") }
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.temp) }
        let arguments = arguments(site, cache: true)
        XCTAssertEqual(try run(arguments), 0)
        // How long an incremental build of this change takes, then back to the old content.
        try addReport(to: site)
        var incremental = try timed(arguments)
        try FileManager.default.removeItem(at: site.reports.appendingPathComponent("new.txt"))
        incremental = max(incremental, try timed(arguments))
        XCTAssertFalse(site.files.contains("reports/ce-shi-shi-xin-ju/2023/index.html"))

        let killed = try killBuilds(site, arguments: arguments, over: incremental, tornAllowed: true)
        XCTAssertGreaterThan(killed, 3, "most attempts were killed before they finished")
        XCTAssertEqual(try run(arguments), 0)
        let clean = site.temp.appendingPathComponent("Clean")
        XCTAssertEqual(try run(["build", "--content", site.content.path, "--theme", BuildTests.root.appendingPathComponent("Themes/default").path,
                                "--output", clean.path, "--no-cache"]), 0)
        XCTAssertEqual(site.files, try FileManager.default.subpathsOfDirectory(atPath: clean.path).sorted())
        XCTAssertEqual(site.openData, try Data(contentsOf: clean.appendingPathComponent("data/reports.json")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.temp.path).filter { $0.hasPrefix(".Public.") }
        XCTAssertEqual(leftovers, [])
    }
}
