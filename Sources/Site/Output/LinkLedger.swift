import Foundation
import ReportParser

/// Collects, page by page as the build writes them, every file of the site and every internal
/// link, and tells at the end which links lead nowhere. Pages are scanned once, when written, so
/// the site never has to be held in memory for the check. Safe to use from several threads.
final class LinkLedger: @unchecked Sendable {
    /// A link waiting for the whole site to be known.
    private struct Referrer {
        var page: String
        var order: Int
        /// The link as the page wrote it, entities not yet decoded: few links are ever reported.
        var written: String
        var raw: String { LinkChecker.decodeEntities(written) }
    }
    private struct Problem {
        var order: Int
        var broken: LinkChecker.Broken
    }

    private let lock = NSLock()
    private var files: Set<String> = []
    /// Target file (resolved) → the first few pages linking to it; checked when the site is complete.
    private var targets: [String: [Referrer]] = [:]
    /// Links with a fragment into another page: checked against that page's ids at the end.
    private var fragments: [String: [String: [Referrer]]] = [:]
    private var problems: [Problem] = []
    private var sequence = 0

    /// Referrers kept per missing target: enough to find the cause, bounded for large sites.
    static let referrersKept = 5

    func addFile(_ path: String) {
        lock.withLock { _ = files.insert(path) }
    }

    /// Records a page and its links; a fragment into the page itself is checked right away.
    /// Common relative links are resolved on the page's bytes; any other goes to `LinkChecker.target`.
    func addPage(_ path: String, html data: Data) {
        let folder = LinkChecker.PageFolder(path)
        var local: [(Int, LinkChecker.Broken)] = []
        var remote: [(target: String, fragment: String?, order: Int, written: String)] = []
        var count = 0
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var alternate: Bool?
            var ownIDs: Set<String>?
            LinkChecker.scanReferences(bytes) { tag, isHref, range in
                let i = count
                count += 1
                let value = UnsafeBufferPointer(rebasing: bytes[range])
                let target: LinkChecker.Target
                if let common = folder?.target(value) {
                    target = common
                } else {
                    if alternate == nil { alternate = ByteSearch.find(Array(#"rel="alternate""#.utf8), in: bytes) != nil }
                    target = LinkChecker.target(tag: String(decoding: UnsafeBufferPointer(rebasing: bytes[tag]), as: UTF8.self),
                                                attribute: isHref ? "href" : "src", value: String(decoding: value, as: UTF8.self),
                                                page: path, alternate: alternate!)
                }
                switch target {
                case .none:
                    return
                case .problem(let reason):
                    local.append((i, .init(page: path, target: Self.raw(value), reason: reason)))
                case .site(let target, let fragment):
                    if target == path, let fragment {
                        if ownIDs == nil { ownIDs = LinkChecker.anchorIDs(in: bytes) }
                        if !ownIDs!.contains(fragment) {
                            local.append((i, .init(page: path, target: Self.raw(value), reason: "锚点不存在")))
                        }
                    } else {
                        remote.append((target, fragment, i, String(decoding: value, as: UTF8.self)))
                    }
                }
            }
        }
        lock.withLock {
            files.insert(path)
            let base = sequence
            sequence += count
            for (i, broken) in local { problems.append(Problem(order: base + i, broken: broken)) }
            for (target, fragment, i, written) in remote {
                let referrer = Referrer(page: path, order: base + i, written: written)
                if let fragment {
                    fragments[target, default: [:]][fragment, default: []].append(referrer)
                } else {
                    Self.keep(referrer, in: &targets[target, default: []])
                }
            }
        }
    }

    /// A link as the page wrote it, entities decoded.
    private static func raw(_ value: UnsafeBufferPointer<UInt8>) -> String {
        LinkChecker.decodeEntities(String(decoding: value, as: UTF8.self))
    }

    /// Appended in place (no copy of the list per link).
    private static func keep(_ referrer: Referrer, in list: inout [Referrer]) {
        if list.count < referrersKept { list.append(referrer) }
    }

    /// Every broken link, in page order then link order. `read` gives a finished page's bytes,
    /// for the ids a fragment link points at; `exists` tells of files not added here (those a
    /// build takes over from the previous one).
    func broken(read: (String) -> Data?, exists: (String) -> Bool = { _ in false }) -> [LinkChecker.Broken] {
        lock.withLock {
            var found = problems
            func file(_ target: String) -> String? {
                if files.contains(target) || exists(target) { return target }
                let page = target + "index.html"
                if files.contains(page) || exists(page) { return page }
                return nil
            }
            for (target, referrers) in targets where file(target) == nil {
                found += referrers.map { Problem(order: $0.order, broken: .init(page: $0.page, target: $0.raw, reason: "目标不存在")) }
            }
            for (target, byFragment) in fragments {
                guard let path = file(target) else {
                    for referrer in byFragment.values.joined() {
                        found.append(Problem(order: referrer.order, broken: .init(page: referrer.page, target: referrer.raw, reason: "目标不存在")))
                    }
                    continue
                }
                guard path.hasSuffix(".html") else { continue }
                let ids = read(path).map { LinkChecker.anchorIDs(in: String(decoding: $0, as: UTF8.self)) } ?? []
                for (fragment, referrers) in byFragment where !ids.contains(fragment) {
                    found += referrers.map { Problem(order: $0.order, broken: .init(page: $0.page, target: $0.raw, reason: "锚点不存在")) }
                }
            }
            return found.sorted { ($0.broken.page, $0.order) < ($1.broken.page, $1.order) }.map(\.broken)
        }
    }

}
