import ArgumentParser
import Foundation
import ReportModel
import Site

extension Sitegen {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse and check every report without writing anything.",
            discussion: """
            Prints one line per finding (file:line:column: severity: message [rule]) and a summary. \
            Exit status: 0 when there is no error (warnings allowed), 1 when there are errors \
            (or warnings, with --strict), 2 when the check could not run.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .long, help: ArgumentHelp("Folder holding reports/.", valueName: "dir"))
        var content = "Content"

        @Option(name: .long, help: "Output format: text (compiler style) or json.")
        var format: Format = .text

        @Flag(name: .long, help: "Count warnings as errors.")
        var strict = false

        func run() throws {
            let analysis: Analysis
            do {
                analysis = try SiteBuilder.analyze(content: URL(fileURLWithPath: content))
            } catch {
                FileHandle.standardError.write(Data("sitegen: error: \(error)\n".utf8))
                throw ExitCode(2)
            }
            let diagnostics = analysis.diagnostics
            switch format {
            case .text:
                DiagnosticPrinter.forStandardError().print(diagnostics)
                print(DiagnosticPrinter.summary(reports: analysis.fileCount, diagnostics))
            case .json:
                print(String(decoding: try FindingsJSON(reports: analysis.fileCount, diagnostics: diagnostics).data(), as: UTF8.self))
            }
            let failing = diagnostics.contains { $0.severity == .error || strict }
            if failing { throw ExitCode(1) }
        }
    }
}

/// `sitegen check --format json`: every finding with its place.
struct FindingsJSON: Encodable {
    struct Finding: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
    }
    var reports: Int
    var errors: Int
    var warnings: Int
    var findings: [Finding]

    init(reports: Int, diagnostics: [Diagnostic]) {
        self.reports = reports
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        findings = diagnostics.map {
            Finding(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, rule: $0.rule, message: $0.message)
        }
    }

    func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
