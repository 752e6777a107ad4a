// The only file in the package that sees the C library (cmark-gfm). Everything else
// talks to Markdown through `MarkdownRenderer`, so the unsafe C surface stays here.

import CMarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to an HTML fragment with cmark-gfm.
///
/// Output is always "safe": raw HTML is replaced by `<!-- raw HTML omitted -->` and
/// `javascript:`/`vbscript:`/`file:`/non-image `data:` link targets become empty, because
/// `CMARK_OPT_UNSAFE` is never set. Report text comes from many hands; we do not trust it.
///
/// Calls from any number of threads are safe (see `CMarkLibrary.lock` for why they are
/// serialised internally).
public struct MarkdownRenderer: Sendable {
    /// cmark option bits, fixed at init so a renderer value is immutable and `Sendable`.
    private let options: Int32
    private let hardBreaks: Bool

    /// - Parameter hardBreaks: render every single newline inside a paragraph as `<br />`.
    ///   Chinese report text is often hand-wrapped with meaningful line breaks, which plain
    ///   CommonMark would fold into one line.
    public init(hardBreaks: Bool = false) {
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, and cmark replaces a
        // NUL byte before it validates, so the check (a sixth of cmark's time) changed nothing.
        var options = CMARK_OPT_DEFAULT
        if hardBreaks { options |= CMARK_OPT_HARDBREAKS }
        self.options = options
        self.hardBreaks = hardBreaks
    }

    /// Renders `markdown` to an HTML fragment (no `<html>`/`<body>` wrapper).
    public func html(_ markdown: String) -> String {
        if let plain = PlainParagraphs.html(markdown, lineBreak: hardBreaks ? "<br />\n" : "\n") { return plain }
        return parsedHTML(markdown)
    }

    /// `html(_:)` by cmark, whatever the text (tests hold `PlainParagraphs` to it).
    func parsedHTML(_ markdown: String) -> String {
        CMarkLibrary.lock.lock()
        defer { CMarkLibrary.lock.unlock() }
        return CMarkLibrary.render(markdown, options: options)
    }
}

/// Process-wide cmark-gfm state and the single place that calls into it.
private enum CMarkLibrary {
    /// GFM extensions attached to every parser. `tagfilter` only matters with unsafe HTML
    /// (which we never enable) but is kept as defence in depth.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Registering the core extensions mutates a global, non-thread-safe registry, so it
    /// must happen exactly once before any lookup. Swift runs a static's initialiser
    /// exactly once, thread-safely, on first access.
    static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm 0.29.0.gfm.6 (Debian's version) is not re-entrant even with one parser per
    /// document: while parsing inlines it adds and then removes the extensions' trigger
    /// characters (`~`, `w`, `:` …) in a global `SPECIAL_CHARS` table (github/cmark-gfm#176,
    /// still unfixed upstream). Concurrent parses can therefore miss strikethrough or
    /// autolinks, so all calls into the library are serialised. Rendering is cheap
    /// compared with the rest of the site build, so the lock costs little.
    static let lock = NSLock()

    /// Parses and renders one document. Caller must hold `lock`.
    static func render(_ markdown: String, options: Int32) -> String {
        _ = registered

        // cmark's default allocator aborts on out-of-memory, so nil is not expected here;
        // return empty output rather than crash if it ever happens.
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }

        for name in extensionNames {
            // Lookup only fails if the library was built without core extensions; the
            // document still renders as plain CommonMark then, and the tests will notice.
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }

        var text = markdown
        text.withUTF8 { bytes in
            // An empty buffer may have a nil base address; there is nothing to feed then.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }

        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }

        // The extension list is owned by the parser, which is still alive here.
        guard let output = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        // Allocated with cmark's default (libc) allocator, so plain free() releases it.
        defer { free(output) }
        return String(cString: output)
    }
}
