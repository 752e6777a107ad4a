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

    /// The whole site in memory (tests and small sites).
    func render(_ catalog: Catalog, sources: [SourceFile], pages: [SourceFile] = []) throws -> [String: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = OutputSink(folder: OutputFolder(folder))
        var timer = StageTimer()
        let inputs = RenderInputs(catalog: catalog, sources: sources.map { .init(path: $0.path, data: $0.data) }, pages: pages,
                                  keys: DependencyKeys(global: 0, content: [:]))
        try render(inputs, into: sink, timer: &timer)
        var files: [String: Data] = [:]
        for path in sink.paths { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        return files
    }

    /// Agencies rendered per batch: enough to keep both cores busy, few enough that the pages in
    /// flight stay small.
    static let batchSize = 64

    /// Renders every file of the site into `sink`, which writes each one as it comes; a file
    /// whose dependency key is unchanged since the last build is taken from that build instead.
    @discardableResult
    func render(_ inputs: RenderInputs, into sink: OutputSink, progress: Progress? = nil, timer: inout StageTimer) throws -> RenderOutcome {
        let renderStart = DispatchTime.now().uptimeNanoseconds
        let catalog = inputs.catalog
        let keys = inputs.keys
        let site = self.site
        let regions = RegionTree(catalog.agencies, slugs: catalog.slugMemo)
        // A report's comparison-table cells, shared by its agency, year and region pages.
        let cells = ComparisonCells()
        func write(_ route: String, _ context: Any, _ template: String, key: UInt64? = nil) throws {
            try sink.emit(route + "index.html", Data(try theme.render(context, template: template).utf8), key: key)
        }

        // Markdown pages; every page links to an about page, so there always is one.
        var pages = inputs.pages
        if !pages.contains(where: { $0.path == "pages/about.md" }) {
            pages.append(SourceFile(path: "pages/about.md", data: Data("# 关于本站\n\n\(config.description)\n".utf8)))
        }
        let pageDocuments = pages.map { page in
            let (name, title, text) = Self.markdownPage(page)
            return SearchDocument(page: title, name: name, text: text)
        }

        // The search index is built on its own thread from the start, beside all the pages: the
        // cores stay busy to the end (started after the report pages, it ran on alone for a
        // second or more while the last, mostly single-threaded pages were long done).
        let search = BackgroundTask {
            guard inputs.search else { return SearchState(shardCount: 0, total: 0, documents: 0) }
            return try SearchStage(sink: sink, keys: keys, previous: inputs.previousSearch)
                .build(reports: catalog.reports, pages: pageDocuments)
        }
        defer { search.wait() }  // never leave it writing into a folder a failed build removes

        // Reports and agencies, the bulk of the pages: rendered on every core, a batch at a time;
        // each report's open-data entry also goes, in catalog order, into data/reports.json.
        let openData = try OpenDataStream(try sink.stream("data/reports.json"),
                                          previous: inputs.previousOpenData.isEmpty ? nil
                                              : sink.previous?.folder.appendingPathComponent("data/reports.json"))
        defer { openData.waitUntilWritten() }  // nor the open data
        let previousPlaces = openData.canCopy ? inputs.previousOpenData : [:]
        var reportsDone = 0
        let agencies = catalog.agencies
        progress?.start("pages", total: catalog.reports.count, unit: "报告")
        for batchStart in stride(from: 0, to: agencies.count, by: Self.batchSize) {
            let batch = Array(agencies[batchStart..<min(batchStart + Self.batchSize, agencies.count)])
            var rendered = [Result<[(String, OpenDataStream.Piece)], Error>?](repeating: nil, count: batch.count)
            rendered.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                    (base + i).pointee = Result {
                        try renderAgency(batch[i], regions: regions, keys: keys, site: site, previousPlaces: previousPlaces, cells: cells, into: sink)
                    }
                }
            }
            for result in rendered {
                for (path, piece) in try result!.get() { try openData.append(piece, path: path) }
            }
            reportsDone += batch.reduce(0) { $0 + $1.reports.count }
            progress?.advance(to: reportsDone)
        }
        try openData.finish(unpublished: try OpenData.entries(catalog.unpublished, published: false))
        progress?.finish()

        // The pages and files made from the whole catalog do not depend on one another, so they
        // are made on every core: one after another they left a core idle for most of a second
        // at 10,000 reports. The biggest come first, so that none of them starts last.
        var jobs: [() throws -> Void] = []

        // The CSV files hold every report's numbers: made again only when one of those changed.
        var csvKey = keys.start("csv")
        for report in catalog.reports { csvKey.add(keys.tables(report)) }
        for (path, make) in [("data/active-disclosure.csv", CSVExport.activeDisclosure), ("data/applications.csv", CSVExport.applications),
                             ("data/review-litigation.csv", CSVExport.reviewLitigation)] where !sink.reuse(path, key: csvKey.value) {
            jobs.append { try sink.emit(path, make(catalog.reports), key: csvKey.value) }
        }

        // Years: a page depends on every report of its year.
        let years = Self.years(catalog)
        var byYear: [Int: [Report]] = [:]
        for report in catalog.reports { if let year = report.year { byYear[year, default: []].append(report) } }
        for (i, year) in years.enumerated() {
            let previous = i > 0 ? years[i - 1] : nil, next = i + 1 < years.count ? years[i + 1] : nil
            var key = keys.start("year")
            key.add(year); key.add(previous ?? 0); key.add(next ?? 0)
            for report in byYear[year] ?? [] { key.add(keys.tables(report)) }
            if sink.reuse(Routes.year(year) + "index.html", key: key.value) { continue }
            jobs.append {
                try write(Routes.year(year), yearPage(year, catalog: catalog, previous: previous, next: next, cells: cells), "year", key: key.value)
            }
        }

        // Regions: a page depends on its agencies' reports, its parent and its children.
        let agencyBySlug = Dictionary(catalog.agencies.map { ($0.slug, $0) }) { a, _ in a }
        for region in regions.ordered {
            // Slugs are listed in catalog order, so the members keep it.
            let members = region.agencySlugs.compactMap { agencyBySlug[$0] }
            var key = keys.start("region")
            key.add(region.slug); key.add(region.chain.joined(separator: "/"))
            for relative in [region.parent].compactMap({ $0 }) + region.children {
                if let r = regions[relative] { key.add(r.slug); key.add(r.name); key.add(r.agencySlugs.count) }
            }
            for depth in stride(from: 1, to: region.chain.count, by: 1) {
                if let r = regions[Array(region.chain.prefix(depth))] { key.add(r.slug) }
            }
            for agency in members {
                key.add(agency.slug); key.add(agency.name); key.add(agency.region.joined(separator: "/"))
                for report in agency.reports { key.add(keys.tables(report)) }
            }
            if sink.reuse(Routes.region(region.slug) + "index.html", key: key.value) { continue }
            jobs.append {
                try write(Routes.region(region.slug), regionPage(region, regions: regions, catalog: catalog, members: members, cells: cells), "region", key: key.value)
            }
        }

        // The lists and the home page name every agency, year or region: each is keyed by what
        // it shows, so that a rebuild makes them again only when one of those changed (made every
        // time, they were a tenth of a one-change rebuild's work).
        var agenciesKey = keys.start("agencies")
        for agency in catalog.agencies {
            agenciesKey.add(agency.slug); agenciesKey.add(agency.name); agenciesKey.add(agency.reports.count)
            for report in agency.reports { agenciesKey.add(report.year ?? -1) }
        }
        var yearsKey = keys.start("years")
        for year in years { yearsKey.add(year); yearsKey.add(byYear[year]?.count ?? 0) }
        var regionsKey = keys.start("regions")
        for region in regions.ordered {
            regionsKey.add(region.slug); regionsKey.add(region.name)
            regionsKey.add(region.agencySlugs.count); regionsKey.add(region.chain.count)
        }
        let homeKey = Self.homeKey(catalog, regions: regions, years: years, keys: keys)
        let listed = [(Routes.agencies, agenciesKey.value), (Routes.years, yearsKey.value), (Routes.regions, regionsKey.value),
                      (Routes.home, homeKey)].filter { !sink.reuse($0.0 + "index.html", key: $0.1) }
        let remake = Set(listed.map(\.0))

        if remake.contains(Routes.agencies) { jobs.append {
            try write(Routes.agencies, ListPage(
                frame: PageFrame(site: site, route: Routes.agencies, title: "机关"),
                heading: "机关", intro: "共 \(catalog.agencies.count) 个机关，按名称拼音排列。",
                items: catalog.agencies.map { agency in
                    LinkView(label: agency.name, href: Routes.link(from: Routes.agencies, to: Routes.agency(agency.slug)),
                             note: agency.reports.compactMap(\.year).map(String.init).joined(separator: "、"))
                }), "list", key: agenciesKey.value)
        } }
        if remake.contains(Routes.years) { jobs.append {
            try write(Routes.years, ListPage(
                frame: PageFrame(site: site, route: Routes.years, title: "年度"),
                heading: "年度", intro: "每一年度各机关的主要数据对比。",
                items: years.reversed().map { year in
                    LinkView(label: "\(year)年", href: Routes.link(from: Routes.years, to: Routes.year(year)),
                             note: "\(byYear[year]?.count ?? 0) 份报告")
                }), "list", key: yearsKey.value)
        } }
        if remake.contains(Routes.regions) { jobs.append {
            try write(Routes.regions, ListPage(
                frame: PageFrame(site: site, route: Routes.regions, title: "地区"),
                heading: "地区", intro: "按行政区划浏览；下级地区的机关也计入上级地区。",
                items: regions.ordered.map { region in
                    LinkView(label: region.name, href: Routes.link(from: Routes.regions, to: Routes.region(region.slug)),
                             note: "\(region.agencySlugs.count) 个机关", depth: region.chain.count - 1)
                }), "list", key: regionsKey.value)
        } }
        for page in pages {
            jobs.append {
                let (name, title, text) = Self.markdownPage(page)
                let route = Routes.page(name)
                try write(route, ContentPage(frame: PageFrame(site: site, route: route, title: title), title: title,
                                             html: LocalMedia.neutralize(MarkdownRenderer().html(text))), "page")
            }
        }
        if remake.contains(Routes.home) {
            jobs.append { try write(Routes.home, homePage(catalog, regions: regions, years: years), "index", key: homeKey) }
        }
        jobs.append {
            try write(Routes.search, ListPage(frame: PageFrame(site: site, route: Routes.search, title: "搜索", scripts: ["search.js"]),
                                              heading: "搜索", intro: "", items: []), "search")
        }
        jobs.append {
            try sink.emit("404.html", Data(try theme.render(NotFoundPage(
                frame: PageFrame(site: site, route: Routes.home, title: "页面不存在"),
                baseURL: config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "",
                hasBaseURL: config.baseURL != nil), template: "404").utf8))
        }
        jobs.append {
            try sink.emit("feed.xml", AtomFeed.xml(reports: catalog.reports, siteTitle: config.title, baseURL: config.baseURL,
                                                   updated: AtomFeed.latestUpdated(catalog.reports) ?? "1970-01-01T00:00:00Z"))
        }
        jobs.append { try sink.emit("robots.txt", Sitemap.robots(baseURL: config.baseURL)) }
        for (path, data) in theme.assets {
            jobs.append { try sink.emit("assets/" + path, data) }
        }
        // A copy of every source file.
        for source in inputs.sources {
            jobs.append {
                if sink.reuse(Routes.source(source.path), key: keys.content[source.path] ?? 0) { return }
                try sink.emit(Routes.source(source.path), try source.data(), key: keys.content[source.path])
            }
        }
        try (0..<jobs.count).concurrentForEach { try jobs[$0]() }

        let pagePaths = sink.paths.filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
        if let sitemap = Sitemap.xml(paths: pagePaths, baseURL: config.baseURL) { try sink.emit("sitemap.xml", sitemap) }
        let renderSeconds = Double(DispatchTime.now().uptimeNanoseconds - renderStart) / 1e9
        if search.isRunning { progress?.start("search", total: 0, unit: "") }
        search.wait()
        progress?.finish()
        // `search` ran alongside `render`; `render` is counted until the pages were done.
        timer.record("render", seconds: renderSeconds)
        timer.record("search", seconds: search.seconds)
        return RenderOutcome(search: try search.result(), openData: openData.places)
    }

    /// One agency's report pages, their `report.json` files and the agency page. Returns each
    /// report's open-data entry (or its place in the last build's file), for `data/reports.json`. A report page shows its neighbours and
    /// the findings across years, so every page of the agency depends on all its reports.
    private func renderAgency(_ agency: Catalog.Agency, regions: RegionTree, keys: DependencyKeys, site: SiteView,
                              previousPlaces: [String: OpenDataStream.Place], cells: ComparisonCells,
                              into sink: OutputSink) throws -> [(String, OpenDataStream.Piece)] {
        let regionSlug = regions[agency.region]?.slug
        var agencyKey = keys.start("agency")
        agencyKey.add(agency.slug); agencyKey.add(agency.name); agencyKey.add(regionSlug ?? "")
        for report in agency.reports { agencyKey.add(keys.report(report)) }
        var entries: [(String, OpenDataStream.Piece)] = []
        for report in agency.reports {
            let route = Routes.report(report)
            if !sink.reuse(route + "index.html", key: agencyKey.value) {
                let page = ReportPage(report, agency: agency, regionSlug: regionSlug, site: site, markdown: markdown)
                try sink.emit(route + "index.html", Data(try theme.render(page, template: "report").utf8), key: agencyKey.value)
            }
            let entryKey = keys.report(report), path = route + "report.json"
            if sink.reuse(path, key: entryKey),
               let piece = previousPlaces[path].map(OpenDataStream.Piece.previous) ?? sink.reusedEntry(path).map(OpenDataStream.Piece.bytes) {
                entries.append((path, piece))
            } else {
                let entry = try OpenData.entry(report)
                try sink.emit(path, OpenData.single(entry), key: entryKey)
                entries.append((path, .bytes(entry)))
            }
        }
        if !sink.reuse(Routes.agency(agency.slug) + "index.html", key: agencyKey.value) {
            try sink.emit(Routes.agency(agency.slug) + "index.html",
                          Data(try theme.render(agencyPage(agency, regionSlug: regionSlug, cells: cells), template: "agency").utf8),
                          key: agencyKey.value)
        }
        return entries
    }

    /// A Markdown page's name (from its file), title (its first `# ` heading) and text.
    static func markdownPage(_ page: SourceFile) -> (name: String, title: String, text: String) {
        let name = String(page.path.dropFirst("pages/".count).dropLast(".md".count))
        let text = String(decoding: page.data, as: UTF8.self)
        let title = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? name
        return (name, title, text)
    }

    static func years(_ catalog: Catalog) -> [Int] {
        Array(Set(catalog.reports.compactMap(\.year))).sorted()
    }

    func agencyPage(_ agency: Catalog.Agency, regionSlug: String?, cells: ComparisonCells = ComparisonCells()) -> AgencyPage {
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
                                             totals: false, id: "trend", cells: cells),
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

    func yearPage(_ year: Int, catalog: Catalog, previous: Int?, next: Int?, cells: ComparisonCells = ComparisonCells()) -> YearPage {
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
            table: ComparisonTable.html(caption: "\(year)年各机关主要数据", firstColumn: "机关", rows: rows, totals: true, id: "year-\(year)",
                                        cells: cells),
            previous: previous.map { LinkView(label: "\($0)年", href: Routes.link(from: route, to: Routes.year($0))) },
            next: next.map { LinkView(label: "\($0)年", href: Routes.link(from: route, to: Routes.year($0))) })
    }

    /// - Parameters:
    ///   - members: the region's agencies in catalog order, when the caller has them
    ///     (looking them up in the whole catalog for each of hundreds of regions added up).
    ///   - cells: the reports' comparison-table cells, shared with the build's other pages.
    func regionPage(_ region: RegionTree.Region, regions: RegionTree, catalog: Catalog,
                    members: [Catalog.Agency]? = nil, cells: ComparisonCells = ComparisonCells()) -> RegionPage {
        let route = Routes.region(region.slug)
        let agencies = members ?? {
            let slugs = Set(region.agencySlugs)
            return catalog.agencies.filter { slugs.contains($0.slug) }
        }()
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
                    rows: rowsByYear[year]!, totals: true, id: "region-\(year)", cells: cells))
            })
    }

    /// Everything `homePage` shows: the counts, every agency, the years, the top regions, the
    /// latest year's reports and numbers (`keys.tables`), and why each unpublished report is
    /// (`keys.report`: its findings).
    static func homeKey(_ catalog: Catalog, regions: RegionTree, years: [Int], keys: DependencyKeys) -> UInt64 {
        var key = keys.start("home")
        key.add(catalog.reports.count); key.add(regions.ordered.count)
        key.add(years.count)
        for year in years { key.add(year) }
        key.add(catalog.agencies.count)
        for agency in catalog.agencies { key.add(agency.slug); key.add(agency.name) }
        key.add(regions.roots.count)
        for root in regions.roots { key.add(root.slug); key.add(root.name); key.add(root.agencySlugs.count) }
        for report in catalog.reports where report.year == years.last { key.add(keys.tables(report)) }
        key.add(catalog.unpublished.count)
        for report in catalog.unpublished { key.add(keys.report(report)) }
        return key.value
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
