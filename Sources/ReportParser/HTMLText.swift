/// Turns an HTML page or fragment (a report saved from a portal page) into text lines the
/// plain-text parser reads.
///
/// - Block elements (`p`, `div`, `h1`–`h6`, `li`, `br`, `section`, `blockquote`, `pre`, …)
///   start new lines; inline tags are dropped and their text kept; `script`, `style`,
///   `head` (with `title`), `noscript`, `template`, `select`, `svg`, comments and
///   `<!DOCTYPE>` are dropped with their content.
/// - Each `<tr>` becomes one line: its cells (`td`/`th`) trimmed, whitespace runs (tabs
///   included, so no cell holds a tab) collapsed to one space, joined by a tab. Line breaks inside a cell (`<br>`, `<p>`, `<div>`) join
///   without a separator (`本年新<br/>制作数量` → `本年新制作数量`). colspan/rowspan are not
///   expanded. A row whose cells are all empty is kept (as a line of tabs).
/// - Layout tables: a row with a cell holding a nested table, or a cell of several long
///   paragraphs (over 120 characters in all), is page layout, not data; its paragraphs become
///   lines of their own, and a table nested in a cell makes the enclosing table layout.
/// - Entities are decoded (named, `&#12345;`, `&#x4E00;`); `&nbsp;` (and a literal U+00A0,
///   `&ensp;`, `&emsp;`, `&thinsp;`) becomes a plain space.
/// - Inside `<pre>` outside tables, each source line is a line; spacing is kept.
/// - `number` is the 1-based source line where the element (the `<p>`, the `<tr>`) began, or
///   where the text began when no block element opened it; `column` is the 1-based column
///   (in Unicode scalars) of that place, so positions stay meaningful in one-line HTML.
///
/// Malformed input (unclosed tags, a bare `<` in text, upper-case names, `>` inside quoted
/// attribute values) is read the way browsers mostly read it. Runs in linear time.
public enum HTMLText {
    public static func lines(from html: String) -> [SourceLine] {
        var html = html
        return html.withUTF8 { bytes in
            var builder = HTMLLineBuilder(bytes)
            builder.run()
            return builder.output
        }
    }
}

// MARK: - Positions

private struct HTMLPosition {
    var line: Int
    var column: Int
}

/// Maps byte offsets to line and column; offsets must be asked in increasing order
/// (asking an earlier one restarts from the top, which the builder never does).
private struct Locator {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    var line = 1
    var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func position(at target: Int) -> HTMLPosition {
        if target < offset { offset = 0; line = 1; column = 1 }
        let end = min(target, bytes.count)
        while offset < end {
            let b = bytes[offset]
            if b == 0x0A {
                line += 1; column = 1
            } else if b == 0x0D {
                // \r\n counts once (at the \n); a lone \r ends a line.
                if !(offset + 1 < bytes.count && bytes[offset + 1] == 0x0A) { line += 1; column = 1 }
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return HTMLPosition(line: line, column: column)
    }
}

// MARK: - Text accumulation

@inline(__always) private func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
}

/// The text of one line (or one part of a cell) as it is read.
private struct TextBuffer {
    var bytes: [UInt8] = []
    /// Where the text began: the block element that opened it, else its first character.
    var origin: HTMLPosition?
    /// The block element opened before any text arrived.
    var pending: HTMLPosition?

    var hasContent: Bool { origin != nil }

    /// Appends source bytes, turning a literal U+00A0 into a space.
    mutating func append(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at position: HTMLPosition) {
        if origin == nil { origin = pending ?? position }
        var k = range.lowerBound
        while k < range.upperBound {
            let b = src[k]
            if b == 0xC2, k + 1 < range.upperBound, src[k + 1] == 0xA0 {
                bytes.append(0x20)
                k += 2
            } else {
                bytes.append(b)
                k += 1
            }
        }
    }

    mutating func append(_ scalar: Unicode.Scalar, at position: HTMLPosition) {
        if origin == nil { origin = pending ?? position }
        bytes.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// The text collected (whitespace runs collapsed, trimmed; or, preformatted, only
    /// trailing whitespace removed), nil when there is none; the buffer is emptied.
    mutating func take(preformatted: Bool = false) -> (text: String, origin: HTMLPosition)? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            origin = nil
            pending = nil
        }
        guard let origin, !bytes.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        if preformatted {
            out = bytes
            while let last = out.last, isSpace(last) { out.removeLast() }
        } else {
            var space = false
            for b in bytes {
                if isSpace(b) {
                    space = true
                    continue
                }
                if space, !out.isEmpty { out.append(0x20) }
                space = false
                out.append(b)
            }
        }
        let text = Self.trimmed(String(decoding: out, as: UTF8.self), leading: !preformatted)
        if text.unicodeScalars.allSatisfy(Self.isBlank) { return nil }
        return (text, origin)
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}"
    }

    /// Removes Unicode whitespace (U+3000 and the like) the byte pass left at the ends.
    private static func trimmed(_ text: String, leading: Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              (leading && !first.isASCII) || !last.isASCII else { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        if leading {
            while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

private struct Segment {
    var text: String
    var origin: HTMLPosition
}

private struct Cell {
    var segments: [Segment] = []
    var current = TextBuffer()

    mutating func breakSegment(pending: HTMLPosition?) {
        if let (text, origin) = current.take() { segments.append(Segment(text: text, origin: origin)) }
        current.pending = pending
    }
}

private struct Row {
    var origin: HTMLPosition
    var cells: [[Segment]] = []
    var cell: Cell?

    mutating func closeCell() {
        guard var cell else { return }
        cell.breakSegment(pending: nil)
        cells.append(cell.segments)
        self.cell = nil
    }
}

private struct TableContext {
    /// A table used for page layout: rows and cells only break lines.
    var layout = false
    var row: Row?
}

// MARK: - Builder

private struct HTMLLineBuilder {
    let src: UnsafeBufferPointer<UInt8>
    var locator: Locator
    var output: [SourceLine] = []

    var paragraph = TextBuffer()
    var tables: [TableContext] = []
    var preDepth = 0
    var inHead = false
    /// Quote characters with no further occurrence (keeps unbalanced quotes linear).
    var quoteExhausted: Set<UInt8> = []
    /// Elements whose end tag is known to be missing from here on.
    var unclosed: Set<String> = []

    init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        self.locator = Locator(src)
    }

    mutating func run() {
        var i = 0
        let n = src.count
        while i < n {
            switch src[i] {
            case UInt8(ascii: "<"): i = tag(at: i)
            case UInt8(ascii: "&"): i = entity(at: i)
            default:
                var end = i + 1
                while end < n, src[end] != UInt8(ascii: "<"), src[end] != UInt8(ascii: "&") { end += 1 }
                text(i..<end)
                i = end
            }
        }
        for t in tables.indices.reversed() where !tables[t].layout {
            finishRow(t)
        }
        flushParagraph(pending: nil)
    }

    // MARK: Sinks

    /// True when text goes into a data table's cell rather than a line of its own.
    private var inCell: Bool {
        guard let top = tables.last else { return false }
        return !top.layout && top.row?.cell != nil
    }

    private mutating func emit(_ text: String, _ origin: HTMLPosition) {
        output.append(SourceLine(text, number: origin.line, column: origin.column))
    }

    private mutating func flushParagraph(pending: HTMLPosition?) {
        if let (text, origin) = paragraph.take(preformatted: preDepth > 0) { emit(text, origin) }
        paragraph.pending = pending
    }

    /// A block element starts or ends here: a new line, or a new part of the current cell.
    private mutating func boundary(pending: HTMLPosition?) {
        if inCell {
            let t = tables.count - 1
            tables[t].row!.cell!.breakSegment(pending: pending)
        } else {
            flushParagraph(pending: pending)
        }
    }

    private mutating func text(_ range: Range<Int>) {
        if inHead {
            guard firstNonSpace(range) != nil else { return }
            inHead = false      // text in <head> ends it, as in browsers
        }
        if preDepth > 0, !inCell {
            // Preformatted: every source line is a line.
            var start = range.lowerBound
            var k = start
            while k < range.upperBound {
                let b = src[k]
                if b == 0x0A || b == 0x0D {
                    appendPreformatted(start..<k)
                    flushParagraph(pending: nil)
                    start = k + 1
                }
                k += 1
            }
            appendPreformatted(start..<range.upperBound)
            return
        }
        let sinkHasContent = inCell ? tables[tables.count - 1].row!.cell!.current.hasContent : paragraph.hasContent
        guard let first = firstNonSpace(range) else {
            // Only whitespace: it matters only as a separator after text.
            if sinkHasContent { appendToSink(range.lowerBound..<range.lowerBound + 1, at: HTMLPosition(line: 0, column: 0), space: true) }
            return
        }
        let position = locator.position(at: first)
        appendToSink((sinkHasContent ? range.lowerBound : first)..<range.upperBound, at: position, space: false)
    }

    private mutating func appendPreformatted(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let position = locator.position(at: range.lowerBound)
        paragraph.append(src, range, at: position)
    }

    private mutating func appendToSink(_ range: Range<Int>, at position: HTMLPosition, space: Bool) {
        if inCell {
            let t = tables.count - 1
            if space { tables[t].row!.cell!.current.bytes.append(0x20) } else {
                tables[t].row!.cell!.current.append(src, range, at: position)
            }
        } else {
            if space { paragraph.bytes.append(0x20) } else { paragraph.append(src, range, at: position) }
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, at offset: Int) {
        if inHead { inHead = false }
        let blank = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        if inCell {
            let t = tables.count - 1
            if blank {
                if tables[t].row!.cell!.current.hasContent { tables[t].row!.cell!.current.bytes.append(0x20) }
                return
            }
            let position = locator.position(at: offset)
            tables[t].row!.cell!.current.append(scalar, at: position)
        } else {
            if blank, !(paragraph.hasContent || preDepth > 0) { return }
            let position = locator.position(at: offset)
            paragraph.append(scalar, at: position)
        }
    }

    /// The first byte that is not whitespace (a literal U+00A0 counts as whitespace).
    private func firstNonSpace(_ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        while k < range.upperBound {
            let b = src[k]
            if isSpace(b) { k += 1; continue }
            if b == 0xC2, k + 1 < range.upperBound, src[k + 1] == 0xA0 { k += 2; continue }
            return k
        }
        return nil
    }

    // MARK: Tables

    private mutating func finishRow(_ t: Int) {
        guard var row = tables[t].row else { return }
        row.closeCell()
        tables[t].row = nil
        guard !row.cells.isEmpty else { return }
        if Self.isLayoutRow(row.cells) {
            emitSegments(row.cells)
        } else {
            let text = row.cells.map { $0.map(\.text).joined() }.joined(separator: "\t")
            emit(text, row.origin)
        }
    }

    private mutating func emitSegments(_ cells: [[Segment]]) {
        for segment in cells.joined() { emit(segment.text, segment.origin) }
    }

    /// A cell of several paragraphs of running text is page layout, not a data cell.
    private static func isLayoutRow(_ cells: [[Segment]]) -> Bool {
        cells.contains { segments in
            segments.count >= 2 && segments.reduce(0) { $0 + $1.text.unicodeScalars.count } > 120
        }
    }

    /// A table opened inside a cell: the enclosing table is layout. Its row so far is
    /// written out paragraph by paragraph.
    private mutating func makeLayout(_ t: Int) {
        if var row = tables[t].row {
            row.closeCell()
            emitSegments(row.cells)
        }
        tables[t].row = nil
        tables[t].layout = true
    }

    private mutating func openTable() {
        boundary(pending: nil)
        if inCell { makeLayout(tables.count - 1) }
        tables.append(TableContext())
    }

    private mutating func closeTable() {
        guard !tables.isEmpty else {
            boundary(pending: nil)
            return
        }
        let t = tables.count - 1
        if !tables[t].layout { finishRow(t) }
        flushParagraph(pending: nil)
        tables.removeLast()
        boundary(pending: nil)
    }

    private mutating func openRow(at position: HTMLPosition) {
        if tables.isEmpty { tables.append(TableContext()) }
        let t = tables.count - 1
        if tables[t].layout {
            boundary(pending: position)
            return
        }
        finishRow(t)
        flushParagraph(pending: nil)
        tables[t].row = Row(origin: position)
    }

    private mutating func openCell(at position: HTMLPosition) {
        if tables.isEmpty { tables.append(TableContext()) }
        let t = tables.count - 1
        if tables[t].layout {
            boundary(pending: position)
            return
        }
        flushParagraph(pending: nil)
        if tables[t].row == nil { tables[t].row = Row(origin: position) }
        tables[t].row!.closeCell()
        var cell = Cell()
        cell.current.pending = position
        tables[t].row!.cell = cell
    }

    private mutating func closeCell() {
        guard let t = tables.indices.last, !tables[t].layout, tables[t].row?.cell != nil else {
            boundary(pending: nil)
            return
        }
        tables[t].row!.closeCell()
    }

    private mutating func closeRow() {
        guard let t = tables.indices.last, !tables[t].layout else {
            boundary(pending: nil)
            return
        }
        finishRow(t)
    }

    // MARK: Tags

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "listing", "main", "menu", "nav", "ol", "option", "p", "plaintext", "pre", "section",
        "summary", "ul", "br",
    ]

    /// Dropped with their content.
    private static let skippedElements: Set<String> = [
        "script", "style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
        "select", "svg", "math", "textarea", "object",
    ]

    /// When their end tag is missing, the rest of the document is their content (as in browsers).
    private static let rawToEnd: Set<String> = ["script", "style", "xmp", "noembed", "noframes", "iframe"]

    private static let headElements: Set<String> = [
        "html", "head", "title", "meta", "link", "base", "style", "script", "noscript", "template", "basefont", "bgsound",
    ]

    /// Handles `<` at `i`; returns where reading goes on.
    private mutating func tag(at i: Int) -> Int {
        let n = src.count
        guard i + 1 < n else {
            literal(UInt8(ascii: "<"), at: i)
            return n
        }
        let c = src[i + 1]
        if c == UInt8(ascii: "!") {
            if matches(at: i, "<!--") {
                var k = i + 4
                if k < n, src[k] == UInt8(ascii: ">") { return k + 1 }                  // <!-->
                if k + 1 < n, src[k] == UInt8(ascii: "-"), src[k + 1] == UInt8(ascii: ">") { return k + 2 } // <!--->
                while k + 2 < n {
                    if src[k] == UInt8(ascii: "-"), src[k + 1] == UInt8(ascii: "-"), src[k + 2] == UInt8(ascii: ">") {
                        return k + 3
                    }
                    k += 1
                }
                return n
            }
            return skipPast(UInt8(ascii: ">"), from: i + 2)
        }
        if c == UInt8(ascii: "?") { return skipPast(UInt8(ascii: ">"), from: i + 2) }
        if c == UInt8(ascii: "/") {
            guard i + 2 < n else {
                literal(UInt8(ascii: "<"), at: i)
                return i + 1
            }
            let d = src[i + 2]
            if d == UInt8(ascii: ">") { return i + 3 }
            guard isAlpha(d) else { return skipPast(UInt8(ascii: ">"), from: i + 2) }
            let (name, nameEnd) = readName(from: i + 2)
            guard let (end, _) = tagEnd(from: nameEnd) else { return n }
            endTag(name, at: i)
            return end
        }
        guard isAlpha(c) else {
            literal(UInt8(ascii: "<"), at: i)
            return i + 1
        }
        let (name, nameEnd) = readName(from: i + 1)
        guard let (end, selfClosing) = tagEnd(from: nameEnd) else { return n }
        return startTag(name, selfClosing: selfClosing, at: i, end: end)
    }

    private mutating func startTag(_ name: String, selfClosing: Bool, at i: Int, end: Int) -> Int {
        if inHead, !Self.headElements.contains(name) { inHead = false }
        if Self.skippedElements.contains(name), !selfClosing, !unclosed.contains(name) {
            if let close = findEndTag(name, from: end) {
                return tagEnd(from: close)?.end ?? src.count
            }
            if Self.rawToEnd.contains(name) { return src.count }
            unclosed.insert(name)
            return end
        }
        switch name {
        case "head":
            if !selfClosing { inHead = true }
        case "table":
            openTable()
        case "tr":
            openRow(at: locator.position(at: i))
        case "td", "th":
            openCell(at: locator.position(at: i))
        case "tbody", "thead", "tfoot":
            if let t = tables.indices.last, !tables[t].layout { finishRow(t) } else { boundary(pending: nil) }
        case "br", "hr":
            boundary(pending: nil)
        case "pre", "listing", "plaintext":
            boundary(pending: locator.position(at: i))
            preDepth += 1
        default:
            if Self.blockElements.contains(name) { boundary(pending: locator.position(at: i)) }
        }
        return end
    }

    private mutating func endTag(_ name: String, at i: Int) {
        switch name {
        case "head":
            inHead = false
        case "table":
            closeTable()
        case "tr":
            closeRow()
        case "td", "th":
            closeCell()
        case "tbody", "thead", "tfoot":
            if let t = tables.indices.last, !tables[t].layout { finishRow(t) } else { boundary(pending: nil) }
        case "pre", "listing", "plaintext":
            boundary(pending: nil)
            preDepth = max(0, preDepth - 1)
        default:
            if Self.blockElements.contains(name) { boundary(pending: nil) }
        }
    }

    private mutating func literal(_ byte: UInt8, at i: Int) {
        appendScalar(Unicode.Scalar(byte), at: i)
    }

    @inline(__always) private func isAlpha(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private func matches(at i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= src.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where src[i + k] != p[k] { return false }
        return true
    }

    private func skipPast(_ byte: UInt8, from i: Int) -> Int {
        var k = i
        while k < src.count {
            if src[k] == byte { return k + 1 }
            k += 1
        }
        return src.count
    }

    /// A tag name, lower-cased, and the offset after it.
    private func readName(from i: Int) -> (String, Int) {
        var k = i
        var bytes: [UInt8] = []
        while k < src.count {
            let b = src[k]
            if isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { break }
            if bytes.count < 32 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
            k += 1
        }
        return (String(decoding: bytes, as: UTF8.self), k)
    }

    /// Reads attributes up to the closing `>` (quoted values may hold `>`): the offset after
    /// the tag and whether it ends in `/>`; nil when the input ends inside the tag.
    private mutating func tagEnd(from i: Int) -> (end: Int, selfClosing: Bool)? {
        var k = i
        var previous: UInt8 = 0
        while k < src.count {
            let b = src[k]
            if b == UInt8(ascii: ">") { return (k + 1, previous == UInt8(ascii: "/")) }
            if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")), previous == UInt8(ascii: "="),
               !quoteExhausted.contains(b) {
                var q = k + 1
                while q < src.count, src[q] != b { q += 1 }
                if q < src.count {
                    previous = b
                    k = q + 1
                    continue
                }
                quoteExhausted.insert(b)    // no closing quote anywhere after: read it as a character
            }
            if !isSpace(b) { previous = b }
            k += 1
        }
        return nil
    }

    /// The offset of `</name` (any case, followed by a non-name byte) at or after `i`.
    private func findEndTag(_ name: String, from i: Int) -> Int? {
        let target = Array(name.utf8)
        var k = i
        let n = src.count
        while k + 1 + target.count < n {
            if src[k] == UInt8(ascii: "<"), src[k + 1] == UInt8(ascii: "/") {
                var ok = true
                for (j, t) in target.enumerated() {
                    var b = src[k + 2 + j]
                    if b >= 0x41 && b <= 0x5A { b += 0x20 }
                    if b != t { ok = false; break }
                }
                if ok {
                    let after = k + 2 + target.count
                    if after >= n || isSpace(src[after]) || src[after] == UInt8(ascii: ">") || src[after] == UInt8(ascii: "/") {
                        return k + 2 + target.count
                    }
                }
            }
            k += 1
        }
        return nil
    }

    // MARK: Entities

    /// Handles `&` at `i`; returns where reading goes on.
    private mutating func entity(at i: Int) -> Int {
        let n = src.count
        var k = i + 1
        if k < n, src[k] == UInt8(ascii: "#") {
            k += 1
            var hex = false
            if k < n, src[k] == UInt8(ascii: "x") || src[k] == UInt8(ascii: "X") { hex = true; k += 1 }
            var value: UInt32 = 0
            var digits = 0
            while k < n {
                let b = src[k]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x61...0x66 where hex: d = UInt32(b - 0x61 + 10)
                case 0x41...0x46 where hex: d = UInt32(b - 0x41 + 10)
                default: d = UInt32.max
                }
                if d == UInt32.max { break }
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + d }
                digits += 1
                k += 1
            }
            guard digits > 0 else {
                literal(UInt8(ascii: "&"), at: i)
                return i + 1
            }
            if k < n, src[k] == UInt8(ascii: ";") { k += 1 }
            if let scalar = Self.numericScalar(value) { appendScalar(scalar, at: i) }
            return k
        }
        // Named: the longest alphanumeric run, then `;`.
        var end = k
        while end < n, end - k < 32, isAlnum(src[end]) { end += 1 }
        if end > k {
            let name = String(decoding: UnsafeBufferPointer(rebasing: src[k..<end]), as: UTF8.self)
            if end < n, src[end] == UInt8(ascii: ";") {
                if let scalar = Self.namedEntities[name] ?? Self.namedEntities[name.lowercased()] {
                    appendScalar(scalar, at: i)
                    return end + 1
                }
            } else {
                // Legacy entities written without `;` (`&nbsp` before a character).
                for legacy in Self.legacyEntities where name.hasPrefix(legacy) {
                    appendScalar(Self.namedEntities[legacy]!, at: i)
                    return k + legacy.utf8.count
                }
            }
        }
        literal(UInt8(ascii: "&"), at: i)
        return i + 1
    }

    @inline(__always) private func isAlnum(_ b: UInt8) -> Bool {
        isAlpha(b) || (b >= 0x30 && b <= 0x39)
    }

    /// The character a numeric reference stands for, browser-style: NUL, surrogates and
    /// out-of-range values become U+FFFD, 0x80–0x9F are read as Windows-1252; other
    /// control characters are dropped (nil).
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar? {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        if (0x80...0x9F).contains(value) {
            return windows1252[Int(value - 0x80)].flatMap(Unicode.Scalar.init)
        }
        if value == 0xA0 { return " " }
        if value < 0x20, value != 0x09, value != 0x0A, value != 0x0D, value != 0x0C { return nil }
        if value == 0x7F { return nil }
        return Unicode.Scalar(value)
    }

    private static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// Recognised without a closing `;`, longest first.
    private static let legacyEntities = ["nbsp", "quot", "copy", "amp", "reg", "lt", "gt"]

    private static let namedEntities: [String: Unicode.Scalar] = [
        // Spaces: all become a plain space.
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ",
        "zwsp": "\u{200B}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "shy": "\u{00AD}",
        // Markup
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"",
        // Punctuation
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "middot": "\u{00B7}", "bull": "\u{2022}", "prime": "\u{2032}", "Prime": "\u{2033}",
        "dagger": "\u{2020}", "Dagger": "\u{2021}", "sect": "\u{00A7}", "para": "\u{00B6}", "iexcl": "\u{00A1}",
        "iquest": "\u{00BF}", "oline": "\u{203E}", "frasl": "\u{2044}", "circ": "\u{02C6}", "tilde": "\u{02DC}",
        "acute": "\u{00B4}", "uml": "\u{00A8}", "cedil": "\u{00B8}", "macr": "\u{00AF}", "brvbar": "\u{00A6}",
        "ordf": "\u{00AA}", "ordm": "\u{00BA}",
        // Symbols and currency
        "times": "\u{00D7}", "divide": "\u{00F7}", "plusmn": "\u{00B1}", "minus": "\u{2212}", "not": "\u{00AC}",
        "deg": "\u{00B0}", "micro": "\u{00B5}", "permil": "\u{2030}", "percnt": "%", "num": "#", "dollar": "$",
        "yen": "\u{00A5}", "cent": "\u{00A2}", "pound": "\u{00A3}", "euro": "\u{20AC}", "curren": "\u{00A4}",
        "copy": "\u{00A9}", "COPY": "\u{00A9}", "reg": "\u{00AE}", "REG": "\u{00AE}", "trade": "\u{2122}",
        "sup1": "\u{00B9}", "sup2": "\u{00B2}", "sup3": "\u{00B3}",
        "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}",
        "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "asymp": "\u{2248}", "equiv": "\u{2261}",
        "infin": "\u{221E}", "radic": "\u{221A}", "sum": "\u{2211}", "prod": "\u{220F}", "lowast": "\u{2217}",
        "larr": "\u{2190}", "uarr": "\u{2191}", "rarr": "\u{2192}", "darr": "\u{2193}", "harr": "\u{2194}",
        "rArr": "\u{21D2}", "lArr": "\u{21D0}", "hArr": "\u{21D4}",
        "loz": "\u{25CA}", "spades": "\u{2660}", "clubs": "\u{2663}", "hearts": "\u{2665}", "diams": "\u{2666}",
        "star": "\u{2606}", "starf": "\u{2605}", "check": "\u{2713}", "cross": "\u{2717}",
        // Punctuation as named in HTML5
        "excl": "!", "quest": "?", "comma": ",", "period": ".", "colon": ":", "semi": ";", "sol": "/",
        "bsol": "\\", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}",
        "verbar": "|", "vert": "|", "ast": "*", "plus": "+", "equals": "=", "commat": "@", "lowbar": "_",
        "grave": "`", "Hat": "^", "hyphen": "\u{2010}", "dash": "\u{2010}",
        // Greek letters used in formulas
        "alpha": "\u{03B1}", "beta": "\u{03B2}", "gamma": "\u{03B3}", "delta": "\u{03B4}", "pi": "\u{03C0}",
        "sigma": "\u{03C3}", "mu": "\u{03BC}", "Omega": "\u{03A9}", "omega": "\u{03C9}", "Delta": "\u{0394}",
        // Latin letters (pinyin, names)
        "agrave": "\u{00E0}", "aacute": "\u{00E1}", "acirc": "\u{00E2}", "atilde": "\u{00E3}", "auml": "\u{00E4}",
        "egrave": "\u{00E8}", "eacute": "\u{00E9}", "ecirc": "\u{00EA}", "euml": "\u{00EB}",
        "igrave": "\u{00EC}", "iacute": "\u{00ED}", "icirc": "\u{00EE}", "iuml": "\u{00EF}",
        "ograve": "\u{00F2}", "oacute": "\u{00F3}", "ocirc": "\u{00F4}", "otilde": "\u{00F5}", "ouml": "\u{00F6}",
        "ugrave": "\u{00F9}", "uacute": "\u{00FA}", "ucirc": "\u{00FB}", "uuml": "\u{00FC}",
        "Agrave": "\u{00C0}", "Aacute": "\u{00C1}", "Auml": "\u{00C4}", "Eacute": "\u{00C9}", "Egrave": "\u{00C8}",
        "Ouml": "\u{00D6}", "Uuml": "\u{00DC}", "ccedil": "\u{00E7}", "Ccedil": "\u{00C7}", "ntilde": "\u{00F1}",
        "Ntilde": "\u{00D1}", "szlig": "\u{00DF}", "oslash": "\u{00F8}", "aring": "\u{00E5}", "aelig": "\u{00E6}",
        "amacr": "\u{0101}", "emacr": "\u{0113}", "imacr": "\u{012B}", "omacr": "\u{014D}", "umacr": "\u{016B}",
    ]
}
