import Foundation
import ReportModel

/// `data/reports.json`: the portal's open data in the stable schema `sitegen.reports/1`
/// (see DESIGN.md). Missing values are null, never 0.
public struct OpenData: Encodable {
    public static let schemaVersion = "sitegen.reports/1"

    struct Entry: Encodable {
        struct SectionEntry: Encodable {
            var number: Int
            var title: String
            var text: String
        }
        struct DiagnosticEntry: Encodable {
            var severity: String
            var rule: String
            var message: String
            var file: String
            var line: Int
            var column: Int
        }
        var id: String
        var agency: String
        var agencySlug: String
        var region: [String]
        var year: Int?
        var template: String
        var source: String
        var url: String
        var title: String
        var sections: [SectionEntry]
        var activeDisclosure: Table
        var applications: Table
        var reviewLitigation: Table
        var diagnostics: [DiagnosticEntry]
    }

    /// Row → column → number or null, encoded with null kept.
    struct Table: Encodable {
        var table: ReportTable

        func encode(to encoder: Encoder) throws {
            var rows = encoder.container(keyedBy: Key.self)
            for row in table.shape.rows {
                var columns = rows.nestedContainer(keyedBy: Key.self, forKey: Key(row.key))
                for column in row.columns {
                    try columns.encode(table[row.key, column].number, forKey: Key(column))
                }
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    let schema = OpenData.schemaVersion
    let reports: [Entry]
    /// Files that could not be published (unreadable, no agency or year, a duplicate), with
    /// whatever was read and their findings; `url` is empty.
    let unpublished: [Entry]

    public init(reports: [Report], unpublished: [Report] = []) {
        self.reports = reports.map { Self.entry($0, published: true) }
        self.unpublished = unpublished.map { Self.entry($0, published: false) }
    }

    private static func entry(_ report: Report, published: Bool) -> Entry {
            Entry(id: report.id, agency: report.agency, agencySlug: report.agencySlug, region: report.region,
                  year: report.year, template: report.template.rawValue, source: report.source,
                  url: published ? Routes.report(report) : "", title: report.title,
                  sections: report.sections.map { .init(number: $0.number, title: $0.title, text: $0.text) },
                  activeDisclosure: Table(table: report.activeDisclosure),
                  applications: Table(table: report.applications),
                  reviewLitigation: Table(table: report.reviewLitigation),
                  diagnostics: report.diagnostics.map {
                      .init(severity: $0.severity.rawValue, rule: $0.rule, message: $0.message,
                            file: $0.location.file, line: $0.location.line, column: $0.location.column)
                  })
    }

    // The file written piece by piece, byte for byte what `json()` gives: keys are sorted, so
    // `reports` comes first, then `schema`, then `unpublished`.
    static let prefix = #"{"reports":["#
    static let middle = #"],"schema":""# + schemaVersion + #"","unpublished":["#
    static let suffix = "]}\n"

    /// One report's entry, as it appears inside the `reports` array.
    static func entry(_ report: Report, published: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entry(report, published: published) as Entry)
    }

    /// The entries of `reports`, comma-separated.
    static func entries(_ reports: [Report], published: Bool) throws -> Data {
        var out = Data()
        for (i, report) in reports.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(try entry(report, published: published))
        }
        return out
    }

    /// A `report.json`: the open data of one published report.
    static func single(_ entry: Data) -> Data {
        var out = Data(prefix.utf8)
        out.append(entry)
        out.append(contentsOf: middle.utf8)
        out.append(contentsOf: suffix.utf8)
        return out
    }

    /// The entry inside a `report.json` written by `single`, or nil if the file is not one.
    static func entry(inSingle data: Data) -> Data? {
        let head = Data(prefix.utf8), tail = Data((middle + suffix).utf8)
        guard data.count > head.count + tail.count, data.starts(with: head), data.suffix(tail.count).elementsEqual(tail) else { return nil }
        return data.subdata(in: (data.startIndex + head.count)..<(data.endIndex - tail.count))
    }

    /// Deterministic JSON: sorted keys, no escaped slashes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
