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

        @Flag(name: .long, help: "Publish nothing if any report has a finding (error or warning); the previous output stays.")
        var strict = false

        @Flag(name: .long, help: "Print the time of each pipeline stage.")
        var timings = false

        @Flag(name: .long, help: "No progress line and no summary; findings and errors are still printed.")
        var quiet = false

        @Flag(name: .long, help: "Ignore the build cache: parse every report and write every file again.")
        var clean = false

        @Option(name: .long, help: ArgumentHelp("Build cache folder: unchanged reports are not parsed again and unchanged pages not rewritten.", valueName: "dir"))
        var cache = ".sitegen-cache"

        @Flag(name: .long, help: "Build without reading or writing a cache.")
        var noCache = false

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
            let fallback = url("Themes/default")
            var options = BuildOptions(content: url(content), theme: url(theme), output: url(output),
                                       fallbackTheme: FileManager.default.fileExists(atPath: fallback.path) ? fallback : nil,
                                       force: force, cache: noCache ? nil : url(cache), clean: clean)
            if ProcessInfo.processInfo.environment["SITEGEN_BENCH_NO_SEARCH"] == "1" { options.search = false }
            options.keepsModelsAlive = true  // the process ends with the build
            let printer = DiagnosticPrinter.forStandardError()
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let result = try SiteBuilder(options).build(strict: strict, progress: Progress(quiet: quiet))
                printer.print(result.diagnostics)
                if timings { FileHandle.standardError.write(Data("timings: \(result.timings.summary)\n".utf8)) }
                let seconds = String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                if !quiet { print(result.summary(output: output, seconds: seconds)) }
                KeptAlive.keep(result)
            } catch let error as SiteError {
                if case .strict = error, let analysis = try? SiteBuilder.analyze(content: options.content) {
                    printer.print(analysis.diagnostics)
                }
                FileHandle.standardError.write(Data("sitegen: error: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
