import Foundation
import Markdown
import ReportModel

/// Renders the catalog into the files of the site, keyed by path relative to the site root.
/// Swift writes the large repeated fragments (tables); templates frame them.
struct SiteRenderer {
    let config: SiteConfig
    let theme: Theme
    let markdown = MarkdownRenderer(hardBreaks: true)

    var site: SiteView {
        SiteView(title: config.title, description: config.description, language: config.language,
                 footer: config.footer, generator: "sitegen \(SiteBuilder.version)")
    }

    func render(_ catalog: Catalog, sources: [SourceFile], pages: [SourceFile] = []) throws -> [String: Data] {
        var timer = StageTimer()
        return try render(catalog, sources: sources, pages: pages, timer: &timer)
    }

    func render(_ catalog: Catalog, sources: [SourceFile], pages: [SourceFile], timer: inout StageTimer) throws -> [String: Data] {
        let renderStart = DispatchTime.now().uptimeNanoseconds
        var files: [String: Data] = [:]
        let site = self.site
        let regions = RegionTree(catalog.agencies)
        func write(_ route: String, _ context: Any, _ template: String) throws {
            files[route + "index.html"] = Data(try theme.render(context, template: template).utf8)
        }

        // Reports and agencies, the bulk of the pages: rendered on every core.
        let agencies = catalog.agencies
        var rendered = [Result<[(String, Data)], Error>?](repeating: nil, count: agencies.count)
        rendered.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: agencies.count) { i in
                (base + i).pointee = Result {
                    let agency = agencies[i]
                    let regionSlug = regions[agency.region]?.slug
                    var out: [(String, Data)] = []
                    for report in agency.reports {
                        let route = Routes.report(report)
                        let page = ReportPage(report, agency: agency, regionSlug: regionSlug, site: site, markdown: markdown)
                        out.append((route + "index.html", Data(try theme.render(page, template: "report").utf8)))
                        out.append((route + "report.json", try OpenData(reports: [report]).json()))
                    }
                    out.append((Routes.agency(agency.slug) + "index.html",
                                Data(try theme.render(agencyPage(agency, regionSlug: regionSlug), template: "agency").utf8)))
                    return out
                }
            }
        }
        for result in rendered {
            for (path, data) in try result!.get() { files[path] = data }
        }
        try write(Routes.agencies, ListPage(
            frame: PageFrame(site: site, route: Routes.agencies, title: "机关"),
            heading: "机关", intro: "共 \(catalog.agencies.count) 个机关，按名称拼音排列。",
            items: catalog.agencies.map { agency in
                LinkView(label: agency.name, href: Routes.link(from: Routes.agencies, to: Routes.agency(agency.slug)),
                         note: agency.reports.compactMap(\.year).map(String.init).joined(separator: "、"))
            }), "list")

        // Years
        let years = Self.years(catalog)
        for (i, year) in years.enumerated() {
            try write(Routes.year(year), yearPage(year, catalog: catalog, previous: i > 0 ? years[i - 1] : nil,
                                                  next: i + 1 < years.count ? years[i + 1] : nil), "year")
        }
        try write(Routes.years, ListPage(
            frame: PageFrame(site: site, route: Routes.years, title: "年度"),
            heading: "年度", intro: "每一年度各机关的主要数据对比。",
            items: years.reversed().map { year in
                LinkView(label: "\(year)年", href: Routes.link(from: Routes.years, to: Routes.year(year)),
                         note: "\(catalog.reports.filter { $0.year == year }.count) 份报告")
            }), "list")

        // Regions
        for region in regions.ordered {
            try write(Routes.region(region.slug), regionPage(region, regions: regions, catalog: catalog), "region")
        }
        try write(Routes.regions, ListPage(
            frame: PageFrame(site: site, route: Routes.regions, title: "地区"),
            heading: "地区", intro: "按行政区划浏览；下级地区的机关也计入上级地区。",
            items: regions.ordered.map { region in
                LinkView(label: region.name, href: Routes.link(from: Routes.regions, to: Routes.region(region.slug)),
                         note: "\(region.agencySlugs.count) 个机关", depth: region.chain.count - 1)
            }), "list")

        // Markdown pages; every page links to an about page, so there always is one.
        var searchDocuments = catalog.reports.map(SearchDocument.init(report:))
        var pages = pages
        if !pages.contains(where: { $0.path == "pages/about.md" }) {
            pages.append(SourceFile(path: "pages/about.md", data: Data("# 关于本站\n\n\(config.description)\n".utf8)))
        }
        for page in pages {
            let name = String(page.path.dropFirst("pages/".count).dropLast(".md".count))
            let route = Routes.page(name)
            let text = String(decoding: page.data, as: UTF8.self)
            let title = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? name
            searchDocuments.append(SearchDocument(page: title, name: name, text: text))
            try write(route, ContentPage(frame: PageFrame(site: site, route: route, title: title), title: title,
                                         html: LocalMedia.neutralize(MarkdownRenderer().html(text))), "page")
        }

        try write(Routes.home, homePage(catalog, regions: regions, years: years), "index")
        try write(Routes.search, ListPage(frame: PageFrame(site: site, route: Routes.search, title: "搜索", scripts: ["search.js"]),
                                          heading: "搜索", intro: "", items: []), "search")
        files["404.html"] = Data(try theme.render(NotFoundPage(
            frame: PageFrame(site: site, route: Routes.home, title: "页面不存在"),
            baseURL: config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "",
            hasBaseURL: config.baseURL != nil), template: "404").utf8)

        let searchFiles = try timer.measure("search") { try SearchIndexBuilder(documents: searchDocuments).files() }
        files.merge(searchFiles) { a, _ in a }

        // Open data and machine-readable indexes
        files["data/reports.json"] = try OpenData(reports: catalog.reports, unpublished: catalog.unpublished).json()
        files["data/active-disclosure.csv"] = CSVExport.activeDisclosure(catalog.reports)
        files["data/applications.csv"] = CSVExport.applications(catalog.reports)
        files["data/review-litigation.csv"] = CSVExport.reviewLitigation(catalog.reports)
        files["feed.xml"] = AtomFeed.xml(reports: catalog.reports, siteTitle: config.title, baseURL: config.baseURL,
                                         updated: AtomFeed.latestUpdated(catalog.reports) ?? "1970-01-01T00:00:00Z")
        let pagePaths = files.keys.filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
        if let sitemap = Sitemap.xml(paths: pagePaths, baseURL: config.baseURL) { files["sitemap.xml"] = sitemap }
        files["robots.txt"] = Sitemap.robots(baseURL: config.baseURL)
        for source in sources {
            files[Routes.source(source.path)] = source.data
        }
        for (path, data) in theme.assets {
            files["assets/" + path] = data
        }
        let searchSeconds = timer.stages.last { $0.name == "search" }?.seconds ?? 0
        timer.record("render", seconds: Double(DispatchTime.now().uptimeNanoseconds - renderStart) / 1e9 - searchSeconds)
        return files
    }

    static func years(_ catalog: Catalog) -> [Int] {
        Array(Set(catalog.reports.compactMap(\.year))).sorted()
    }

    func agencyPage(_ agency: Catalog.Agency, regionSlug: String?) -> AgencyPage {
        let route = Routes.agency(agency.slug)
        let rows = agency.reports.map { report in
            ComparisonTable.Row(label: "\(report.year.map(String.init) ?? "—")年",
                                link: Routes.link(from: route, to: Routes.report(report)), report: report)
        }
        let chartFigures = Array(KeyFigures.all.prefix(6))
        let findings = agency.reports.flatMap { report in
            report.diagnostics.filter { $0.rule.hasPrefix("crossyear.") }
        }
        return AgencyPage(
            frame: PageFrame(site: site, route: route, title: agency.name, breadcrumbs: [("机关", Routes.agencies)],
                             scripts: ["sort.js"]),
            name: agency.name, region: agency.region.joined(separator: " › "),
            regionLink: regionSlug.map { Routes.link(from: route, to: Routes.region($0)) } ?? "",
            hasRegion: regionSlug != nil,
            reports: agency.reports.map { LinkView(label: $0.title, href: Routes.link(from: route, to: Routes.report($0)),
                                                   note: $0.year.map { "\($0)年" } ?? "") },
            trendTable: ComparisonTable.html(caption: "\(agency.name)历年主要数据", firstColumn: "年度", rows: rows,
                                             totals: false, id: "trend"),
            chart: TrendChart.svg(years: agency.reports.compactMap(\.year),
                                  series: chartFigures.map { figure in
                                      TrendChart.Series(label: figure.label, values: agency.reports.map(figure.value))
                                  },
                                  title: "\(agency.name)历年申请办理情况",
                                  description: Self.chartDescription(agency, figures: chartFigures)),
            findings: findings.enumerated().map { i, d in
                ReportPage.DiagnosticView(number: i + 1, anchor: "finding-\(i + 1)", severity: d.severity.rawValue,
                                          severityLabel: d.severity == .error ? "错误" : "警告", rule: d.rule,
                                          message: d.message, location: "\(d.location.file):\(d.location.line)")
            },
            hasFindings: !findings.isEmpty)
    }

    /// The chart's text alternative: every value it draws.
    static func chartDescription(_ agency: Catalog.Agency, figures: [KeyFigures.Figure]) -> String {
        agency.reports.map { report in
            "\(report.year.map(String.init) ?? "—")年：" + figures.map { figure in
                "\(figure.label)\(figure.value(report).map { HTML.format($0) } ?? "缺失")"
            }.joined(separator: "，")
        }.joined(separator: "；")
    }

    func yearPage(_ year: Int, catalog: Catalog, previous: Int?, next: Int?) -> YearPage {
        let route = Routes.year(year)
        // Rows straight from the catalog: each report copied once (see regionPage).
        var rows: [ComparisonTable.Row] = []
        for report in catalog.reports where report.year == year {
            rows.append(ComparisonTable.Row(label: report.agency, link: Routes.link(from: route, to: Routes.report(report)),
                                            note: report.region.joined(separator: " › "), report: report))
        }
        return YearPage(
            frame: PageFrame(site: site, route: route, title: "\(year)年", breadcrumbs: [("年度", Routes.years)],
                             scripts: ["sort.js"]),
            year: year, reportCount: rows.count,
            table: ComparisonTable.html(caption: "\(year)年各机关主要数据", firstColumn: "机关", rows: rows, totals: true, id: "year-\(year)"),
            previous: previous.map { LinkView(label: "\($0)年", href: Routes.link(from: route, to: Routes.year($0))) },
            next: next.map { LinkView(label: "\($0)年", href: Routes.link(from: route, to: Routes.year($0))) })
    }

    func regionPage(_ region: RegionTree.Region, regions: RegionTree, catalog: Catalog) -> RegionPage {
        let route = Routes.region(region.slug)
        let slugs = Set(region.agencySlugs)
        let agencies = catalog.agencies.filter { slugs.contains($0.slug) }
        // The table rows of each year in one pass, in agency then report order: copying a
        // report (many reference-counted fields) is much of the cost of these pages.
        var rowsByYear: [Int: [ComparisonTable.Row]] = [:]
        for agency in agencies {
            for report in agency.reports {
                guard let year = report.year else { continue }
                rowsByYear[year, default: []].append(ComparisonTable.Row(
                    label: report.agency, link: Routes.link(from: route, to: Routes.report(report)), report: report))
            }
        }
        let years = rowsByYear.keys.sorted(by: >)
        var crumbs: [(String, String)] = [("地区", Routes.regions)]
        for depth in stride(from: 1, to: region.chain.count, by: 1) {
            if let r = regions[Array(region.chain.prefix(depth))] { crumbs.append((r.name, Routes.region(r.slug))) }
        }
        return RegionPage(
            frame: PageFrame(site: site, route: route, title: region.chain.joined(separator: " › "), breadcrumbs: crumbs,
                             scripts: ["sort.js"]),
            name: region.name, chain: region.chain.joined(separator: " › "),
            parent: region.parent.flatMap { regions[$0] }.map { LinkView(label: $0.name, href: Routes.link(from: route, to: Routes.region($0.slug))) },
            children: region.children.compactMap { regions[$0] }.map { child in
                LinkView(label: child.name, href: Routes.link(from: route, to: Routes.region(child.slug)),
                         note: "\(child.agencySlugs.count) 个机关")
            },
            hasChildren: !region.children.isEmpty,
            agencies: agencies.map { LinkView(label: $0.name, href: Routes.link(from: route, to: Routes.agency($0.slug)),
                                              note: $0.region.joined(separator: " › ")) },
            // Region pages are built one after another: their year tables share out the cores.
            yearTables: years.concurrentMap { year in
                RegionPage.YearTable(year: year, table: ComparisonTable.html(
                    caption: "\(region.name)\(year)年各机关主要数据（合计为本地区汇总）", firstColumn: "机关",
                    rows: rowsByYear[year]!, totals: true, id: "region-\(year)"))
            })
    }

    func homePage(_ catalog: Catalog, regions: RegionTree, years: [Int]) -> HomePage {
        let route = Routes.home
        let latest = years.last
        let latestReports = catalog.reports.filter { $0.year == latest }
        let headline: [FigureView] = latest == nil ? [] : ["received", "granted", "review", "litigation"].compactMap { key in
            guard let figure = KeyFigures.all.first(where: { $0.key == key }) else { return nil }
            let values = latestReports.compactMap(figure.value)
            return FigureView(label: figure.label, value: HTML.format(values.reduce(Decimal(0), +)))
        }
        return HomePage(
            frame: PageFrame(site: site, route: route, title: "首页"),
            reportCount: catalog.reports.count, agencyCount: catalog.agencies.count, yearCount: years.count,
            regionCount: regions.ordered.count,
            latestYear: latest.map(String.init) ?? "", latestYearLink: latest.map { Routes.link(from: route, to: Routes.year($0)) } ?? "",
            hasHeadline: !headline.isEmpty, headline: headline,
            years: years.reversed().map { LinkView(label: "\($0)年", href: Routes.link(from: route, to: Routes.year($0))) },
            regions: regions.roots.map { LinkView(label: $0.name, href: Routes.link(from: route, to: Routes.region($0.slug)),
                                                  note: "\($0.agencySlugs.count) 个机关") },
            agencies: catalog.agencies.map { LinkView(label: $0.name, href: Routes.link(from: route, to: Routes.agency($0.slug))) },
            latestReports: latestReports.map { LinkView(label: $0.agency, href: Routes.link(from: route, to: Routes.report($0))) },
            unpublished: catalog.unpublished.map { report in
                UnpublishedView(source: report.source,
                                reasons: report.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.message))
            },
            hasUnpublished: !catalog.unpublished.isEmpty,
            dataLink: "data/reports.json")
    }
}
