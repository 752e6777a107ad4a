import Foundation
import Markdown
import ReportModel

/// The view model of one report page. Stored properties only: templates read them through `Mirror`.
struct ReportPage {
    struct SectionView {
        var number: Int
        var anchor: String
        var heading: String
        var html: String
        var table: String
    }
    struct DiagnosticView {
        var severity: String
        var severityLabel: String
        var rule: String
        var message: String
        var location: String
    }

    var site: SiteView
    var root: String
    var pageTitle: String
    var title: String
    var agency: String
    var agencyLink: String
    var year: String
    var region: String
    var template: String
    var sourcePath: String
    var sourceLink: String
    var jsonLink: String
    var sections: [SectionView]
    var diagnostics: [DiagnosticView]
    var hasDiagnostics: Bool
    var errorCount: Int
    var warningCount: Int

    static let chineseNumbers = ["一", "二", "三", "四", "五", "六"]

    init(_ report: Report, site: SiteView, markdown: MarkdownRenderer) {
        let route = Routes.report(report)
        root = Routes.root(from: route)
        self.site = site
        pageTitle = report.title
        title = report.title
        agency = report.agency
        agencyLink = root + Routes.agency(report.agencySlug) + "index.html"
        year = report.year.map(String.init) ?? "—"
        region = report.region.joined(separator: " › ")
        template = report.template == .v2021 ? "2021 年版（国办公开办函〔2021〕30号）" : "2019 年版（国办公开办函〔2019〕60号）"
        sourcePath = report.source
        sourceLink = root + Routes.source(report.source)
        jsonLink = "report.json"
        sections = (1...6).map { number in
            let section = report.section(number)
            let table: String
            switch number {
            case 2: table = TableHTML.activeDisclosure(report.activeDisclosure)
            case 3: table = TableHTML.applications(report.applications, template: report.template)
            case 4: table = TableHTML.reviewLitigation(report.reviewLitigation)
            default: table = ""
            }
            return SectionView(number: number, anchor: "section-\(number)",
                               heading: "\(Self.chineseNumbers[number - 1])、\(section?.title ?? Self.defaultTitles[number - 1])",
                               html: section.map { markdown.html($0.text) } ?? #"<p class="missing">（报告中没有这一部分）</p>"#,
                               table: table)
        }
        diagnostics = report.diagnostics.map {
            DiagnosticView(severity: $0.severity.rawValue, severityLabel: $0.severity == .error ? "错误" : "警告",
                           rule: $0.rule, message: $0.message, location: "\($0.location.file):\($0.location.line)")
        }
        hasDiagnostics = !diagnostics.isEmpty
        errorCount = report.diagnostics.filter { $0.severity == .error }.count
        warningCount = report.diagnostics.count - errorCount
    }

    static let defaultTitles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
}

/// Site-wide values every page template can use.
struct SiteView {
    var title: String
    var description: String
    var language: String
    var footer: String
    var generator: String
}
