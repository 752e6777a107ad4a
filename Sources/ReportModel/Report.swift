import Foundation

/// One annual report, parsed. Values the parser could not place are missing, never zero.
public struct Report: Hashable, Sendable {
    /// Path of the source file relative to the content folder, e.g. `reports/000.txt`.
    public var source: String
    public var title: String
    public var agency: String
    public var agencySlug: String
    /// Administrative region chain, outermost first: ["威海市", "环翠区"].
    public var region: [String]
    public var year: Int?
    /// The template the tables follow (detected from the tables, else from the year).
    public var template: TemplateVersion
    public var sections: [Section]
    public var activeDisclosure: ReportTable
    public var applications: ReportTable
    public var reviewLitigation: ReportTable
    public var diagnostics: [Diagnostic]
    /// Optional front-matter fields kept for the pages.
    public var sourceURL: String?
    public var published: String?

    public init(source: String, title: String = "", agency: String = "", agencySlug: String = "",
                region: [String] = [], year: Int? = nil, template: TemplateVersion,
                sections: [Section] = [], diagnostics: [Diagnostic] = [],
                sourceURL: String? = nil, published: String? = nil) {
        self.source = source
        self.title = title
        self.agency = agency
        self.agencySlug = agencySlug
        self.region = region
        self.year = year
        self.template = template
        self.sections = sections
        self.activeDisclosure = ReportTable(shape: .activeDisclosure(template))
        self.applications = ReportTable(shape: .applications(template))
        self.reviewLitigation = ReportTable(shape: .reviewLitigation)
        self.diagnostics = diagnostics
        self.sourceURL = sourceURL
        self.published = published
    }

    /// `<agencySlug>/<year>`, the report's identity in the open data.
    public var id: String { "\(agencySlug)/\(year.map(String.init) ?? "unknown")" }

    public func section(_ number: Int) -> Section? { sections.first { $0.number == number } }
}
