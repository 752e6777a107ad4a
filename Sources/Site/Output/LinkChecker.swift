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

    /// Checks a whole site held in memory (tests, small sites): the same rules as a build's ledger.
    static func check(_ files: [String: Data]) -> [Broken] {
        let ledger = LinkLedger()
        for path in files.keys.sorted() {
            if path.hasSuffix(".html") { ledger.addPage(path, html: files[path]!) } else { ledger.addFile(path) }
        }
        return ledger.broken { files[$0] }
    }

    /// What one link points at, once it is known to be a link inside the site.
    enum Target: Equatable {
        /// Fine as it is (mail, telephone, data, a link out).
        case none
        case problem(String)
        /// A file of the site (`path` relative to the root, a folder ends in `/`), maybe with a fragment.
        case site(path: String, fragment: String?)
    }

    /// Classifies one `href`/`src` value of `page`.
    static func target(tag: String, attribute: String, value: String, page: String, alternate: Bool) -> Target {
        let raw = decodeEntities(value)
        if raw.isEmpty { return .none }
        // Most links are plain relative paths: no scheme to look for (a scheme ends before any
        // `/`, `.` or `#`), no percent-escapes to decode.
        if let first = raw.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "#"),
           !raw.utf8.contains(UInt8(ascii: "%")), !raw.utf8.contains(UInt8(ascii: "?")) {
            var target = Substring(raw)
            var fragment: String?
            if let hash = target.firstIndex(of: "#") {
                fragment = String(target[target.index(after: hash)...])
                target = target[..<hash]
            }
            let resolved = target.isEmpty ? page : resolve(String(target), from: page)
            guard let resolved else { return .problem("目标不存在") }
            return .site(path: resolved, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
        }
        let lower = raw.lowercased()
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") {
            // Links out are fine; loading from another host is not.
            if attribute == "src" || (tag.lowercased() == "link" && !alternate) { return .problem("从其他网站加载") }
            return .none
        }
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("data:") { return .none }
        if lower.hasPrefix("javascript:") { return .problem("脚本链接") }
        if raw.hasPrefix("/") { return .problem("不是相对链接") }
        var target = raw
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let resolved = target.isEmpty ? page : resolve(target.removingPercentEncoding ?? target, from: page)
        guard let resolved else { return .problem("目标不存在") }
        return .site(path: resolved, fragment: fragment.flatMap { $0.isEmpty ? nil : ($0.removingPercentEncoding ?? $0) })
    }

    /// `../x/index.html` from `a/b/index.html` → `a/x/index.html`; nil when it climbs above the root.
    static func resolve(_ target: String, from page: String) -> String? {
        fastResolve(target, from: page) ?? slowResolve(target, from: page)
    }

    /// The common case without splitting both paths: leading `../` steps, then a path with no
    /// `.` or `..` segment. nil means "not that case" (or climbing above the root): the general
    /// resolver decides.
    static func fastResolve(_ target: String, from page: String) -> String?? {
        var rest = Substring(target)
        var up = 0
        while rest.hasPrefix("../") {
            rest = rest.dropFirst(3)
            up += 1
        }
        guard !rest.hasPrefix("/"), rest != "..", rest != ".", !rest.hasPrefix("./"), !rest.contains("/./"),
              !rest.contains("/../"), !rest.hasSuffix("/."), !rest.hasSuffix("/..") else { return nil }
        var dir = page[..<(page.lastIndex(of: "/") ?? page.startIndex)]
        var depth = page.contains("/") ? dir.split(separator: "/", omittingEmptySubsequences: false).count : 0
        guard up <= depth else { return .some(nil) }
        for _ in 0..<up {
            dir = dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)]
            depth -= 1
        }
        return .some(depth == 0 ? String(rest) : dir + "/" + rest)
    }

    static func slowResolve(_ target: String, from page: String) -> String? {
        var parts = Array(page.split(separator: "/", omittingEmptySubsequences: false).dropLast())
        let pieces = target.split(separator: "/", omittingEmptySubsequences: false)
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

    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }
}
