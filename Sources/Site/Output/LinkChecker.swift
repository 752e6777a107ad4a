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

    /// `(tag, attribute, value)` of every `href="…"` and `src="…"`.
    static func references(in html: String) -> [[String]] {
        var html = html
        return html.withUTF8 { bytes -> [[String]] in
            var out: [[String]] = []
            scanReferences(bytes) { tag, isHref, value in
                out.append([String(decoding: UnsafeBufferPointer(rebasing: bytes[tag]), as: UTF8.self), isHref ? "href" : "src",
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)])
            }
            return out
        }
    }

    /// Calls `body(tag, isHref, value)` with the byte ranges of every `href="…"` and `src="…"`, by a
    /// byte scan (a regular expression over every page was a tenth of the build). `memchr` jumps
    /// from `=` to `=` and from `<` to `<` (a byte-by-byte loop over every page was a few percent
    /// of the build); a value is skipped whole, so a `<` inside one starts no tag.
    @inline(__always)
    static func scanReferences(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool, Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let start = UnsafeRawPointer(base)
        let n = bytes.count
        var tagStart = 0
        var tagsSeen = 0  // every `<` before this is counted in `tagStart`
        var i = 0
        while i < n, let equals = memchr(start + i, 0x3D, n - i) {  // =
            i = UnsafeRawPointer(equals) - start
            if i + 1 < n, bytes[i + 1] == 0x22, i >= 4 {  // ="
                let isHref = i >= 5 && bytes[i - 5] == 0x20 && bytes[i - 4] == 0x68 && bytes[i - 3] == 0x72 && bytes[i - 2] == 0x65 && bytes[i - 1] == 0x66
                let isSrc = bytes[i - 4] == 0x20 && bytes[i - 3] == 0x73 && bytes[i - 2] == 0x72 && bytes[i - 1] == 0x63
                if isHref || isSrc {
                    while tagsSeen < i, let open = memchr(start + tagsSeen, 0x3C, i - tagsSeen) {  // <
                        tagStart = UnsafeRawPointer(open) - start
                        tagsSeen = tagStart + 1
                    }
                    tagsSeen = i
                    var j = i + 2
                    while j < n && bytes[j] != 0x22 { j += 1 }
                    var t = tagStart + 1
                    while t < n, (bytes[t] | 0x20) >= 0x61, (bytes[t] | 0x20) <= 0x7A { t += 1 }
                    body((tagStart + 1)..<t, isHref, (i + 2)..<min(j, n))
                    i = j
                    tagsSeen = j + 1
                }
            }
            i += 1
        }
    }

    /// The values of every ` id="…"`.
    static func anchorIDs(in html: String) -> Set<String> {
        var html = html
        return html.withUTF8 { anchorIDs(in: $0) }
    }

    static func anchorIDs(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
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

    /// The general resolver's answer by bytes, when both paths are ASCII (so bytes and
    /// characters split alike); nil leaves it to the general resolver.
    static func fastResolve(_ target: String, from page: String) -> String?? {
        var (target, page) = (target, page)
        return target.withUTF8 { target in
            page.withUTF8 { page -> String?? in
                guard isASCII(target), isASCII(page) else { return nil }
                let (folder, depth) = folderOf(page)
                return .some(resolve(target, folder: UnsafeBufferPointer(rebasing: page[..<folder]), depth: depth))
            }
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    /// Where a page's folder ends (its last `/`) and how many segments it has (its `/`s).
    static func folderOf(_ page: UnsafeBufferPointer<UInt8>) -> (end: Int, depth: Int) {
        var (end, depth) = (0, 0)
        for (k, b) in page.enumerated() where b == 0x2F { (end, depth) = (k, depth + 1) }
        return (end, depth)
    }

    /// `slowResolve` on bytes, for an ASCII `target` and `folder` (of `depth` segments); nil when
    /// it climbs above the root.
    static func resolve(_ target: UnsafeBufferPointer<UInt8>, folder: UnsafeBufferPointer<UInt8>, depth: Int) -> String? {
        var above = false
        let out = String(unsafeUninitializedCapacity: folder.count + target.count + 1) { out -> Int in
            var n = folder.count
            UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(folder))
            var depth = depth
            var start = 0
            while start <= target.count {
                var end = start
                while end < target.count && target[end] != 0x2F { end += 1 }
                let dot = end > start && target[start] == 0x2E
                if dot && end - start == 2 && target[start + 1] == 0x2E {  // ..
                    guard depth > 0 else { above = true; return 0 }
                    depth -= 1
                    if depth == 0 { n = 0 } else {
                        repeat { n -= 1 } while out[n] != 0x2F
                    }
                } else if !(dot && end - start == 1) {  // not .
                    if depth > 0 { out[n] = 0x2F; n += 1 }
                    for k in start..<end { out[n] = target[k]; n += 1 }
                    depth += 1
                }
                start = end + 1
            }
            return n
        }
        return above ? nil : out
    }

    /// One page's folder, found once for all of its links.
    struct PageFolder {
        let page: String
        private let folder: [UInt8]
        private let depth: Int

        /// nil when the page's path is not ASCII.
        init?(_ page: String) {
            var copy = page
            guard let (folder, depth) = copy.withUTF8({ bytes -> ([UInt8], Int)? in
                guard LinkChecker.isASCII(bytes) else { return nil }
                let (end, depth) = LinkChecker.folderOf(bytes)
                return (Array(bytes[..<end]), depth)
            }) else { return nil }
            (self.page, self.folder, self.depth) = (page, folder, depth)
        }

        func resolve(_ target: UnsafeBufferPointer<UInt8>) -> String? {
            folder.withUnsafeBufferPointer { LinkChecker.resolve(target, folder: $0, depth: depth) }
        }

        /// `LinkChecker.target` for the common value (ASCII, no `%`, `?`, `&`, and no scheme: it
        /// starts with `.` or `#`, or has no `:` and does not start with `/`); nil for any other.
        func target(_ value: UnsafeBufferPointer<UInt8>) -> Target? {
            guard let first = value.first else { return Target.none }
            var colon = false
            var hash = value.count
            for (k, b) in value.enumerated() {
                if b >= 0x80 || b == 0x25 || b == 0x3F || b == 0x26 { return nil }  // % ? &
                if b == 0x3A { colon = true }
                if b == 0x23 && hash == value.count { hash = k }
            }
            guard first == 0x2E || first == 0x23 || (!colon && first != 0x2F) else { return nil }
            let resolved = hash == 0 ? page : resolve(UnsafeBufferPointer(rebasing: value[..<hash]))
            guard let resolved else { return .problem("目标不存在") }
            let fragment = hash + 1 < value.count ? String(decoding: UnsafeBufferPointer(rebasing: value[(hash + 1)...]), as: UTF8.self) : nil
            return .site(path: resolved, fragment: fragment)
        }
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
