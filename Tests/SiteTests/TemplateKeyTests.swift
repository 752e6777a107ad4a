import Foundation
import Mustache
@testable import Site
import XCTest

/// The page view models answer template lookups through `MustacheParent.child(named:)` instead
/// of swift-mustache's `Mirror` fallback. These tests hold each answer to what Mirror would give,
/// so a property added to a view model but not to its `child(named:)` fails here instead of
/// rendering as empty text.
final class TemplateKeyTests: XCTestCase {
    /// The reports of the fixtures, and one file that is no report (listed as unpublished).
    static let catalog: Catalog = {
        var sources: [SourceFile] = []
        for content in ["Content", "Tests/Fixtures/portal", "Tests/Fixtures/hostile"] {
            sources += (try? ContentLoader.reportFiles(in: BuildTests.root.appendingPathComponent(content))) ?? []
        }
        sources.append(SourceFile(path: "reports/zz-not-a-report.txt", data: Data("会议纪要\n".utf8)))
        return SiteBuilder.analyze(sources).catalog
    }()

    static var models: [(String, Any)] = {
        let root = BuildTests.root
        var config = SiteConfig()
        config.footer = "页脚"
        config.baseURL = "https://example.gov.cn/"
        let theme = try! Theme(directory: root.appendingPathComponent("Themes/default"))
        let renderer = SiteRenderer(config: config, theme: theme)
        let site = renderer.site
        let regions = RegionTree(catalog.agencies)
        let years = SiteRenderer.years(catalog)

        var models: [(String, Any)] = []
        for agency in catalog.agencies {
            let regionSlug = regions[agency.region]?.slug
            for report in agency.reports {
                models.append(("report", ReportPage(report, agency: agency, regionSlug: regionSlug, site: site,
                                                    markdown: renderer.markdown)))
            }
            models.append(("agency", renderer.agencyPage(agency, regionSlug: regionSlug)))
        }
        for (i, year) in years.enumerated() {
            models.append(("year", renderer.yearPage(year, catalog: catalog, previous: i > 0 ? years[i - 1] : nil,
                                                     next: i + 1 < years.count ? years[i + 1] : nil)))
        }
        for region in regions.ordered {
            models.append(("region", renderer.regionPage(region, regions: regions, catalog: catalog)))
        }
        models.append(("index", renderer.homePage(catalog, regions: regions, years: years)))
        let frame = PageFrame(site: site, route: Routes.search, title: "搜索", breadcrumbs: [("年度", Routes.years)],
                              scripts: ["search.js"])
        models.append(("list", ListPage(frame: frame, heading: "机关", intro: "说明",
                                        items: [LinkView(label: "甲", href: "a/", note: "注", depth: 1)])))
        models.append(("search", ListPage(frame: frame, heading: "搜索", intro: "", items: [])))
        models.append(("page", ContentPage(frame: frame, title: "关于", html: "<p>关于</p>")))
        models.append(("404", NotFoundPage(frame: frame, baseURL: "https://example.gov.cn/", hasBaseURL: true)))
        return models
    }()

    /// Every stored property, at every depth, is answered with the value Mirror finds; any other
    /// name is nil, so the lookup climbs the context stack as it does with Mirror.
    func testEveryViewModelAnswersLikeMirror() {
        XCTAssertGreaterThan(Self.models.filter { $0.0 == "report" }.count, 5)
        for (template, model) in Self.models {
            assertAnswersLikeMirror(model, path: template)
        }
    }

    /// Every name the default theme's templates look up is a stored property of a view model,
    /// so no `{{name}}` renders empty for want of a key.
    func testEveryTemplateNameIsAViewModelProperty() throws {
        var labels: Set<String> = []
        for (_, model) in Self.models { collectLabels(model, into: &labels) }
        let folder = BuildTests.root.appendingPathComponent("Themes/default/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for key in Self.lookups(in: text) {
                XCTAssertTrue(labels.contains(key), "\(name): {{\(key)}} is no view-model property")
            }
        }
    }

    /// Each page renders with its template exactly as with a Mirror-only copy of the model.
    func testRenderingMatchesMirrorLookups() throws {
        let theme = try Theme(directory: BuildTests.root.appendingPathComponent("Themes/default"))
        for (template, model) in Self.models {
            let fast = try theme.render(model, template: template)
            let reflected = try theme.render(MirrorOnly.wrap(model), template: template)
            XCTAssertEqual(fast, reflected, template)
        }
    }

    // MARK: - Helpers

    private func assertAnswersLikeMirror(_ value: Any, path: String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?, .optional?:
            for (i, child) in mirror.children.enumerated() { assertAnswersLikeMirror(child.value, path: "\(path)[\(i)]") }
        case .struct?:
            guard let parent = value as? MustacheParent else {
                return XCTFail("\(path): \(type(of: value)) does not conform to MustacheParent")
            }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let expected = Self.unwrapped(child.value)
                let answered = parent.child(named: label)
                XCTAssertEqual(answered.map(Self.dumped), expected.map(Self.dumped), "\(path).\(label)")
                assertAnswersLikeMirror(child.value, path: "\(path).\(label)")
            }
            XCTAssertNil(parent.child(named: "noSuchName"), path)
            XCTAssertNil(parent.child(named: ""), path)
        default:
            break
        }
    }

    private func collectLabels(_ value: Any, into labels: inout Set<String>) {
        for child in Mirror(reflecting: value).children {
            if let label = child.label, Mirror(reflecting: value).displayStyle == .struct { labels.insert(label) }
            collectLabels(child.value, into: &labels)
        }
    }

    /// Names looked up by the tags of a template: `{{a.b}}`, `{{#a}}`, `{{^empty(a)}}` give a, b.
    static func lookups(in template: String) -> [String] {
        var keys: [String] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") { tag.removeFirst() }
            guard let sigil = tag.first else { continue }
            // Partials, parents, blocks, comments and pragmas name templates or blocks, not values;
            // a closing tag repeats its opening one.
            if ">!<$%=/".contains(sigil) { continue }
            if "#^&".contains(sigil) { tag.removeFirst() }
            if let open = tag.firstIndex(of: "("), tag.hasSuffix(")") {
                tag = String(tag[tag.index(after: open)..<tag.index(before: tag.endIndex)])
            }
            keys += tag.split(separator: ".").map(String.init)
        }
        return keys.filter { !$0.isEmpty && $0 != "main" }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    private static func dumped(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// A copy of a view model that swift-mustache can only read through Mirror: structs become
/// classes of stored children, looked up by label the way its Mirror fallback does.
private final class MirrorOnly: CustomReflectable {
    let children: [(String, Any)]

    init(_ children: [(String, Any)]) { self.children = children }

    var customMirror: Mirror {
        Mirror(self, children: children.map { (label: Optional($0.0), value: $0.1) })
    }

    static func wrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?:
            return MirrorOnly(mirror.children.map { ($0.label!, wrapChild($0.value)) })
        case .collection?:
            return mirror.children.map { wrap($0.value) }
        default:
            return value
        }
    }

    /// Optionals stay optionals (Mirror's lookup unwraps them); their contents are wrapped.
    private static func wrapChild(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return wrap(value) }
        return mirror.children.first.map { Optional<Any>.some(wrap($0.value)) } ?? Optional<Any>.none as Any
    }
}
