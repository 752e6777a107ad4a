import Foundation
import Markdown
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

/// The outcome of a build, for the command line to report.
public struct BuildResult: Sendable {
    public var parsed: [Report]
    public var catalog: Catalog
    public var files: Int
    public var diagnostics: [Diagnostic] { (catalog.reports + catalog.unpublished).flatMap(\.diagnostics) }
}

/// The build pipeline, one named step after another: load → parse → catalog → render → write.
public struct SiteBuilder {
    public let options: BuildOptions
    public static let version = "0.1.0"

    public init(_ options: BuildOptions) { self.options = options }

    public func build() throws -> BuildResult {
        let config = try SiteConfig.load(from: options.content.appendingPathComponent("site.yml"))
        let theme = try Theme(directory: options.theme, fallback: options.fallbackTheme)
        let sources = try ContentLoader.reportFiles(in: options.content)
        let parsed = Self.parse(sources)
        let catalog = Catalog(parsed)
        guard !catalog.reports.isEmpty else { throw SiteError.noReadableReports }
        let files = try SiteRenderer(config: config, theme: theme).render(catalog, sources: sources)
        try SiteWriter(output: options.output, force: options.force).write(files)
        return BuildResult(parsed: parsed, catalog: catalog, files: files.count)
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
