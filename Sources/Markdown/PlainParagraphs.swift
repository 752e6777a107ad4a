import Foundation

/// Text that is nothing but paragraphs of plain lines, rendered as cmark-gfm renders it without
/// running the parser: most report sections are such text, and cmark (a new parser with four
/// extensions per section, behind a process-wide lock) was most of a report page's Markdown time.
///
/// A line is plain when no Markdown construct can start in it: no ASCII punctuation that opens
/// inline syntax or an extension (`` ` * _ [ ] < > & ~ | ! : @ ' \ ``), no `www.`, no control
/// character or tab, no space at either end, and no block marker at its start (`#`, `-`, `+`,
/// `=`, or digits and `.`/`)` followed by a space or the line's end). Such a line is text to
/// cmark: lines run into paragraphs, empty lines end them, and only `"` needs escaping.
/// Anything else returns nil and goes to cmark (`MarkdownTests` holds the two to the same output).
enum PlainParagraphs {
    /// The HTML of `text`, or nil when it is not plain paragraphs.
    /// - Parameter lineBreak: what a line break inside a paragraph becomes (`<br />\n` with hard breaks).
    static func html(_ text: String, lineBreak: String) -> String? {
        // The output is the text's own lines with markup between them: found on the bytes, then
        // copied as substrings of the text, which need no second UTF-8 validation.
        var text = text
        guard let pieces = text.withUTF8({ pieces(of: $0) }) else { return nil }
        let utf8 = text.utf8
        var out = ""
        out.reserveCapacity(utf8.count + utf8.count / 16 + 16)
        for piece in pieces {
            switch piece {
            case .text(let range):
                out += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            case .lineBreak: out += lineBreak
            case .open: out += "<p>"
            case .close: out += "</p>\n"
            case .quote: out += "&quot;"
            }
        }
        return out
    }

    private enum Piece {
        case text(Range<Int>)   // bytes of the text
        case lineBreak, open, close, quote
    }

    /// The output of `bytes` in pieces, or nil if it is not plain paragraphs.
    private static func pieces(of bytes: UnsafeBufferPointer<UInt8>) -> [Piece]? {
        let n = bytes.count
        var pieces: [Piece] = []
        var inParagraph = false
        var start = 0
        while start < n {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            let end = memchr(base + start, 0x0A, n - start).map { UnsafeRawPointer($0) - base } ?? n
            if end == start {
                if inParagraph { pieces.append(.close); inParagraph = false }
            } else {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard let quotes = plainLineQuotes(line) else { return nil }
                pieces.append(inParagraph ? .lineBreak : .open)
                inParagraph = true
                if quotes == 0 {
                    pieces.append(.text(start..<end))
                } else {
                    var from = start
                    for i in start..<end where bytes[i] == 0x22 {
                        if from < i { pieces.append(.text(from..<i)) }
                        pieces.append(.quote)
                        from = i + 1
                    }
                    if from < end { pieces.append(.text(from..<end)) }
                }
            }
            start = end + 1
        }
        if inParagraph { pieces.append(.close) }
        return pieces
    }

    /// The number of `"` in a plain line (without its newline, not empty); nil if it is not plain.
    private static func plainLineQuotes(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = line.first, let last = line.last, first != 0x20, last != 0x20 else { return nil }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): return nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // An ordered list item: digits, `.` or `)`, then a space, a tab or the end.
            var i = 1
            while i < line.count, line[i] >= 0x30, line[i] <= 0x39 { i += 1 }
            if i < line.count, line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: ")"),
               i + 1 == line.count || line[i + 1] == 0x20 || line[i + 1] == 0x09 { return nil }
        default: break
        }
        var quotes = 0
        let low = specialLow, high = specialHigh
        var i = 0
        while i < line.count {
            // Chinese text is mostly bytes ≥ 0x80, which are never special: eight at a time.
            if i + 8 <= line.count,
               UnsafeRawPointer(line.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                i += 8
                continue
            }
            let b = line[i]
            defer { i += 1 }
            if b >= 0x80 { continue }
            if b < 0x40 ? (low >> UInt64(b)) & 1 != 0 : (high >> UInt64(b - 0x40)) & 1 != 0 { return nil }
            if b == 0x22 { quotes += 1 }
            // `www.` (an extended autolink).
            if b == UInt8(ascii: "."), i >= 3, line[i - 1] == UInt8(ascii: "w"), line[i - 2] == UInt8(ascii: "w"),
               line[i - 3] == UInt8(ascii: "w") { return nil }
        }
        return quotes
    }

    /// ASCII bytes that may start Markdown syntax anywhere in a line, and control characters, as
    /// bits (byte value, and byte value − 64).
    private static let (specialLow, specialHigh): (UInt64, UInt64) = {
        var low: UInt64 = 0, high: UInt64 = 0
        for b in 0..<128 where b < 0x20 || b == 0x7F || "`*_[]<>&~|!:@'\\".utf8.contains(UInt8(b)) {
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
        }
        return (low, high)
    }()
}
