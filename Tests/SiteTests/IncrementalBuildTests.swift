import Foundation
import ReportModel
@testable import Site
import XCTest

/// Rebuilds with the cache (`.sitegen-cache`) give the same bytes as a clean build, and leave
/// untouched what does not depend on the change.
final class IncrementalBuildTests: XCTestCase {
    var temp: URL!
    var content: URL { temp.appendingPathComponent("Content") }
    var output: URL { temp.appendingPathComponent("Public") }
    var cache: URL { temp.appendingPathComponent(".sitegen-cache") }

    override func setUpWithError() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-incremental-\(UUID().uuidString)")
        try PortalBuildTests.makePortalContent(at: content)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temp) }

    func build(output: URL? = nil, cache: URL?, clean: Bool = false) throws -> BuildResult {
        try SiteBuilder(BuildOptions(content: content, theme: BuildTests.root.appendingPathComponent("Themes/default"),
                                     output: output ?? self.output, cache: cache, clean: clean)).build()
    }

    /// Every file under `folder`, relative path → bytes.
    func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        while let url = enumerator.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return (attributes[.systemFileNumber] as! NSNumber).uint64Value
    }

    /// The incremental output equals a clean build of the same content, file for file.
    func assertSameAsCleanBuild(file: StaticString = #filePath, line: UInt = #line) throws {
        let clean = temp.appendingPathComponent("Clean")
        _ = try build(output: clean, cache: nil)
        let incremental = try tree(output), full = try tree(clean)
        XCTAssertEqual(incremental.keys.sorted(), full.keys.sorted(), file: file, line: line)
        let different = full.keys.filter { incremental[$0] != full[$0] }.sorted()
        XCTAssertEqual(different, [], file: file, line: line)
    }

    func edit(_ name: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent("reports/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit must change the file")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    func testNothingChangedLeavesTheSiteAsItWas() throws {
        let first = try build(cache: cache)
        XCTAssertFalse(first.upToDate)
        let home = try inode("index.html")
        let second = try build(cache: cache)
        XCTAssertTrue(second.upToDate)
        XCTAssertEqual(second.written, 0)
        XCTAssertEqual(second.files, first.files)
        XCTAssertEqual(second.diagnostics, first.diagnostics)
        XCTAssertEqual(try inode("index.html"), home)
    }

    /// A build killed while it cleaned up after a patch leaves its staging and backup folders
    /// beside a complete output and cache: the next build, with nothing to write, removes them.
    func testNothingChangedRemovesAKilledBuildsFolders() throws {
        _ = try build(cache: cache)
        // A process id that is surely gone: a child that has exited and been waited for.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let leftovers = [".Public.staging-\(dead)", ".Public.old-\(dead)"].map { temp.appendingPathComponent($0) }
        for folder in leftovers {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: true)
        }
        let second = try build(cache: cache)
        XCTAssertTrue(second.upToDate)
        XCTAssertEqual(leftovers.filter { FileManager.default.fileExists(atPath: $0.path) }, [])
    }

    func testOneChangedReportRewritesOnlyWhatDependsOnIt() throws {
        let first = try build(cache: cache)
        let weihai2021 = "reports/wei-hai-shi-ke-xue-ji-shu-ju/2021/index.html"
        let otherAgency = "reports/ping-ding-shan-shi-ke-xue-ji-shu-ju/2023/index.html"
        let otherJSON = "reports/ping-ding-shan-shi-ke-xue-ji-shu-ju/2023/report.json"
        let before = (try inode(weihai2021), try inode(otherAgency), try inode(otherJSON))
        // Pages and files that show only the report's numbers, not its text.
        let numbersOnly = ["years/2021/index.html", "regions/wei-hai-shi/index.html", "data/applications.csv",
                           "index.html", "agencies/index.html", "years/index.html", "regions/index.html",
                           "search/manifest.json", "search/filters.json"]
        let numbersOnlyBefore = try numbersOnly.map(inode)
        let shards = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search/shards").path)
        let shardInodes = try shards.map { try inode("search/shards/" + $0) }

        // Two new characters in a section: the report's page and three posting lists change (鑫, 淼, 鑫淼).
        try edit("weihai-kjj-2021.txt") { $0.replacingOccurrences(of: "本局依法做好政府信息公开工作。", with: "本局依法做好政府信息公开工作。鑫淼。") }
        let second = try build(cache: cache)
        XCTAssertFalse(second.upToDate)
        XCTAssertLessThan(second.written, first.written * 2 / 3, "most files are taken over")
        XCTAssertNotEqual(try inode(weihai2021), before.0)
        XCTAssertEqual(try inode(otherAgency), before.1, "another agency's page is not rewritten")
        XCTAssertEqual(try inode(otherJSON), before.2)
        XCTAssertEqual(try numbersOnly.map(inode), numbersOnlyBefore, "a change of text leaves the tables of numbers alone")
        // The index was patched, not rebuilt: only the shards of the new words were written.
        let rewritten = try zip(shards, shardInodes).filter { try inode("search/shards/" + $0.0) != $0.1 }.count
        XCTAssertGreaterThan(rewritten, 0)
        XCTAssertLessThanOrEqual(rewritten, 3, "\(rewritten) of \(shards.count) shards rewritten")
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent(weihai2021), encoding: .utf8).contains("鑫淼"))
        try assertSameAsCleanBuild()
    }

    /// Files of the last build are taken over only if they are still there: a folder changed by
    /// hand since has its files looked for one by one, and the deleted one is made again.
    func testAFileDeletedByHandIsMadeAgain() throws {
        _ = try build(cache: cache)
        let page = "reports/ping-ding-shan-shi-ke-xue-ji-shu-ju/2023/index.html"
        let paths = try tree(output).keys.map(OutputPath.init)
        // Straight after a build, every folder is as the build left it (but the root, whose marker
        // was written last); a sub-second clock could put a folder in the marker's tick.
        let unchanged = UnchangedFolders(output: output, paths: paths)
        XCTAssertGreaterThan(unchanged.count, 0)
        Thread.sleep(forTimeInterval: 0.05)
        try FileManager.default.removeItem(at: output.appendingPathComponent(page))
        let after = UnchangedFolders(output: output, paths: paths)
        XCTAssertFalse(after.holds(page))
        XCTAssertEqual(after.count, unchanged.count - (unchanged.holds(page) ? 1 : 0))

        try edit("weihai-kjj-2021.txt") { $0.replacingOccurrences(of: "本局依法做好政府信息公开工作。", with: "本局依法做好政府信息公开工作。鑫淼。") }
        _ = try build(cache: cache)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path))
        try assertSameAsCleanBuild()
    }

    func testAChangedNumberReachesTheNextYearsFindings() throws {
        _ = try build(cache: cache)
        let numbers = ["years/2021/index.html", "regions/wei-hai-shi/index.html", "data/applications.csv"]
        let numbersBefore = try numbers.map(inode)
        // 2021's carried-over applications feed 2022's check across years.
        try edit("weihai-kjj-2021.txt") { text in
            var lines = text.components(separatedBy: "\n")
            guard let i = lines.lastIndex(where: { $0.contains("结转下年度继续办理") }) else { return text }
            lines[i] = lines[i].replacingOccurrences(of: "0", with: "7")
            return lines.joined(separator: "\n")
        }
        _ = try build(cache: cache)
        for (path, before) in zip(numbers, numbersBefore) { XCTAssertNotEqual(try inode(path), before, path) }
        try assertSameAsCleanBuild()
    }

    func testRemovedAndAddedReportsMatchACleanBuild() throws {
        _ = try build(cache: cache)
        let lists = ["index.html", "agencies/index.html", "years/index.html"]
        let listsBefore = try lists.map(inode)
        try FileManager.default.removeItem(at: content.appendingPathComponent("reports/weihai-kjj-2020.txt"))
        let removed = try build(cache: cache)
        // The home page counts the reports, the lists name each agency's years and count each year's reports.
        for (path, before) in zip(lists, listsBefore) { XCTAssertNotEqual(try inode(path), before, path) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("reports/wei-hai-shi-ke-xue-ji-shu-ju/2020").path))
        XCTAssertEqual(removed.published, 7)
        try assertSameAsCleanBuild()

        try FileManager.default.copyItem(at: BuildTests.root.appendingPathComponent("Tests/Fixtures/portal/reports/weihai-kjj-2020.txt"),
                                         to: content.appendingPathComponent("reports/weihai-kjj-2020.txt"))
        _ = try build(cache: cache)
        try assertSameAsCleanBuild()
    }

    /// A build killed while patching the output leaves the marker saying "updating": the next
    /// build trusts nothing of that output and makes every file again.
    func testAPatchKilledHalfWayIsNotTrusted() throws {
        _ = try build(cache: cache)
        let marker = output.appendingPathComponent(SiteWriter.marker)
        try Data("sitegen\nupdating\n".utf8).write(to: marker)
        let page = output.appendingPathComponent("reports/ping-ding-shan-shi-ke-xue-ji-shu-ju/2023/index.html")
        try Data("half-written".utf8).write(to: page)
        try edit("weihai-kjj-2021.txt") { $0.replacingOccurrences(of: "本局依法做好政府信息公开工作。", with: "本局依法做好政府信息公开工作。鑫淼。") }
        _ = try build(cache: cache)
        XCTAssertNotEqual(try Data(contentsOf: page), Data("half-written".utf8))
        try assertSameAsCleanBuild()
    }

    /// A patch that fails half-way (here a file of the output is in the way) puts back every file
    /// it had replaced and the marker, and the build reports the path.
    func testAFailedPatchPutsTheSiteBack() throws {
        _ = try build(cache: cache)
        // feed.xml is written late in every build; a folder in its place makes the patch fail
        // after the report's pages were already put in.
        let feed = output.appendingPathComponent("feed.xml")
        try FileManager.default.removeItem(at: feed)
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: feed.appendingPathComponent("in-the-way"))
        let before = try tree(output)
        try edit("weihai-kjj-2021.txt") { $0.replacingOccurrences(of: "本局依法做好政府信息公开工作。", with: "本局依法做好政府信息公开工作。鑫淼。") }
        XCTAssertThrowsError(try build(cache: cache)) { error in
            XCTAssertTrue("\(error)".contains("feed.xml"), "\(error)")
        }
        let after = try tree(output)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted())
        XCTAssertEqual(before.keys.filter { after[$0] != before[$0] }.sorted(), [])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix(".Public.") }
        XCTAssertEqual(siblings, [], "no staging or backup folder is left behind")

        // Out of the way, the next build completes the change.
        try FileManager.default.removeItem(at: feed)
        _ = try build(cache: cache)
        try assertSameAsCleanBuild()
    }

    func testCleanIgnoresTheCacheAndAForeignOutputIsNotTrusted() throws {
        _ = try build(cache: cache)
        let clean = try build(cache: cache, clean: true)
        XCTAssertFalse(clean.upToDate)
        XCTAssertEqual(clean.written, clean.files - 1, "everything is written again")

        // The output was rebuilt without the cache from other content: the cache no longer describes it.
        try edit("weihai-kjj-2022.txt") { $0 + "\n" }
        _ = try build(cache: nil)
        let after = try build(cache: cache)
        XCTAssertFalse(after.upToDate)
        XCTAssertEqual(after.written, after.files - 1)
        try assertSameAsCleanBuild()
    }

    func testACorruptCacheMeansAFullBuild() throws {
        _ = try build(cache: cache)
        let folder = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: cache.path).first)
        for k in 0..<BuildCache.bucketCount {
            let bucket = cache.appendingPathComponent(folder).appendingPathComponent("reports-\(k).bin")
            if FileManager.default.fileExists(atPath: bucket.path) { try Data("not a cache".utf8).write(to: bucket) }
        }
        try edit("weihai-kjj-2022.txt") { $0 + "\n" }
        let result = try build(cache: cache)
        XCTAssertEqual(result.analysis.catalog.reports.count, 8, "every report parsed again")
        try assertSameAsCleanBuild()
    }

    func testReportsSurviveTheCacheFormat() throws {
        let files = try ContentLoader.reportFiles(in: content)
        let reports = SiteBuilder.analyze(files).catalog.reports
        XCTAssertEqual(reports.count, 8)
        var w = BinaryWriter()
        for report in reports { ReportCodec.encode(report, into: &w) }
        var r = BinaryReader(w.data)
        let decoded = try reports.map { _ in try ReportCodec.decode(from: &r) }
        XCTAssertTrue(r.atEnd)
        XCTAssertEqual(decoded, reports)
        XCTAssertEqual(decoded[0].applications.number("newReceived", "total"), reports[0].applications.number("newReceived", "total"))
    }

    func testCachedTextIsReadOnlyWhenNeededAndWrittenBackAsItWas() throws {
        let report = try XCTUnwrap(SiteBuilder.analyze(try ContentLoader.reportFiles(in: content)).catalog.reports.first)
        var w = BinaryWriter()
        ReportCodec.encode(report, into: &w)
        var r = BinaryReader(w.data)
        let decoded = try ReportCodec.decode(from: &r)
        // Written back without being read: the same bytes.
        var again = BinaryWriter()
        ReportCodec.encode(decoded, into: &again)
        XCTAssertEqual(again.data, w.data)
        // Read from several threads at once: the same text.
        let texts = (0..<8).map { $0 }.concurrentMap { _ in decoded.sections.map(\.text) }
        for t in texts { XCTAssertEqual(t, report.sections.map(\.text)) }
        XCTAssertTrue(report.sections[0].text.contains("政府信息公开"), report.sections[0].text)
        // Equal to, and hashed as, the same section held as a String.
        XCTAssertEqual(Set(decoded.sections), Set(report.sections))
        var changed = decoded.sections[0]
        changed.text += "。"
        XCTAssertNotEqual(changed, report.sections[0])
    }

    func testTablesKeyFollowsTheNumbersNotWhereTheyWereRead() {
        func key(_ number: Decimal?, line: Int, file: String = "reports/a.txt") -> UInt64 {
            var report = Report(source: "reports/a.txt", title: "2020年报告", agency: "甲局", agencySlug: "a",
                                region: [], year: 2020, template: .v2021)
            report.applications["newlyReceived", "total"] = TableValue(number, at: SourceLocation(file: file, line: line, column: 4))
            return DependencyKeys(global: 1, content: [:]).tables(report)
        }
        XCTAssertEqual(key(7, line: 3), key(7, line: 90), "a number read on another line")
        XCTAssertNotEqual(key(7, line: 3), key(8, line: 3))
        XCTAssertNotEqual(key(7, line: 3), key(nil, line: 3))
        // Kept whole (a location in another file, a number too wide to pack): still by value.
        XCTAssertNotEqual(key(7, line: 3, file: "reports/b.txt"), key(8, line: 3, file: "reports/b.txt"))
        XCTAssertEqual(key(7, line: 3, file: "reports/b.txt"), key(7, line: 5, file: "reports/b.txt"))
        XCTAssertNotEqual(key(Decimal(string: "123456789.25")!, line: 3), key(Decimal(string: "123456789.5")!, line: 3))
        XCTAssertNotEqual(key(Decimal(string: "0.5")!, line: 3), key(5, line: 3))
    }

    func testDamagedTextIsRepairedNotTrusted() {
        let text = DeferredText(utf8: ArraySlice([0xE4, 0xB8, 0x80, 0xFF, 0x41]))  // 一, a stray byte, A
        XCTAssertEqual(text.string, "一\u{FFFD}A")
    }
}
