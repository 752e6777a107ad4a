import ArgumentParser
import Site

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static portal of government information-disclosure annual reports (政府信息公开工作年度报告).",
        version: SiteBuilder.version,
        subcommands: [Build.self],
        defaultSubcommand: Build.self
    )
}
