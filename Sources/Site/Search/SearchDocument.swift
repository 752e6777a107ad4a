import Foundation
import ReportModel

/// One searchable document: a report or a content page, with what the index and the
/// result list need.
struct SearchDocument: Encodable {
    struct Part: Encodable {
        var title: String
        var anchor: String
        var text: String
    }

    var title: String
    var agency: String
    var year: Int?
    var region: [String]
    var url: String
    var kind: String
    var sections: [Part]
    /// Not stored in the document file: filter tokens and the ranking field.
    var agencySlug: String = ""

    enum CodingKeys: String, CodingKey { case title, agency, year, region, url, kind, sections }

    init(report: Report) {
        self.init(metadataOf: report)
        sections = report.sections.map { section in
            Part(title: "\(ReportPage.chineseNumbers[section.number - 1])、\(section.title)", anchor: "section-\(section.number)",
                 text: section.text)
        }
        // Table rows that hold a non-zero value, so 行政复议 finds reports that had one.
        // By the shape's positions of each row's cells: no key looked up per cell.
        let labels = [report.activeDisclosure, report.applications, report.reviewLitigation].flatMap { table in
            zip(table.shape.rows, table.shape.rowPositions).filter { _, positions in
                positions.contains { $0.flatMap(table.number(at:)).map { !$0.isZero } ?? false }
            }.map(\.0.label)
        }
        if !labels.isEmpty {
            let anchor = report.applications.shape.rows.isEmpty ? "section-2" : "section-3"
            sections.append(Part(title: "表格中有数值的项目", anchor: anchor, text: labels.joined(separator: "；")))
        }
    }

    /// The report's document without its text: what the manifest, the filters and the list of
    /// documents need (a patched index reads the text of the changed documents only).
    init(metadataOf report: Report) {
        title = report.title
        agency = report.agency
        year = report.year
        region = report.region
        url = Routes.report(report) + "index.html"
        kind = "report"
        agencySlug = report.agencySlug
        sections = []
    }

    init(page title: String, name: String, text: String) {
        self.title = title
        agency = ""
        year = nil
        region = []
        url = Routes.page(name) + "index.html"
        kind = "page"
        sections = [Part(title: title, anchor: "main", text: Self.plainText(markdown: text))]
    }

    static let markdownLink = try! NSRegularExpression(pattern: #"!?\[([^\]]*)\]\([^)]*\)"#)

    /// Markdown without its markup, for snippets: links keep their text, tables their cells.
    static func plainText(markdown: String) -> String {
        let ns = markdown as NSString
        let linked = markdownLink.stringByReplacingMatches(in: markdown, range: NSRange(location: 0, length: ns.length), withTemplate: "$1")
        return linked.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            var l = String(line)
            if l.allSatisfy({ "|-: ".contains($0) }) && l.contains("-") { return nil }  // table rule
            while l.hasPrefix("#") || l.hasPrefix(">") { l.removeFirst() }
            l = l.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
            l = l.replacingOccurrences(of: "|", with: " ")
            return l.trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// The title field, ranked first.
    var fieldText: String { fieldPieces.joined(separator: "\n") }

    var fieldPieces: [String] { [title, agency] + region }

    /// The filter tokens (docs/search-index.md), each once per document.
    var filterTokens: [String] {
        var tokens: [String] = []
        if let year { tokens.append("y:\(year)") }
        tokens += region.map { "r:" + $0 }
        if !agencySlug.isEmpty { tokens.append("a:" + agencySlug) }
        tokens.append("k:" + kind)
        return tokens
    }

    var bodyText: String {
        ([fieldText, year.map { "\($0)年" } ?? ""] + sections.flatMap { [$0.title, $0.text] }).joined(separator: "\n")
    }
}
