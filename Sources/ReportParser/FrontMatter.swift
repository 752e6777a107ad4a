import Foundation
import ReportModel
import Yams

/// The optional YAML block at the top of a report (`---` … `---`). Its fields override
/// what the parser infers from the title and body.
public struct FrontMatter: Hashable, Sendable {
    public var agency: String?
    public var year: Int?
    public var slug: String?
    public var region: [String]?
    public var sourceURL: String?
    public var published: String?
    public var title: String?

    public init() {}

    static let knownKeys: Set<String> = ["agency", "year", "slug", "region", "source_url", "published", "title"]

    /// Splits the front matter off `lines`. Returns the parsed block (nil when there is none),
    /// the remaining lines, and diagnostics for a malformed block.
    static func split(_ lines: [SourceLine], file: String) -> (FrontMatter?, [SourceLine], [Diagnostic]) {
        guard let first = lines.firstIndex(where: { !isBlank($0.text) }),
              mayBeFence(lines[first].text),
              lines[first].text.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines[(first + 1)...].firstIndex(where: {
                  let t = $0.text.trimmingCharacters(in: .whitespaces)
                  return t == "---" || t == "..."
              })
        else { return (nil, lines, []) }

        let yaml = lines[(first + 1)..<close].map(\.text).joined(separator: "\n")
        let rest = Array(lines[(close + 1)...])
        let at = SourceLocation(file: file, line: lines[first].number)
        let node: Any?
        do {
            node = try Yams.load(yaml: yaml)
        } catch {
            let line = (error as? YamlError).flatMap(Self.line(of:)).map { lines[first].number + $0 } ?? at.line
            return (nil, rest, [Diagnostic(.error, rule: "meta.front-matter",
                                           "文件头 YAML 无法解析，已忽略：\(Self.describe(error))",
                                           at: SourceLocation(file: file, line: line))])
        }
        guard let map = node as? [String: Any] else {
            if node == nil { return (FrontMatter(), rest, []) }
            return (nil, rest, [Diagnostic(.error, rule: "meta.front-matter",
                                           "文件头 YAML 应为键值对，已忽略", at: at)])
        }
        var matter = FrontMatter()
        var diagnostics: [Diagnostic] = []
        func string(_ key: String) -> String? {
            guard let value = map[key] else { return nil }
            // YAML reads `2023-01-20` as a timestamp; keep the date as written.
            if let date = value as? Date { return Self.dateFormatter.string(from: date) }
            let text = "\(value)".trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        matter.agency = string("agency")
        matter.slug = string("slug")
        matter.sourceURL = string("source_url")
        matter.published = string("published")
        matter.title = string("title")
        if let year = map["year"] {
            if let value = year as? Int, (1990...2100).contains(value) {
                matter.year = value
            } else {
                diagnostics.append(Diagnostic(.error, rule: "meta.front-matter",
                                              "文件头 year 不是有效年份：\(year)", at: at))
            }
        }
        if let region = map["region"] {
            if let list = region as? [Any] {
                matter.region = list.map { "\($0)" }.filter { !$0.isEmpty }
            } else {
                matter.region = "\(region)".split(whereSeparator: { "/›>，,".contains($0) })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        for key in map.keys.sorted() where !knownKeys.contains(key) {
            diagnostics.append(Diagnostic(.warning, rule: "meta.front-matter",
                                          "文件头含未知字段 \(key)，已忽略", at: at))
        }
        return (matter, rest, diagnostics)
    }

    /// Whether the line trims (by `.whitespaces`) to nothing; by scalars, as Foundation's
    /// trimming was slow for the long first line of most reports.
    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) }
    }

    /// A necessary condition for trimming to `---`: the first scalar that is not whitespace is `-`.
    private static func mayBeFence(_ text: String) -> Bool {
        text.unicodeScalars.first { !CharacterSet.whitespaces.contains($0) } == "-"
    }

    static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func describe(_ error: Error) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
