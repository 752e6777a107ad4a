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

    public init(content: URL, theme: URL, output: URL, fallbackTheme: URL? = nil, force: Bool = false) {
        self.content = content
        self.theme = theme
        self.output = output
        self.fallbackTheme = fallbackTheme
        self.force = force
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
    public var files: Int
    public var timings: StageTimer
    public var catalog: Catalog { analysis.catalog }
    public var diagnostics: [Diagnostic] { analysis.diagnostics }
}

/// The build pipeline, one named step after another: load → parse → catalog → render → write.
public struct SiteBuilder {
    public let options: BuildOptions
    public static let version = "0.1.0"

    public init(_ options: BuildOptions) { self.options = options }

    /// - Parameter strict: refuse to publish when any report has a finding (error or warning).
    public func build(strict: Bool = false) throws -> BuildResult {
        var timer = StageTimer()
        let (config, theme, sources, pages) = try timer.measure("load") {
            (try SiteConfig.load(from: options.content.appendingPathComponent("site.yml")),
             try Theme(directory: options.theme, fallback: options.fallbackTheme),
             try ContentLoader.reportFiles(in: options.content),
             try ContentLoader.pages(in: options.content))
        }
        let analysis = Self.analyze(sources, timer: &timer)
        guard !analysis.catalog.reports.isEmpty else { throw SiteError.noReadableReports }
        if strict {
            let findings = analysis.diagnostics
            if !findings.isEmpty { throw SiteError.strict(findings.count) }
        }
        let files = try SiteRenderer(config: config, theme: theme).render(analysis.catalog, sources: sources, pages: pages, timer: &timer)
        let broken = timer.measure("links") { LinkChecker.check(files) }
        guard broken.isEmpty else { throw SiteError.brokenLinks(broken.map(\.description)) }
        try timer.measure("write") { try SiteWriter(output: options.output, force: options.force).write(files) }
        return BuildResult(analysis: analysis, files: files.count, timings: timer)
    }

    /// load → parse → check → catalog (with the checks across years). Writes nothing.
    public static func analyze(content: URL) throws -> Analysis {
        analyze(try ContentLoader.reportFiles(in: content))
    }

    static func analyze(_ sources: [SourceFile]) -> Analysis {
        var timer = StageTimer()
        return analyze(sources, timer: &timer)
    }

    static func analyze(_ sources: [SourceFile], timer: inout StageTimer) -> Analysis {
        let checker = ReportChecker()
        var reports = timer.measure("parse") { parse(sources) }
        timer.measure("check") {
        for i in reports.indices {
            let findings = checker.check(reports[i])
            if findings.contains(where: { $0.rule == "file.not-report" }) {
                // Not a report at all: its missing title, agency and year say nothing more.
                reports[i].diagnostics.removeAll { $0.rule.hasPrefix("meta.") }
            }
            reports[i].diagnostics += findings
        }
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
