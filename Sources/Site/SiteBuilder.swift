import Foundation
import Markdown
import ReportChecks
import ReportModel
import ReportParser

/// What `sitegen build` needs to know.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    public var output: URL
    /// The theme that fills in templates a custom theme leaves out.
    public var fallbackTheme: URL?
    public var force = false
    /// The build cache folder (`.sitegen-cache`); nil builds without one.
    public var cache: URL?
    /// Ignore what the cache holds (it is still written anew).
    public var clean = false
    /// Benchmarks only (`SITEGEN_BENCH_NO_SEARCH=1`): skip the search index, to measure what it
    /// adds to a build. The site's search page then finds nothing.
    public var search = true
    /// For a process that ends with its build (the command-line tool): the build's models, cache
    /// state and output ledger stay alive (`KeptAlive`) instead of being freed one by one, which
    /// took a tenth of a one-change rebuild at 10,000 reports. The process exit frees them at once.
    public var keepsModelsAlive = false

    public init(content: URL, theme: URL, output: URL, fallbackTheme: URL? = nil, force: Bool = false,
                cache: URL? = nil, clean: Bool = false) {
        self.content = content
        self.theme = theme
        self.output = output
        self.fallbackTheme = fallbackTheme
        self.force = force
        self.cache = cache
        self.clean = clean
    }
}

/// Every report parsed, checked and catalogued: what `check` prints and `build` publishes.
public struct Analysis: Sendable {
    public var catalog: Catalog
    /// How many report files were read.
    public var fileCount: Int

    /// Every finding, in file, line, column order.
    public var diagnostics: [Diagnostic] {
        (catalog.reports + catalog.unpublished).flatMap(\.diagnostics).sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule) < ($1.location.file, $1.location.line, $1.location.column, $1.rule)
        }
    }
}

/// The outcome of a build, for the command line to report.
public struct BuildResult: Sendable {
    public var analysis: Analysis
    /// Files in the site.
    public var files: Int
    /// Files made anew; the rest were taken over from the last build.
    public var written: Int
    /// HTML pages in the site.
    public var pages: Int
    /// Nothing had changed since the last build: the output was left as it was.
    public var upToDate = false
    public var timings: StageTimer
    public var catalog: Catalog { analysis.catalog }
    public var diagnostics: [Diagnostic] { upToDate ? cachedFindings : analysis.diagnostics }
    var cachedFindings: [Diagnostic] = []
    var published: Int
    var fileCount: Int

    /// The one line a build ends with: reports, findings, pages, files and time.
    public func summary(output: String, seconds: String) -> String {
        let findings = diagnostics
        let errors = findings.filter { $0.severity == .error }.count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let head = "\(plural(fileCount, "report")), \(plural(errors, "error")), \(plural(findings.count - errors, "warning")); " +
            "\(published) published"
        if upToDate { return "\(head); \(output) is up to date (\(files) files) in \(seconds) s" }
        return "\(head); \(pages) pages, \(files) files in \(output) (\(written) written) in \(seconds) s"
    }
}

/// The build pipeline, one named step after another: load → parse → check → catalog → render
/// (pages, search) → links → write. With a cache, unchanged inputs are not parsed again and
/// unchanged files are taken over from the last build.
public struct SiteBuilder {
    public let options: BuildOptions
    public static let version = "0.1.0"

    public init(_ options: BuildOptions) { self.options = options }

    /// - Parameter strict: refuse to publish when any report has a finding (error or warning).
    public func build(strict: Bool = false, progress: Progress? = nil) throws -> BuildResult {
        var timer = StageTimer()
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let (config, theme, pages, configData) = try
            (SiteConfig.load(from: options.content.appendingPathComponent("site.yml")),
             Theme(directory: options.theme, fallback: options.fallbackTheme),
             ContentLoader.pages(in: options.content),
             (try? Data(contentsOf: options.content.appendingPathComponent("site.yml"))) ?? Data())
        let global = Self.globalKey(theme: theme, config: configData, pages: pages)
        // One cache per output folder: builds of other sites do not evict this one's.
        let cache = options.cache.map { BuildCache(folder: $0.appendingPathComponent(
            "site-" + String(StableHash.of(options.output.standardizedFileURL.path), radix: 16))) }
        let state = options.clean ? nil : cache?.state().flatMap { $0.global == global ? $0 : nil }
        let previousValid = state.map { previousOutputIsIntact(buildID: $0.buildID, output: $0.output) } ?? false
        // The cached reports and the last build's output keys are read while the content folder
        // is walked (a tenth of a one-change rebuild, one after the other). When nothing changed
        // they are not needed: the read is called off and the build returns without waiting.
        let callOff = CallOff()
        let cacheRead = state.flatMap { state in cache.map { cache in
            BackgroundTask { cache.reports(of: state, unless: callOff) }
        } }
        // The last build's output keys, and which of its folders are untouched since (their files
        // need not be looked for one by one), found beside the reports.
        let outputsRead = state.flatMap { state in cache.map { cache in
            BackgroundTask { () -> (keys: BuildCache.Outputs, unchanged: UnchangedFolders)? in
                guard previousValid, !callOff.isCalledOff, let outputs = cache.outputs(of: state) else { return nil }
                return (outputs, callOff.isCalledOff ? .none : UnchangedFolders(output: options.output, paths: outputs.allPaths))
            }
        } }
        let entries = try ContentLoader.reportEntries(in: options.content)
        timer.record("load", seconds: Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9)

        // Nothing changed: the site on disk is already this build's.
        if let state, previousValid, state.sources.count == entries.count,
           entries.allSatisfy({ state.sources[$0.path]?.stamp == $0.stamp }) {
            callOff.callOff()
            // A build killed while it cleaned up after itself may have left its folders behind
            // with its output and cache complete; this build writes nothing, so it removes them.
            SiteWriter(output: options.output).removeAbandoned()
            if strict, !state.findings.isEmpty { throw SiteError.strict(state.findings.count) }
            let analysis = Analysis(catalog: Catalog([]), fileCount: entries.count)
            return BuildResult(analysis: analysis, files: state.files, written: 0, pages: 0, upToDate: true, timings: timer,
                               cachedFindings: state.findings, published: state.published, fileCount: entries.count)
        }

        // Parse what changed; take the rest from the cache.
        let cachedReports = try timer.measure("cache-read") { try cacheRead?.result() }
        let checker = ReportChecker()
        // Without a cache every agency's slug is made, on both cores at once: ICU's rules are
        // compiled once here while the reports are parsed, instead of once per core then.
        let pinyin = state == nil ? BackgroundTask { Slug.warmUp() } : nil
        progress?.start("parse", total: entries.count, unit: "份")
        let parsed = try timer.measure("parse") {
            try Self.parseAndCheck(entries, checker: checker, cached: state?.sources ?? [:], reports: cachedReports ?? [:],
                                   progress: progress)
        }
        progress?.finish()
        let reports = parsed.map(\.report)
        try pinyin?.result()
        let catalog = timer.measure("catalog") { Catalog(reports, crossYear: checker.checkAcrossYears(previous:current:),
                                                                slugMemo: state?.slugs ?? [:]) }
        let analysis = Analysis(catalog: catalog, fileCount: entries.count)
        guard !catalog.reports.isEmpty else { throw SiteError.noReadableReports }
        if strict {
            let findings = analysis.diagnostics
            if !findings.isEmpty { throw SiteError.strict(findings.count) }
        }

        var content: [String: UInt64] = [:], knownCells: [String: UInt64] = [:]
        content.reserveCapacity(parsed.count)
        for item in parsed {
            content[item.report.source] = item.source.hash
            if item.cached, item.source.cells != 0 { knownCells[item.report.source] = item.source.cells }
        }
        let keys = timer.measure("keys") { DependencyKeys(global: global, content: content, catalog: catalog, knownCells: knownCells) }
        let previousOutput = try outputsRead?.result()
        let outputs = previousOutput?.keys
        let writer = SiteWriter(output: options.output, force: options.force)
        let staging = try writer.prepare()
        // Names the inputs, so two builds of the same inputs leave identical folders.
        var buildHash = StableHash()
        buildHash.add(Self.inputsKey(theme: theme, config: configData, pages: pages))
        for item in parsed { buildHash.add(item.path); buildHash.add(item.source.hash) }
        let buildID = buildHash.value
        var outcome: RenderOutcome?
        let files: [String]  // every path of the new output, taken from the sink once
        let sink = OutputSink(folder: OutputFolder(staging),
                              previous: previousOutput.map { PreviousOutput(folder: options.output, keys: $0.keys.keys,
                                                                            unchanged: $0.unchanged) })
        do {
            var inputs = RenderInputs(catalog: catalog, sources: entries.map { SourceRef(path: $0.path, fullPath: $0.fullPath) },
                                      pages: pages, keys: keys)
            inputs.previousSearch = outputs?.search
            inputs.previousOpenData = outputs?.openData ?? [:]
            inputs.search = options.search
            outcome = try SiteRenderer(config: config, theme: theme).render(inputs, into: sink, progress: progress, timer: &timer)
            let broken = timer.measure("links") { sink.links.broken(read: sink.read, exists: sink.contains) }
            guard broken.isEmpty else { throw SiteError.brokenLinks(broken.map(\.description)) }
            let marker = "sitegen\nbuild \(String(buildID, radix: 16))\n"
            // The cache is written while the output is put in place. Should that fail, the
            // cache names this build, the output's marker does not, and the next build renders
            // every page again (its parsed reports are still good).
            files = sink.paths
            let saving = cache.map { cache in
                BackgroundTask {
                    let record = sink.fileKeys
                    try cache.save(BuildCache.State(global: global, buildID: buildID, output: options.output.path,
                                                    sources: Dictionary(uniqueKeysWithValues: parsed.map { item in
                                                        var source = item.source
                                                        source.cells = keys.cells[item.report.source] ?? 0
                                                        return (item.path, source)
                                                    }),
                                                    published: catalog.reports.count, files: files.count + 1,
                                                    findings: analysis.diagnostics, slugs: catalog.slugMemo),
                                   reports: parsed.map { ($0.report, $0.cached) }, previous: state,
                                   outputs: BuildCache.OutputsRecord(keyed: record.keyed, unkeyed: record.unkeyed, search: outcome?.search,
                                                                     openData: outcome?.openData ?? [:]))
                }
            }
            defer { saving?.wait() }  // never return while it still writes
            try timer.measure("write") {
                if let outputs {
                    // Looked up in the sink, not by sets of both outputs' paths: those hashed every
                    // path twice more (200,000 at 50,000 reports).
                    let removed = sink.missing(outputs.allPaths).map(\.string).sorted()
                    try writer.patch(staging, written: sink.writtenPaths, removed: removed, marker: marker)
                } else {
                    try writer.commit(staging, marker: marker)
                }
            }
            if let saving {
                try saving.result()
                timer.record("cache-write", seconds: saving.seconds)
            }
        } catch {
            writer.discard(staging)
            throw error
        }
        let result = BuildResult(analysis: analysis, files: files.count + 1, written: sink.writtenCount,
                                 pages: files.filter { $0.hasSuffix(".html") }.count, timings: timer,
                                 published: catalog.reports.count, fileCount: entries.count)
        if options.keepsModelsAlive {
            KeptAlive.keep([parsed, state as Any, cachedReports as Any, sink, outputs as Any, keys, catalog, entries, outcome as Any])
        }
        return result
    }

    /// sitegen itself, the theme, site.yml and the Markdown pages: a change to any of them
    /// changes every page, so it makes a full build.
    static func globalKey(theme: Theme, config: Data, pages: [SourceFile]) -> UInt64 {
        var h = StableHash()
        h.add(inputsKey(theme: theme, config: config, pages: pages))
        // A rebuilt sitegen binary may render differently: its size and time are part of the key.
        // The link is read, not followed by stat(2): under valgrind the kernel's link names the tool.
        var info = stat()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), stat(exe, &info) == 0 {
            h.add(Int(info.st_size)); h.add(Int(info.st_mtim.tv_sec)); h.add(Int(info.st_mtim.tv_nsec))
        }
        return h.value
    }

    /// The global inputs without the binary: what the output marker names (with every report's
    /// hash), so the same inputs give the same marker whichever build of sitegen made them.
    static func inputsKey(theme: Theme, config: Data, pages: [SourceFile]) -> UInt64 {
        var h = StableHash()
        h.add(version)
        h.add(theme.digest)
        h.add(config)
        for page in pages { h.add(page.path); h.add(page.data) }
        return h.value
    }

    /// The output folder is the one the cache describes: its marker names the same build.
    private func previousOutputIsIntact(buildID: UInt64, output: String) -> Bool {
        guard output == options.output.path,
              let marker = try? String(contentsOf: options.output.appendingPathComponent(SiteWriter.marker), encoding: .utf8)
        else { return false }
        return marker.contains("build \(String(buildID, radix: 16))\n")
    }

    struct Parsed {
        var path: String
        var source: BuildCache.Source
        var report: Report
        /// Read from the cache, not parsed.
        var cached = false
    }

    /// Parses and checks every file whose stamp or bytes changed, on all cores; the others come
    /// from the cache. The order of the result follows `entries`.
    static func parseAndCheck(_ entries: [SourceEntry], checker: ReportChecker, cached: [String: BuildCache.Source],
                              reports: [String: BuildCache.Cached], progress: Progress?) throws -> [Parsed] {
        let parser = ReportParser()
        var results = [Result<Parsed, Error>?](repeating: nil, count: entries.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: entries.count) { i in
                let entry = entries[i]
                (base + i).pointee = Result {
                    defer { progress?.advance(by: 1) }
                    let old = cached[entry.path]
                    if let old, old.stamp == entry.stamp, let cached = reports[entry.path] {
                        return Parsed(path: entry.path, source: old, report: cached.report, cached: true)
                    }
                    let data = try Data(contentsOf: entry.url)
                    var source = BuildCache.Source(stamp: entry.stamp, hash: StableHash.of(data))
                    if let old, old.hash == source.hash, let cached = reports[entry.path] {
                        source.cells = old.cells
                        return Parsed(path: entry.path, source: source, report: cached.report, cached: true)
                    }
                    return Parsed(path: entry.path, source: source, report: checkOne(parser.parse(data, source: entry.path), checker))
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// The checks of one report, added to what the parser found.
    static func checkOne(_ parsed: Report, _ checker: ReportChecker) -> Report {
        var report = parsed
        let findings = checker.check(report)
        if findings.contains(where: { $0.rule == "file.not-report" }) {
            // Not a report at all: its missing title, agency and year say nothing more.
            report.diagnostics.removeAll { $0.rule.hasPrefix("meta.") }
        }
        report.diagnostics += findings
        return report
    }

    /// load → parse → check → catalog (with the checks across years). Writes nothing.
    /// Files are read one by one as they are parsed, never all held at once.
    public static func analyze(content: URL) throws -> Analysis {
        let entries = try ContentLoader.reportEntries(in: content)
        let checker = ReportChecker()
        let parsed = try parseAndCheck(entries, checker: checker, cached: [:], reports: [:], progress: nil)
        return Analysis(catalog: Catalog(parsed.map(\.report), crossYear: checker.checkAcrossYears(previous:current:)),
                        fileCount: entries.count)
    }

    static func analyze(_ sources: [SourceFile]) -> Analysis {
        var timer = StageTimer()
        return analyze(sources, timer: &timer)
    }

    static func analyze(_ sources: [SourceFile], timer: inout StageTimer) -> Analysis {
        let checker = ReportChecker()
        var reports = timer.measure("parse") { parse(sources) }
        timer.measure("check") {
            for i in reports.indices { reports[i] = checkOne(reports[i], checker) }
        }
        let catalog = timer.measure("catalog") { Catalog(reports, crossYear: checker.checkAcrossYears(previous:current:)) }
        return Analysis(catalog: catalog, fileCount: sources.count)
    }

    /// Parses every file, on all cores; the order of the result follows `sources`.
    public static func parse(_ sources: [SourceFile]) -> [Report] {
        let parser = ReportParser()
        var results = [Report?](repeating: nil, count: sources.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                (base + i).pointee = parser.parse(sources[i].data, source: sources[i].path)
            }
        }
        return results.map { $0! }
    }
}
