import Foundation
import Mustache

/// Partials that read nothing but the page's frame (the default theme's header and footer), made
/// once per distinct frame values instead of once per page: a page of 12,000 repeats the same
/// few headers, and swift-mustache's lookups of their two dozen names were a quarter of the
/// time spent in templates.
///
/// A partial qualifies when every name it reads is under `frame.` (or a link's `label`, `href`
/// and `current` inside a section over `frame.nav` or `frame.breadcrumbs`), and it includes,
/// inherits and defines nothing. Its text then depends only on the frame fields it names, and
/// it is rendered once per distinct values of those fields. Templates include it through a
/// read of its memoized text in place of `{{> name}}` (`rewrite`), where the tag stands outside
/// any section; an indented standalone tag is left alone, since it indents the partial's lines.
/// Anything else renders as written.
final class FramePartials: @unchecked Sendable {
    /// The name the rewritten templates read a partial's text through: `{{{_partial.header}}}`.
    static let reservedName = "_partial"

    /// Partial name → the `frame` fields it reads.
    let fields: [String: [String]]
    private let library: MustacheLibrary
    private let lock = NSLock()
    private var made: [Key: String] = [:]
    private static let capacity = 512

    /// A partial's name and its frame's key, hashed as bytes.
    private struct Key: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    /// - Parameters:
    ///   - fields: the qualifying partials (`qualifying(_:)`).
    ///   - library: the templates as written, which render the partials.
    init(fields: [String: Set<String>], library: MustacheLibrary) {
        self.fields = fields.mapValues { $0.sorted() }
        self.library = library
    }

    /// The text of partial `name` for a page with `frame`.
    func text(of name: String, frame: PageFrame) -> String? {
        guard let fields = fields[name] else { return nil }
        let key = Key(bytes: Array(name.utf8) + [0] + frame.key(reading: fields))
        lock.lock()
        let known = made[key]
        lock.unlock()
        if let known { return known }
        let text = library.render(TemplateRoot(FrameOnly(frame: frame)), withTemplate: name) ?? ""
        lock.lock()
        // A partial that reads a field of every page's own (its title) would keep one text per
        // page: past a few hundred texts, the rest are made and not kept.
        if made.count < Self.capacity { made[key] = text }
        lock.unlock()
        return text
    }

    /// What `_partial` names for one page: its partials' texts.
    struct Bound: MustacheParent {
        let partials: FramePartials
        let frame: PageFrame
        func child(named name: String) -> Any? { partials.text(of: name, frame: frame) }
    }

    /// The context a partial renders in: the frame and nothing else, which is all it reads.
    private struct FrameOnly: MustacheParent {
        let frame: PageFrame
        func child(named name: String) -> Any? { name == "frame" ? frame : nil }
    }

    // MARK: - Reading templates

    /// The templates among `sources` (name → source) that qualify, with the frame fields each reads.
    static func qualifying(_ sources: [String: String]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (name, source) in sources where isPlainName(name) {
            if let fields = frameFields(of: source) { out[name] = fields }
        }
        return out
    }

    /// The frame fields `source` reads, or nil if it reads anything else or uses partials,
    /// inheritance, pragmas or other delimiters.
    static func frameFields(of source: String) -> Set<String>? {
        guard let tags = TemplateTag.tags(in: source) else { return nil }
        var fields: Set<String> = []
        var open: [(name: String, inverted: Bool)] = []
        for tag in tags {
            switch tag.kind {
            case .comment:
                continue
            case .partial, .parent, .block, .other:
                return nil
            case .close:
                guard open.popLast()?.name == tag.name else { return nil }
            case .variable, .section, .invertedSection:
                let name = tag.lookedUpName
                // The section names are looked up in, innermost first (an inverted one pushes nothing).
                let within = open.last(where: { !$0.inverted })?.name
                if name.hasPrefix("frame.") {
                    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                    guard parts.count >= 2, !parts[1].isEmpty else { return nil }
                    fields.insert(String(parts[1]))
                    // A section over the frame's site would put names of its own in front.
                    if tag.kind == .section, name == "frame.site" { return nil }
                } else if name == "." {
                    guard within != nil else { return nil }   // at the top, `.` is the page itself
                } else if ["label", "href", "current"].contains(name), within == "frame.nav" || within == "frame.breadcrumbs" {
                    // A link's own value.
                } else {
                    return nil
                }
                if tag.kind != .variable { open.append((tag.name, tag.kind == .invertedSection)) }
            }
        }
        return open.isEmpty ? fields : nil
    }

    /// `source` with every include of a qualifying partial outside any section replaced by a read
    /// of its memoized text; nil when there is none.
    static func rewrite(_ source: String, partials: [String: Set<String>]) -> String? {
        guard let tags = TemplateTag.tags(in: source) else { return nil }
        let bytes = Array(source.utf8)
        func blank(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        var depth = 0
        var cuts: [(range: Range<Int>, with: String)] = []
        for tag in tags {
            switch tag.kind {
            case .section, .invertedSection, .parent, .block: depth += 1
            case .close: depth -= 1
            case .partial where depth == 0 && partials[tag.name] != nil:
                let replacement = "{{{\(reservedName).\(tag.name)}}}"
                var lineStart = tag.range.lowerBound
                while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                var lineEnd = tag.range.upperBound
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if blank(lineStart..<tag.range.lowerBound), blank(tag.range.upperBound..<lineEnd) {
                    // Standalone: Mustache drops the tag's line; indented, it would indent the partial.
                    guard lineStart == tag.range.lowerBound else { continue }
                    cuts.append((lineStart..<min(lineEnd + 1, bytes.count), replacement))
                } else {
                    cuts.append((tag.range, replacement))
                }
            default:
                break
            }
        }
        guard !cuts.isEmpty else { return nil }
        var out: [UInt8] = []
        var at = 0
        for cut in cuts {
            out += bytes[at..<cut.range.lowerBound]
            out += Array(cut.with.utf8)
            at = cut.range.upperBound
        }
        out += bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A partial name that reads back as one name in `{{{_partial.name}}}`.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F || $0 == 0x2D }
    }
}
