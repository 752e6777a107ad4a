import Foundation
import Mustache
@testable import Site
import XCTest

/// The theme renders with its own HTML escaping (`HTMLEscaping`); these tests hold it to
/// swift-mustache's default escaping, and template errors to the lines as written.
final class ThemeTests: XCTestCase {
    /// Every page of the fixtures renders exactly as with swift-mustache's default escaping.
    func testPagesMatchTheLibrarysOwnEscaping() throws {
        let folder = BuildTests.root.appendingPathComponent("Themes/default")
        let theme = try Theme(directory: folder)
        var plain = MustacheLibrary()
        let templates = folder.appendingPathComponent("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            try plain.register(String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8),
                               named: String(name.dropLast(".mustache".count)))
        }
        var rendered = 0
        for (template, model) in TemplateKeyTests.models {
            XCTAssertEqual(try theme.render(model, template: template), plain.render(model, withTemplate: template), template)
            rendered += 1
        }
        XCTAssertGreaterThan(rendered, 20)
    }

    func testEscapesTheFiveCharactersLikeTheLibrary() throws {
        var plain = MustacheLibrary()
        try plain.register("{{v}}|{{{v}}}", named: "t")
        var fast = MustacheLibrary()
        try fast.register(HTMLEscaping.pragma + "{{v}}|{{{v}}}", named: "t")
        for value in ["", "威海市", "<a href=\"x\">'&'</a>", "&amp;", "1 < 2 > 0", "表情😀<b>", "e\u{301}&", "'\"'\"'"] {
            XCTAssertEqual(fast.render(["v": value], withTemplate: "t"), plain.render(["v": value], withTemplate: "t"), value)
        }
        XCTAssertEqual(fast.render(["v": "<i>'甲'&\"乙\"</i>"], withTemplate: "t"),
                       "&lt;i&gt;&#39;甲&#39;&amp;&quot;乙&quot;&lt;/i&gt;|<i>'甲'&\"乙\"</i>")
    }

    /// Strings, Ints and Bools render through `MustacheCustomRenderable` (TemplateLeafValues.swift):
    /// as `String(describing:)` prints them, still escaped by the theme's content type, and as
    /// sections exactly as the library treats any other value.
    func testLeafValuesRenderAsPrintedAndStayEscaped() throws {
        let template = "{{s}}|{{{s}}}|{{&s}}|{{i}}|{{{i}}}|{{t}}|{{f}}|{{{t}}}"
            + "|{{#t}}T{{/t}}{{^t}}!T{{/t}}|{{#f}}F{{/f}}{{^f}}!F{{/f}}"
            + "|{{#s}}[{{.}}]{{/s}}{{^s}}!S{{/s}}|{{#e}}[{{.}}]{{/e}}{{^e}}!E{{/e}}"
            + "|{{#i}}<{{.}}>{{/i}}{{^i}}!I{{/i}}|{{#z}}<{{.}}>{{/z}}{{^z}}!Z{{/z}}"
            + "|{{^empty(s)}}full{{/empty(s)}}{{#empty(e)}}empty{{/empty(e)}}|{{i.count}}"
        let values: [String: Any] = ["s": "<a href=\"x\">'&'</a>", "e": "", "i": -42, "z": 0, "t": true, "f": false]
        var fast = MustacheLibrary()
        try fast.register(HTMLEscaping.pragma + template, named: "t")
        var plain = MustacheLibrary()
        try plain.register(template, named: "t")
        let escaped = "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", raw = "<a href=\"x\">'&'</a>"
        let expected = "\(escaped)|\(raw)|\(raw)|-42|-42|true|false|true|T|!F|[\(escaped)]|[]|<-42>|<0>|fullempty|"
        XCTAssertEqual(fast.render(values, withTemplate: "t"), expected)
        XCTAssertEqual(plain.render(values, withTemplate: "t"), expected)
        XCTAssertEqual(String(describing: -42), (-42).renderText)
        XCTAssertEqual(String(describing: true) + String(describing: false), true.renderText + false.renderText)
    }

    /// A broken template is named with the line and column as the theme's author wrote them.
    func testTemplateErrorNamesTheLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<p>\n  <b>{{title}}</b>\n  {{#items}}{{name}}{{/item}}\n</p>\n".write(
            to: templates.appendingPathComponent("broken.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Theme(directory: folder)) { error in
            XCTAssertEqual("\(error)", "模板 broken 有误：第 3 行第 24 列：sectionCloseNameIncorrect（{{#items}}{{name}}{{/item}}）")
        }
    }
}
