import ArgumentParser
import Foundation
import ReportModel
import Site

extension Sitegen {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse every report under CONTENT/reports and write the site to OUTPUT.",
            discussion: """
            Reads .txt, .md and .html reports (UTF-8, UTF-16 or GB18030), writes one page per report, \
            data/reports.json (schema sitegen.reports/1) and the theme's assets. The site is written to a \
            staging folder and replaces OUTPUT only when complete.
            """
        )

        @Option(name: .long, help: ArgumentHelp("Folder holding site.yml, reports/ and pages/.", valueName: "dir"))
        var content = "Content"

        @Option(name: .long, help: ArgumentHelp("Theme folder (templates/ and assets/); missing templates fall back to Themes/default.", valueName: "dir"))
        var theme = "Themes/default"

        @Option(name: .long, help: ArgumentHelp("Folder the site is written to.", valueName: "dir"))
        var output = "Public"

        @Flag(name: .long, help: "Replace the output folder even if sitegen did not create it.")
        var force = false

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
            let fallback = url("Themes/default")
            let options = BuildOptions(content: url(content), theme: url(theme), output: url(output),
                                       fallbackTheme: FileManager.default.fileExists(atPath: fallback.path) ? fallback : nil,
                                       force: force)
            do {
                let result = try SiteBuilder(options).build()
                let diagnostics = result.diagnostics.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
                for d in diagnostics {
                    FileHandle.standardError.write(Data("\(d.location): \(d.severity.rawValue): \(d.message) [\(d.rule)]\n".utf8))
                }
                let errors = diagnostics.filter { $0.severity == .error }.count
                print("\(result.catalog.reports.count) reports, \(result.catalog.agencies.count) agencies, \(result.files) files written to \(output); \(errors) errors, \(diagnostics.count - errors) warnings")
            } catch let error as SiteError {
                FileHandle.standardError.write(Data("sitegen: error: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
