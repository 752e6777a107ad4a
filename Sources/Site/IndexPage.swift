import ReportModel

/// The home page's view model: every published report, newest agency list first.
struct IndexPage {
    struct Row {
        var agency: String
        var year: String
        var region: String
        var link: String
        var findings: String
    }

    var site: SiteView
    var root = ""
    var pageTitle: String
    var reportCount: Int
    var agencyCount: Int
    var reports: [Row]

    init(_ catalog: Catalog, site: SiteView) {
        self.site = site
        pageTitle = "首页"
        reportCount = catalog.reports.count
        agencyCount = catalog.agencies.count
        reports = catalog.reports.map { report in
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let warnings = report.diagnostics.count - errors
            return Row(agency: report.agency, year: report.year.map(String.init) ?? "—",
                       region: report.region.joined(separator: " › "),
                       link: Routes.report(report) + "index.html",
                       findings: errors + warnings == 0 ? "无" : "\(errors) 个错误，\(warnings) 个警告")
        }
    }
}
