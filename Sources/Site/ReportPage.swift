import Foundation
import Markdown
import Mustache
import ReportModel

/// The view model of one report page. Templates read its stored properties through `child(named:)`.
struct ReportPage {
    struct SectionView {
        var number: Int
        var anchor: String
        var heading: String
        var html: String
        var table: String
    }
    struct DiagnosticView {
        var number: Int
        var anchor: String
        var severity: String
        var severityLabel: String
        var rule: String
        var message: String
        var location: String
    }

    var frame: PageFrame
    var title: String
    var agency: String
    var agencyLink: String
    var year: String
    var region: String
    var regionLink: String
    var hasRegion: Bool
    var template: String
    var published: String
    var sourceURL: String
    var sourcePath: String
    var sourceLink: String
    var jsonLink: String
    var previous: LinkView?
    var next: LinkView?
    var sections: [SectionView]
    var diagnostics: [DiagnosticView]
    var hasDiagnostics: Bool
    var errorCount: Int
    var warningCount: Int

    static let chineseNumbers = ["一", "二", "三", "四", "五", "六"]
    static let defaultTitles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]

    init(_ report: Report, agency: Catalog.Agency, regionSlug: String?, site: SiteView, markdown: MarkdownRenderer) {
        let route = Routes.report(report)
        let yearText = report.year.map(String.init) ?? "—"
        frame = PageFrame(site: site, route: route, title: report.title,
                          description: "\(report.agency)\(yearText)年政府信息公开工作年度报告",
                          breadcrumbs: [("机关", Routes.agencies), (report.agency, Routes.agency(report.agencySlug))])
        let root = frame.root
        // `Routes.link(from: route, to:)` without working the root out again for every link.
        func link(to target: String) -> String { root + target + "index.html" }
        title = report.title
        self.agency = report.agency
        agencyLink = link(to: Routes.agency(report.agencySlug))
        year = yearText
        region = report.region.joined(separator: " › ")
        regionLink = regionSlug.map { link(to: Routes.region($0)) } ?? ""
        hasRegion = regionSlug != nil
        template = report.template == .v2021 ? "2021 年版（国办公开办函〔2021〕30号）" : "2019 年版（国办公开办函〔2019〕60号）"
        published = report.published ?? ""
        sourceURL = report.sourceURL.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil } ?? ""
        sourcePath = report.source
        sourceLink = frame.root + Routes.source(report.source)
        jsonLink = "report.json"
        let index = agency.reports.firstIndex { $0.source == report.source }
        if let index, index > 0 {
            let p = agency.reports[index - 1]
            previous = LinkView(label: "\(p.year.map(String.init) ?? "")年", href: link(to: Routes.report(p)))
        }
        if let index, index + 1 < agency.reports.count {
            let n = agency.reports[index + 1]
            next = LinkView(label: "\(n.year.map(String.init) ?? "")年", href: link(to: Routes.report(n)))
        }
        let marks = TableHTML.Marks(report.diagnostics)
        sections = (1...6).map { number in
            let section = report.section(number)
            let table: String
            switch number {
            case 2: table = TableHTML.activeDisclosure(report.activeDisclosure, marks: marks)
            case 3: table = TableHTML.applications(report.applications, marks: marks)
            case 4: table = TableHTML.reviewLitigation(report.reviewLitigation, marks: marks)
            default: table = ""
            }
            let text = section.map { markdown.html(URLDelimiter.delimit($0.text)) } ?? ""
            return SectionView(number: number, anchor: "section-\(number)",
                               heading: "\(Self.chineseNumbers[number - 1])、\(section?.title ?? Self.defaultTitles[number - 1])",
                               html: section == nil ? #"<p class="missing">（报告中没有这一部分）</p>"# : LocalMedia.neutralize(text),
                               table: table)
        }
        diagnostics = report.diagnostics.enumerated().map { i, d in
            DiagnosticView(number: i + 1, anchor: "finding-\(i + 1)", severity: d.severity.rawValue,
                           severityLabel: d.severity == .error ? "错误" : "警告",
                           rule: d.rule, message: d.message, location: "\(d.location.file):\(d.location.line)")
        }
        hasDiagnostics = !diagnostics.isEmpty
        errorCount = report.diagnostics.filter { $0.severity == .error }.count
        warningCount = report.diagnostics.count - errorCount
    }
}

/// Site-wide values every page template can use.
struct SiteView {
    var title: String
    var description: String
    var language: String
    var footer: String
    var generator: String
}

// Template lookups without Mirror: see the note above `HomePage`'s conformance in Pages.swift.

extension ReportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "title": title
        case "agency": agency
        case "agencyLink": agencyLink
        case "year": year
        case "region": region
        case "regionLink": regionLink
        case "hasRegion": hasRegion
        case "template": template
        case "published": published
        case "sourceURL": sourceURL
        case "sourcePath": sourcePath
        case "sourceLink": sourceLink
        case "jsonLink": jsonLink
        case "previous": previous
        case "next": next
        case "sections": sections
        case "diagnostics": diagnostics
        case "hasDiagnostics": hasDiagnostics
        case "errorCount": errorCount
        case "warningCount": warningCount
        default: nil
        }
    }
}

extension ReportPage.SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "anchor": anchor
        case "heading": heading
        case "html": html
        case "table": table
        default: nil
        }
    }
}

extension ReportPage.DiagnosticView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "anchor": anchor
        case "severity": severity
        case "severityLabel": severityLabel
        case "rule": rule
        case "message": message
        case "location": location
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "footer": footer
        case "generator": generator
        default: nil
        }
    }
}
