import Foundation
import ReportModel

/// View models of the portal's pages, one per template. Each holds a `frame` for the layout.

struct HomePage {
    var frame: PageFrame
    var reportCount: Int
    var agencyCount: Int
    var yearCount: Int
    var regionCount: Int
    var latestYear: String
    var latestYearLink: String
    var hasHeadline: Bool
    var headline: [FigureView]
    var years: [LinkView]
    var regions: [LinkView]
    var agencies: [LinkView]
    var latestReports: [LinkView]
    var unpublished: [UnpublishedView]
    var hasUnpublished: Bool
    var dataLink: String
}

struct UnpublishedView {
    var source: String
    var reasons: [String]
}

struct AgencyPage {
    var frame: PageFrame
    var name: String
    var region: String
    var regionLink: String
    var hasRegion: Bool
    var reports: [LinkView]
    var trendTable: String
    var chart: String
    var findings: [ReportPage.DiagnosticView]
    var hasFindings: Bool
}

struct YearPage {
    var frame: PageFrame
    var year: Int
    var reportCount: Int
    var table: String
    var previous: LinkView?
    var next: LinkView?
}

struct RegionPage {
    struct YearTable {
        var year: Int
        var table: String
    }
    var frame: PageFrame
    var name: String
    var chain: String
    var parent: LinkView?
    var children: [LinkView]
    var hasChildren: Bool
    var agencies: [LinkView]
    var yearTables: [YearTable]
}

struct ListPage {
    var frame: PageFrame
    var heading: String
    var intro: String
    var items: [LinkView]
}

struct ContentPage {
    var frame: PageFrame
    var title: String
    var html: String
}

struct NotFoundPage {
    var frame: PageFrame
    var baseURL: String
    var hasBaseURL: Bool
}
