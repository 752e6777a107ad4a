import ArgumentParser
import Foundation
import Site

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static portal of government information-disclosure annual reports (政府信息公开工作年度报告).",
        version: SiteBuilder.version,
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self
    )

    /// Like ParsableCommand.main(), but bad arguments exit with 2 (the documented
    /// "could not run" status) instead of 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error).rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
