import Foundation

/// Checks every internal link and anchor the build wrote, before anything is published:
/// a link to a page or file that does not exist, or to an `#anchor` with no such id, fails the
/// build. Anything a page would load (`src`, stylesheets) from another host fails it too.
enum LinkChecker {
    struct Broken: Hashable, CustomStringConvertible {
        var page: String
        var target: String
        var reason: String
        var description: String { "\(page): \(target)（\(reason)）" }
    }

    static let attribute = try! NSRegularExpression(pattern: #"<([a-zA-Z]+)\b[^>]*?\s(href|src)="([^"]*)""#)
    static let idAttribute = try! NSRegularExpression(pattern: #"\sid="([^"]+)""#)

    static func check(_ files: [String: Data]) -> [Broken] {
        var ids: [String: Set<String>] = [:]
        func anchors(_ path: String) -> Set<String> {
            if let cached = ids[path] { return cached }
            guard let data = files[path] else { return [] }
            let html = String(decoding: data, as: UTF8.self)
            let found = Set(matches(idAttribute, in: html).map { $0[0] })
            ids[path] = found
            return found
        }
        var broken: [Broken] = []
        for page in files.keys.sorted() where page.hasSuffix(".html") {
            let html = String(decoding: files[page]!, as: UTF8.self)
            for groups in matches(attribute, in: html) {
                let tag = groups[0].lowercased(), attr = groups[1], raw = decodeEntities(groups[2])
                if raw.isEmpty { continue }
                let lower = raw.lowercased()
                if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
                    // Links out are fine; loading from another host is not.
                    if attr == "src" || (tag == "link" && !html.contains("rel=\"alternate\"")) {
                        broken.append(Broken(page: page, target: raw, reason: "从其他网站加载"))
                    }
                    continue
                }
                if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("data:") { continue }
                if lower.hasPrefix("javascript:") {
                    broken.append(Broken(page: page, target: raw, reason: "脚本链接"))
                    continue
                }
                if raw.hasPrefix("/") {
                    broken.append(Broken(page: page, target: raw, reason: "不是相对链接"))
                    continue
                }
                var target = raw
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
                let resolved = target.isEmpty ? page : resolve(target.removingPercentEncoding ?? target, from: page)
                guard let path = resolved, files[path] != nil || files[path + "index.html"] != nil else {
                    broken.append(Broken(page: page, target: raw, reason: "目标不存在"))
                    continue
                }
                let file = files[path] != nil ? path : path + "index.html"
                if let fragment, !fragment.isEmpty, file.hasSuffix(".html"), !anchors(file).contains(fragment.removingPercentEncoding ?? fragment) {
                    broken.append(Broken(page: page, target: raw, reason: "锚点不存在"))
                }
            }
        }
        return broken
    }

    /// `../x/index.html` from `a/b/index.html` → `a/x/index.html`; nil when it climbs above the root.
    static func resolve(_ target: String, from page: String) -> String? {
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let pieces = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".":
                continue
            case "" where i == pieces.count - 1:
                parts.append("")
            default:
                parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func matches(_ regex: NSRegularExpression, in text: String) -> [[String]] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
