import ReportModel

/// Where each page lives, relative to the site root. Pages are folders with `index.html`,
/// so URLs end in `/` and every link can be written relative to the page.
public enum Routes {
    public static func report(_ report: Report) -> String {
        "reports/\(report.agencySlug)/\(report.year.map(String.init) ?? "unknown")/"
    }

    public static func agency(_ slug: String) -> String { "agencies/\(slug)/" }

    /// The relative prefix from a page at `route` back to the site root (`reports/a/2023/` → `../../../`).
    public static func root(from route: String) -> String {
        String(repeating: "../", count: depth(route))
    }

    /// The number of non-empty `/`-separated parts (`route.split(separator: "/").count`), counted
    /// on the bytes when the route is ASCII (a route of slugs is): splitting by `Character` cost
    /// more than the rest of a page's frame, and every link of a table row works it out again.
    static func depth(_ route: String) -> Int {
        let bytes = route.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return route.split(separator: "/").count }
        var count = 0
        var previous = UInt8(ascii: "/")
        for byte in bytes {
            if byte != UInt8(ascii: "/"), previous == UInt8(ascii: "/") { count += 1 }
            previous = byte
        }
        return count
    }
}

extension Routes {
    /// The copy of a report's source text: `sources/<path under Content/>`.
    public static func source(_ path: String) -> String { "sources/\(path)" }
}

extension Routes {
    public static let home = ""
    public static let agencies = "agencies/"
    public static let years = "years/"
    public static let regions = "regions/"
    public static let search = "search/"
    public static func year(_ year: Int) -> String { "years/\(year)/" }
    public static func region(_ slug: String) -> String { "regions/\(slug)/" }
    public static func page(_ name: String) -> String { "pages/\(name)/" }

    /// A link from the page at `from` to the page at `to` (both site-relative folders), ending in
    /// `index.html` so the site also works opened from disk.
    public static func link(from: String, to: String) -> String {
        root(from: from) + to + "index.html"
    }
}
