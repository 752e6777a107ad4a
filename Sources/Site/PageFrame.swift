import Mustache

/// What the layout template needs on every page: the site, the way back to the root, the
/// navigation and the breadcrumbs. Templates read its stored properties through `child(named:)`.
struct PageFrame {
    struct Link {
        var label: String
        var href: String
        var current: Bool = false
    }

    var site: SiteView
    var root: String
    var pageTitle: String
    var description: String
    var nav: [Link]
    var breadcrumbs: [Link]
    var hasBreadcrumbs: Bool
    var searchAction: String
    var scripts: [String]

    init(site: SiteView, route: String, title: String, description: String? = nil,
         breadcrumbs: [(String, String)] = [], scripts: [String] = []) {
        self.site = site
        let root = Routes.root(from: route)
        self.root = root
        pageTitle = title
        self.description = description ?? site.description
        // `Routes.link(from: route, to:)`, with the root worked out once instead of per link.
        func link(_ target: String) -> String { root + target + "index.html" }
        let section = Self.firstSegment(route)
        nav = [
            Link(label: "首页", href: link(Routes.home), current: route.isEmpty),
            Link(label: "年度", href: link(Routes.years), current: section == "years"),
            Link(label: "地区", href: link(Routes.regions), current: section == "regions"),
            Link(label: "机关", href: link(Routes.agencies), current: section == "agencies" || section == "reports"),
            Link(label: "搜索", href: link(Routes.search), current: section == "search"),
            Link(label: "关于", href: link(Routes.page("about")), current: route == Routes.page("about")),
        ]
        self.breadcrumbs = breadcrumbs.map { Link(label: $0.0, href: link($0.1)) }
        hasBreadcrumbs = !breadcrumbs.isEmpty
        searchAction = link(Routes.search)
        self.scripts = scripts.map { root + "assets/" + $0 }
    }

    /// The route's first non-empty `/`-separated part (`route.split(separator: "/").first`), split
    /// by bytes when the route is ASCII (every route made of slugs is): splitting by `Character`
    /// cost more than the rest of the frame.
    static func firstSegment(_ route: String) -> String {
        let bytes = route.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return route.split(separator: "/").first.map(String.init) ?? "" }
        return bytes.split(separator: UInt8(ascii: "/")).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// A labelled link with an optional note, for lists.
struct LinkView {
    var label: String
    var href: String
    var note: String = ""
    var depth: Int = 0
}

/// A figure and its value, for headline boxes.
struct FigureView {
    var label: String
    var value: String
}

// Template lookups without Mirror: see the note above `HomePage`'s conformance in Pages.swift.

extension PageFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "root": root
        case "pageTitle": pageTitle
        case "description": description
        case "nav": nav
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": hasBreadcrumbs
        case "searchAction": searchAction
        case "scripts": scripts
        default: nil
        }
    }
}

extension PageFrame.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "note": note
        case "depth": depth
        default: nil
        }
    }
}

extension FigureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}
