import Foundation
import Mustache
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

// Templates look every name up through `MustacheParent`, which is much faster than the `Mirror`
// swift-mustache falls back to. Each conformance answers every stored property (a theme's own
// templates may use any of them) and nil for any other name, so the lookup climbs the context
// stack as it does with Mirror; an optional answers nil when empty, as Mirror's lookup does.
// `TemplateKeyTests` checks each against Mirror.

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "reportCount": reportCount
        case "agencyCount": agencyCount
        case "yearCount": yearCount
        case "regionCount": regionCount
        case "latestYear": latestYear
        case "latestYearLink": latestYearLink
        case "hasHeadline": hasHeadline
        case "headline": headline
        case "years": years
        case "regions": regions
        case "agencies": agencies
        case "latestReports": latestReports
        case "unpublished": unpublished
        case "hasUnpublished": hasUnpublished
        case "dataLink": dataLink
        default: nil
        }
    }
}

extension UnpublishedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "source": source
        case "reasons": reasons
        default: nil
        }
    }
}

extension AgencyPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "name": self.name
        case "region": region
        case "regionLink": regionLink
        case "hasRegion": hasRegion
        case "reports": reports
        case "trendTable": trendTable
        case "chart": chart
        case "findings": findings
        case "hasFindings": hasFindings
        default: nil
        }
    }
}

extension YearPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "year": year
        case "reportCount": reportCount
        case "table": table
        case "previous": previous
        case "next": next
        default: nil
        }
    }
}

extension RegionPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "name": self.name
        case "chain": chain
        case "parent": parent
        case "children": children
        case "hasChildren": hasChildren
        case "agencies": agencies
        case "yearTables": yearTables
        default: nil
        }
    }
}

extension RegionPage.YearTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "table": table
        default: nil
        }
    }
}

extension ListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "heading": heading
        case "intro": intro
        case "items": items
        default: nil
        }
    }
}

extension ContentPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "title": title
        case "html": html
        default: nil
        }
    }
}

extension NotFoundPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": frame
        case "baseURL": baseURL
        case "hasBaseURL": hasBaseURL
        default: nil
        }
    }
}
