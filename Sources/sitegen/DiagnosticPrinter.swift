import Foundation
import ReportModel

/// Prints findings the way compilers do — `reports/x.txt:57:3: error: … [rule]` — with colour
/// on a terminal, plain when piped or when `NO_COLOR` is set.
struct DiagnosticPrinter {
    var color: Bool

    static func forStandardError() -> DiagnosticPrinter {
        let env = ProcessInfo.processInfo.environment
        let noColor = env["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticPrinter(color: isatty(fileno(stderr)) != 0 && !noColor && env["TERM"] != "dumb")
    }

    func line(_ d: Diagnostic) -> String {
        let severity = d.severity.rawValue
        guard color else { return "\(d.location): \(severity): \(d.message) [\(d.rule)]" }
        let tint = d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
        return "\u{1B}[1m\(d.location):\u{1B}[0m \(tint)\(severity):\u{1B}[0m \(d.message) \u{1B}[2m[\(d.rule)]\u{1B}[0m"
    }

    func print(_ diagnostics: [Diagnostic]) {
        var out = ""
        for d in diagnostics { out += line(d) + "\n" }
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// `12 reports, 3 errors, 5 warnings`
    static func summary(reports: Int, _ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(reports, "report")), \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}
