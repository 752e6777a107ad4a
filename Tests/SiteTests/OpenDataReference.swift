import Foundation
import ReportModel
@testable import Site

/// The definition of the open data (schema `sitegen.reports/1`): the `Encodable` model that
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` encoded before the JSON was
/// written by hand. `OpenDataEntryWriter` must give these bytes.
struct OpenDataReference: Encodable {
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

        init(_ report: Report, published: Bool) {
            id = report.id
            agency = report.agency
            agencySlug = report.agencySlug
            region = report.region
            year = report.year
            template = report.template.rawValue
            source = report.source
            url = published ? Routes.report(report) : ""
            title = report.title
            sections = report.sections.map { .init(number: $0.number, title: $0.title, text: $0.text) }
            activeDisclosure = Table(table: report.activeDisclosure)
            applications = Table(table: report.applications)
            reviewLitigation = Table(table: report.reviewLitigation)
            diagnostics = report.diagnostics.map {
                .init(severity: $0.severity.rawValue, rule: $0.rule, message: $0.message,
                      file: $0.location.file, line: $0.location.line, column: $0.location.column)
            }
        }
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
    let unpublished: [Entry]

    init(reports: [Report], unpublished: [Report] = []) {
        self.reports = reports.map { Entry($0, published: true) }
        self.unpublished = unpublished.map { Entry($0, published: false) }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func entry(_ report: Report, published: Bool) throws -> Data {
        try encoder.encode(Entry(report, published: published))
    }

    func json() throws -> Data {
        var data = try Self.encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
