import Foundation
import ReportModel

/// A parsed and checked report in the cache's byte format. Every field is kept, so a report read
/// back equals the one written (tested), and pages made from it are the same bytes.
enum ReportCodec {
    static func encode(_ report: Report, into w: inout BinaryWriter) {
        w.string(report.source)
        w.string(report.title)
        w.string(report.agency)
        w.string(report.agencySlug)
        w.strings(report.region)
        w.int(report.year ?? Int.min)
        w.string(report.template.rawValue)
        w.int(report.sections.count)
        for section in report.sections {
            w.int(section.number)
            w.string(section.title)
            section.withTextUTF8 { w.utf8($0) }
            location(section.location, file: report.source, into: &w)
        }
        for table in [report.activeDisclosure, report.applications, report.reviewLitigation] {
            encode(table, file: report.source, into: &w)
        }
        w.int(report.diagnostics.count)
        for d in report.diagnostics {
            w.bool(d.severity == .error)
            w.string(d.rule)
            w.string(d.message)
            location(d.location, file: report.source, into: &w)
        }
        w.optionalString(report.sourceURL)
        w.optionalString(report.published)
    }

    /// - Parameter previous: the report read before this one: Strings equal to its own (section
    ///   titles, region names) are shared with it, not made again.
    static func decode(from r: inout BinaryReader, previous: Report? = nil) throws -> Report {
        let source = try r.string()
        let title = try r.string()
        let agency = try r.string(reusing: previous?.agency)
        let agencySlug = try r.string()
        let regionCount = try r.int()
        guard regionCount >= 0, regionCount <= r.remaining else { throw BinaryReader.Truncated() }
        let region = try (0..<regionCount).map { i in
            try r.string(reusing: previous.flatMap { i < $0.region.count ? $0.region[i] : nil })
        }
        let year = try r.int()
        guard let template = TemplateVersion(rawValue: try r.string()) else { throw BinaryReader.Truncated() }
        var report = Report(source: source, title: title, agency: agency, agencySlug: agencySlug, region: region,
                            year: year == Int.min ? nil : year, template: template)
        let sectionCount = try r.int()
        let previousSections = previous?.sections ?? []
        for i in 0..<max(0, sectionCount) {
            let number = try r.int()
            let title = try r.string(reusing: i < previousSections.count ? previousSections[i].title : nil)
            let text = try r.deferredString()  // read only if its pages are made again
            report.sections.append(Section(number: number, title: title, text: text, location: try location(from: &r, file: source)))
        }
        report.activeDisclosure = try decodeTable(from: &r, file: source)
        report.applications = try decodeTable(from: &r, file: source)
        report.reviewLitigation = try decodeTable(from: &r, file: source)
        let diagnosticCount = try r.int()
        for _ in 0..<max(0, diagnosticCount) {
            let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
            let rule = try r.string()
            let message = try r.string()
            report.diagnostics.append(Diagnostic(severity, rule: rule, message, at: try location(from: &r, file: source)))
        }
        report.sourceURL = try r.optionalString()
        report.published = try r.optionalString()
        return report
    }

    /// The shapes a table can have, by number: tables are rebuilt from their shape, then filled.
    private static let shapes: [TableShape] = TemplateVersion.allCases.flatMap {
        [TableShape.activeDisclosure($0), TableShape.applications($0)]
    } + [TableShape.reviewLitigation]

    private static func encode(_ table: ReportTable, file: String, into w: inout BinaryWriter) {
        guard let shape = shapes.firstIndex(of: table.shape) else {
            preconditionFailure("table shape \(table.shape.name) is not one of the template's")
        }
        w.int(shape)
        // The cells as the table keeps them (`ReportTable.Stored`), not value by value.
        let stored = table.stored
        w.optionalString(stored.file)
        for bits in stored.cells { w.uint64(bits) }
        w.int(stored.overflow.count)
        for (position, value) in stored.overflow {
            w.int(position)
            w.int((value.number != nil ? 1 : 0) | (value.location != nil ? 2 : 0))
            if let number = value.number { w.decimal(number) }
            if let at = value.location { location(at, file: file, into: &w) }
        }
    }

    private static func decodeTable(from r: inout BinaryReader, file: String) throws -> ReportTable {
        let index = try r.int()
        guard shapes.indices.contains(index) else { throw BinaryReader.Truncated() }
        let shape = shapes[index]
        let cellsFile = try r.optionalString()
        let cells = try r.uint64s(shape.cellCount)
        let overflowCount = try r.int()
        guard overflowCount >= 0, overflowCount <= shape.cellCount else { throw BinaryReader.Truncated() }
        var overflow: [(position: Int, value: TableValue)] = []
        for _ in 0..<overflowCount {
            let position = try r.int()
            let flags = try r.int()
            let number = flags & 1 != 0 ? try r.decimal() : nil
            let at = flags & 2 != 0 ? try location(from: &r, file: file) : nil
            overflow.append((position, TableValue(number, at: at)))
        }
        guard let table = ReportTable(shape: shape, stored: .init(file: cellsFile, cells: cells, overflow: overflow)) else {
            throw BinaryReader.Truncated()
        }
        return table
    }

    /// Nearly every location is in the report's own file: that name is not repeated.
    private static func location(_ at: SourceLocation, file: String, into w: inout BinaryWriter) {
        w.bool(at.file == file)
        if at.file != file { w.string(at.file) }
        w.int(at.line)
        w.int(at.column)
    }

    private static func location(from r: inout BinaryReader, file: String) throws -> SourceLocation {
        let sameFile = try r.bool()
        let name = sameFile ? file : try r.string()
        let line = try r.int()
        return SourceLocation(file: name, line: line, column: try r.int())
    }
}
