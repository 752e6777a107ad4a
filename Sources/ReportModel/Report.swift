import Foundation

/// One annual report, parsed. Values the parser could not place are missing, never zero.
///
/// A value type whose fields sit behind one reference, copied on write: a report is copied
/// many times on its way through a build (grouped by agency, sorted, catalogued, handed to the
/// pages and the search index), and a copy of fourteen fields cost fourteen retains and
/// releases, a tenth of a one-change rebuild at 10,000 reports.
public struct Report: Hashable, @unchecked Sendable {
    /// Path of the source file relative to the content folder, e.g. `reports/000.txt`.
    public var source: String {
        get { fields.source }
        _modify { unique(); yield &fields.source }
    }
    public var title: String {
        get { fields.title }
        _modify { unique(); yield &fields.title }
    }
    public var agency: String {
        get { fields.agency }
        _modify { unique(); yield &fields.agency }
    }
    public var agencySlug: String {
        get { fields.agencySlug }
        _modify { unique(); yield &fields.agencySlug }
    }
    /// Administrative region chain, outermost first: ["威海市", "环翠区"].
    public var region: [String] {
        get { fields.region }
        _modify { unique(); yield &fields.region }
    }
    public var year: Int? {
        get { fields.year }
        _modify { unique(); yield &fields.year }
    }
    /// The template the tables follow (detected from the tables, else from the year).
    public var template: TemplateVersion {
        get { fields.template }
        _modify { unique(); yield &fields.template }
    }
    public var sections: [Section] {
        get { fields.sections }
        _modify { unique(); yield &fields.sections }
    }
    public var activeDisclosure: ReportTable {
        get { fields.activeDisclosure }
        _modify { unique(); yield &fields.activeDisclosure }
    }
    public var applications: ReportTable {
        get { fields.applications }
        _modify { unique(); yield &fields.applications }
    }
    public var reviewLitigation: ReportTable {
        get { fields.reviewLitigation }
        _modify { unique(); yield &fields.reviewLitigation }
    }
    public var diagnostics: [Diagnostic] {
        get { fields.diagnostics }
        _modify { unique(); yield &fields.diagnostics }
    }
    /// Optional front-matter fields kept for the pages.
    public var sourceURL: String? {
        get { fields.sourceURL }
        _modify { unique(); yield &fields.sourceURL }
    }
    public var published: String? {
        get { fields.published }
        _modify { unique(); yield &fields.published }
    }

    public init(source: String, title: String = "", agency: String = "", agencySlug: String = "",
                region: [String] = [], year: Int? = nil, template: TemplateVersion,
                sections: [Section] = [], diagnostics: [Diagnostic] = [],
                sourceURL: String? = nil, published: String? = nil) {
        fields = Fields(source: source, title: title, agency: agency, agencySlug: agencySlug, region: region, year: year,
                        template: template, sections: sections,
                        activeDisclosure: ReportTable(shape: .activeDisclosure(template)),
                        applications: ReportTable(shape: .applications(template)),
                        reviewLitigation: ReportTable(shape: .reviewLitigation),
                        diagnostics: diagnostics, sourceURL: sourceURL, published: published)
    }

    private var fields: Fields

    /// Before a change: this report's own fields, not ones it shares with a copy.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
    }

    /// Changed only while uniquely referenced (`unique()`), like the standard library's buffers.
    private final class Fields {
        var source: String
        var title: String
        var agency: String
        var agencySlug: String
        var region: [String]
        var year: Int?
        var template: TemplateVersion
        var sections: [Section]
        var activeDisclosure: ReportTable
        var applications: ReportTable
        var reviewLitigation: ReportTable
        var diagnostics: [Diagnostic]
        var sourceURL: String?
        var published: String?

        init(source: String, title: String, agency: String, agencySlug: String, region: [String], year: Int?, template: TemplateVersion, sections: [Section], activeDisclosure: ReportTable, applications: ReportTable, reviewLitigation: ReportTable, diagnostics: [Diagnostic], sourceURL: String?, published: String?) {
            self.source = source
            self.title = title
            self.agency = agency
            self.agencySlug = agencySlug
            self.region = region
            self.year = year
            self.template = template
            self.sections = sections
            self.activeDisclosure = activeDisclosure
            self.applications = applications
            self.reviewLitigation = reviewLitigation
            self.diagnostics = diagnostics
            self.sourceURL = sourceURL
            self.published = published
        }

        func copy() -> Fields {
            Fields(source: source, title: title, agency: agency, agencySlug: agencySlug, region: region, year: year, template: template, sections: sections, activeDisclosure: activeDisclosure, applications: applications, reviewLitigation: reviewLitigation, diagnostics: diagnostics, sourceURL: sourceURL, published: published)
        }
    }

    public static func == (a: Report, b: Report) -> Bool {
        if a.fields === b.fields { return true }
        let x = a.fields, y = b.fields
        return x.source == y.source
            && x.title == y.title
            && x.agency == y.agency
            && x.agencySlug == y.agencySlug
            && x.region == y.region
            && x.year == y.year
            && x.template == y.template
            && x.sections == y.sections
            && x.activeDisclosure == y.activeDisclosure
            && x.applications == y.applications
            && x.reviewLitigation == y.reviewLitigation
            && x.diagnostics == y.diagnostics
            && x.sourceURL == y.sourceURL
            && x.published == y.published
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.source)
        hasher.combine(fields.title)
        hasher.combine(fields.agency)
        hasher.combine(fields.agencySlug)
        hasher.combine(fields.region)
        hasher.combine(fields.year)
        hasher.combine(fields.template)
        hasher.combine(fields.sections)
        hasher.combine(fields.activeDisclosure)
        hasher.combine(fields.applications)
        hasher.combine(fields.reviewLitigation)
        hasher.combine(fields.diagnostics)
        hasher.combine(fields.sourceURL)
        hasher.combine(fields.published)
    }

    /// `<agencySlug>/<year>`, the report's identity in the open data.
    public var id: String { "\(agencySlug)/\(year.map(String.init) ?? "unknown")" }

    public func section(_ number: Int) -> Section? { sections.first { $0.number == number } }
}
