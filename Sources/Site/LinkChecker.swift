import Foundation
import ReportParser

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

    /// `(tag, attribute, value)` of every `href="…"` and `src="…"`, by a byte scan (a regular
    /// expression over every page was a tenth of the build).
    static func references(in html: String) -> [[String]] {
        var html = html
        return html.withUTF8 { bytes -> [[String]] in
            var out: [[String]] = []
            var tagStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x3C { tagStart = i }  // <
                if b == 0x3D, i + 1 < n, bytes[i + 1] == 0x22, i >= 4 {  // ="
                    let isHref = i >= 5 && bytes[i - 5] == 0x20 && bytes[i - 4] == 0x68 && bytes[i - 3] == 0x72 && bytes[i - 2] == 0x65 && bytes[i - 1] == 0x66
                    let isSrc = bytes[i - 4] == 0x20 && bytes[i - 3] == 0x73 && bytes[i - 2] == 0x72 && bytes[i - 1] == 0x63
                    if isHref || isSrc {
                        var j = i + 2
                        while j < n && bytes[j] != 0x22 { j += 1 }
                        var t = tagStart + 1
                        while t < n, (bytes[t] | 0x20) >= 0x61, (bytes[t] | 0x20) <= 0x7A { t += 1 }
                        let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tagStart + 1)..<t]), as: UTF8.self)
                        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<min(j, n)]), as: UTF8.self)
                        out.append([tag, isHref ? "href" : "src", value])
                        i = j
                    }
                }
                i += 1
            }
            return out
        }
    }

    /// The values of every ` id="…"`.
    static func anchorIDs(in html: String) -> Set<String> {
        var html = html
        return html.withUTF8 { bytes -> Set<String> in
            var out: Set<String> = []
            let needle = Array(" id=\"".utf8)
            var start = 0
            while let at = ByteSearch.find(needle, in: bytes, from: start) {
                var j = at + needle.count
                while j < bytes.count && bytes[j] != 0x22 { j += 1 }
                out.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + needle.count)..<j]), as: UTF8.self))
                start = j
            }
            return out
        }
    }

    static func check(_ files: [String: Data]) -> [Broken] {
        var ids: [String: Set<String>] = [:]
        func anchors(_ path: String) -> Set<String> {
            if let cached = ids[path] { return cached }
            guard let data = files[path] else { return [] }
            let html = String(decoding: data, as: UTF8.self)
            let found = anchorIDs(in: html)
            ids[path] = found
            return found
        }
        var broken: [Broken] = []
        for page in files.keys.sorted() where page.hasSuffix(".html") {
            let html = String(decoding: files[page]!, as: UTF8.self)
            for groups in references(in: html) {
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

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
