import Foundation
import Mustache
@testable import Site
import XCTest

/// Partials that read only the page frame are made once per distinct frame values
/// (`FramePartials`); a page must come out exactly as the templates as written make it.
final class FramePartialsTests: XCTestCase {
    func testTheDefaultHeaderAndFooterReadOnlyTheFrame() throws {
        let templates = BuildTests.root.appendingPathComponent("Themes/default/templates")
        var sources: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            sources[String(name.dropLast(".mustache".count))] = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
        }
        XCTAssertEqual(FramePartials.qualifying(sources), ["header": ["root", "site", "nav", "searchAction"],
                                                           "footer": ["root", "site"]])
    }

    func testWhatAPartialMayReadAndStillQualify() {
        let cases: [(String, Set<String>?)] = [
            ("<a href=\"{{frame.root}}\">{{frame.site.title}}</a>", ["root", "site"]),
            ("{{#frame.nav}}<a href=\"{{href}}\"{{#current}} c{{/current}}>{{label}}</a>{{/frame.nav}}", ["nav"]),
            ("{{^empty(frame.pageTitle)}}<b>{{frame.pageTitle}}</b>{{/empty(frame.pageTitle)}}{{! note }}", ["pageTitle"]),
            ("{{#frame.scripts}}<script src=\"{{.}}\"></script>{{/frame.scripts}}", ["scripts"]),
            ("{{frame.unknown}}", ["unknown"]),
            ("plain text", []),
            // The page's own values, or names a section's value might answer first.
            ("{{title}}", nil),
            ("{{#frame.nav}}{{title}}{{/frame.nav}}", nil),
            ("{{#frame.hasBreadcrumbs}}{{label}}{{/frame.hasBreadcrumbs}}", nil),
            ("{{#frame.site}}{{title}}{{/frame.site}}", nil),
            ("{{#frame}}{{root}}{{/frame}}", nil),
            ("{{.}}", nil),
            // What this reading does not follow.
            ("{{> other}}", nil),
            ("{{<layout}}{{/layout}}", nil),
            ("{{=<% %>=}}<% frame.root %>", nil),
            ("{{#frame.nav}}unclosed", nil),
            ("{{frame.root", nil),
        ]
        for (source, fields) in cases {
            XCTAssertEqual(FramePartials.frameFields(of: source), fields, source)
        }
    }

    func testIncludesAreReplacedOnlyWhereTheOutputStaysTheSame() {
        let partials: [String: Set<String>] = ["h": ["root"]]
        // Standalone: the tag's line goes, as Mustache drops it.
        XCTAssertEqual(FramePartials.rewrite("a\n{{> h}}\nb", partials: partials), "a\n{{{_partial.h}}}b")
        XCTAssertEqual(FramePartials.rewrite("a\n{{>h}}  \r\nb", partials: partials), "a\n{{{_partial.h}}}b")
        XCTAssertEqual(FramePartials.rewrite("a\n{{> h}}", partials: partials), "a\n{{{_partial.h}}}")
        // Inline: just the tag.
        XCTAssertEqual(FramePartials.rewrite("<p>{{> h}}</p>\n", partials: partials), "<p>{{{_partial.h}}}</p>\n")
        // Left alone: indented standalone (it indents the partial), inside a section, other partials.
        XCTAssertNil(FramePartials.rewrite("a\n  {{> h}}\nb", partials: partials))
        XCTAssertNil(FramePartials.rewrite("{{#items}}{{> h}}{{/items}}", partials: partials))
        XCTAssertNil(FramePartials.rewrite("{{> other}}", partials: partials))
        XCTAssertEqual(FramePartials.rewrite("{{#x}}{{/x}}{{> h}}|{{> h}}", partials: partials),
                       "{{#x}}{{/x}}{{{_partial.h}}}|{{{_partial.h}}}")
    }

    /// A theme whose partials read different frame fields, and one that reads the page: every
    /// page renders as the plain library renders it, including pages whose frames differ only
    /// in the field a memoized partial reads.
    func testPagesRenderAsTheTemplatesAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let sources = [
            "list": "{{> crumbs}}\n<h1>{{heading}}</h1>{{> title}}|{{> page}}\n  {{> crumbs}}\n{{#items}}{{> title}}{{/items}}",
            "crumbs": "{{#frame.hasBreadcrumbs}}{{#frame.breadcrumbs}}<a href=\"{{href}}\">{{label}}</a>{{/frame.breadcrumbs}}{{/frame.hasBreadcrumbs}}\n",
            "title": "<title>{{frame.pageTitle}} · {{frame.site.title}}</title>",
            "page": "{{heading}}",
        ]
        for (name, source) in sources {
            try source.write(to: templates.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        let theme = try Theme(directory: folder)
        XCTAssertEqual(Set(theme.framePartials.fields.keys), ["crumbs", "title"])
        var plain = MustacheLibrary()
        for (name, source) in sources { try plain.register(source, named: name) }

        let site = SiteView(title: "门户", description: "", language: "zh-CN", footer: "", generator: "sitegen")
        let pages = [("甲", [("年度", Routes.years)]), ("乙", [("年度", Routes.years)]), ("甲", []), ("甲", [("地区", Routes.regions)])]
            .map { title, crumbs in
                ListPage(frame: PageFrame(site: site, route: Routes.search, title: title, breadcrumbs: crumbs),
                         heading: "标题" + title, intro: "", items: [LinkView(label: "a", href: "b")])
            }
        var outputs: Set<String> = []
        for page in pages + pages {
            let output = try theme.render(page, template: "list")
            XCTAssertEqual(output, plain.render(page, withTemplate: "list"))
            outputs.insert(output)
        }
        XCTAssertEqual(outputs.count, 4)
        XCTAssertEqual(try theme.render(pages[1], template: "list"), """
            <a href="../years/index.html">年度</a>
            <h1>标题乙</h1><title>乙 · 门户</title>|标题乙
              <a href="../years/index.html">年度</a>
            <title>乙 · 门户</title>
            """)
    }
}
