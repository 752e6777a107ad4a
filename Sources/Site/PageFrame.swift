import Mustache

/// What the layout template needs on every page: the site, the way back to the root, the
/// navigation and the breadcrumbs. Templates read its values through `child(named:)`.
///
/// The values live in one object (`Values`), so a frame is a single reference: every
/// `{{frame.…}}` of a page boxes the frame into `Any` and casts it, which copied the whole struct
/// field by field into a new box each time. Reflection shows the values' own stored properties,
/// as if they were the frame's (`TemplateKeyTests` holds `child(named:)` to them).
struct PageFrame {
    struct Link {
        var label: String
        var href: String
        var current: Bool = false
    }

    final class Values {
        let site: SiteView
        let root: String
        let pageTitle: String
        let description: String
        let nav: [Link]
        let breadcrumbs: [Link]
        let hasBreadcrumbs: Bool
        let searchAction: String
        let scripts: [String]

        init(site: SiteView, root: String, pageTitle: String, description: String, nav: [Link], breadcrumbs: [Link],
             searchAction: String, scripts: [String]) {
            self.site = site
            self.root = root
            self.pageTitle = pageTitle
            self.description = description
            self.nav = nav
            self.breadcrumbs = breadcrumbs
            hasBreadcrumbs = !breadcrumbs.isEmpty
            self.searchAction = searchAction
            self.scripts = scripts
        }
    }

    let values: Values

    var root: String { values.root }

    init(site: SiteView, route: String, title: String, description: String? = nil,
         breadcrumbs: [(String, String)] = [], scripts: [String] = []) {
        let root = Routes.root(from: route)
        // `Routes.link(from: route, to:)`, with the root worked out once instead of per link.
        func link(_ target: String) -> String { root + target + "index.html" }
        let section = Self.firstSegment(route)
        let nav = [
            Link(label: "首页", href: link(Routes.home), current: route.isEmpty),
            Link(label: "年度", href: link(Routes.years), current: section == "years"),
            Link(label: "地区", href: link(Routes.regions), current: section == "regions"),
            Link(label: "机关", href: link(Routes.agencies), current: section == "agencies" || section == "reports"),
            Link(label: "搜索", href: link(Routes.search), current: section == "search"),
            Link(label: "关于", href: link(Routes.page("about")), current: route == Routes.page("about")),
        ]
        values = Values(site: site, root: root, pageTitle: title, description: description ?? site.description, nav: nav,
                        breadcrumbs: breadcrumbs.map { Link(label: $0.0, href: link($0.1)) },
                        searchAction: link(Routes.search), scripts: scripts.map { root + "assets/" + $0 })
    }

    /// The values of the named fields as bytes, one after another, for `FramePartials`: two frames
    /// with the same key render a partial that reads only these fields the same. (Bytes, because
    /// hashing a `String` normalizes it first, which cost more than the lookups saved.)
    func key(reading fields: [String]) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(512)
        func add(_ text: String) { key.append(contentsOf: text.utf8); key.append(1) }
        func add(_ links: [Link]) { for link in links { add(link.label); add(link.href); add(link.current ? "1" : "0") } }
        for field in fields {
            key.append(contentsOf: field.utf8)
            key.append(2)
            switch field {
            case "site":
                let site = values.site
                for text in [site.title, site.description, site.language, site.footer, site.generator] { add(text) }
            case "root": add(values.root)
            case "pageTitle": add(values.pageTitle)
            case "description": add(values.description)
            case "nav": add(values.nav)
            case "breadcrumbs": add(values.breadcrumbs)
            case "hasBreadcrumbs": add(values.hasBreadcrumbs ? "1" : "0")
            case "searchAction": add(values.searchAction)
            case "scripts": values.scripts.forEach(add)
            default: break   // a name the frame does not have reads as nothing on every page
            }
        }
        return key
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

extension PageFrame: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: Mirror(reflecting: values).children, displayStyle: .struct) }
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
        case "site": values.site
        case "root": values.root
        case "pageTitle": values.pageTitle
        case "description": values.description
        case "nav": values.nav
        case "breadcrumbs": values.breadcrumbs
        case "hasBreadcrumbs": values.hasBreadcrumbs
        case "searchAction": values.searchAction
        case "scripts": values.scripts
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
