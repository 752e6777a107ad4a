import Foundation
import Markdown
import ReportModel

/// Renders the catalog into the files of the site, keyed by path relative to the site root.
struct SiteRenderer {
    let config: SiteConfig
    let theme: Theme
    let markdown = MarkdownRenderer(hardBreaks: true)

    var siteView: SiteView {
        SiteView(title: config.title, description: config.description, language: config.language,
                 footer: config.footer, generator: "sitegen \(SiteBuilder.version)")
    }

    func render(_ catalog: Catalog, sources: [SourceFile]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        files["data/reports.json"] = try OpenData(reports: catalog.reports, unpublished: catalog.unpublished).json()
        let site = siteView
        files["index.html"] = Data(try theme.render(IndexPage(catalog, site: site), template: "index").utf8)
        for report in catalog.reports {
            let route = Routes.report(report)
            let page = ReportPage(report, site: site, markdown: markdown)
            files[route + "index.html"] = Data(try theme.render(page, template: "report").utf8)
            files[route + "report.json"] = try OpenData(reports: [report]).json()
        }
        for source in sources {
            files[Routes.source(source.path)] = source.data
        }
        for (path, data) in theme.assets {
            files["assets/" + path] = data
        }
        return files
    }
}
