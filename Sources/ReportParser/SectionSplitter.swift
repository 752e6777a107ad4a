/// Cuts a report's lines into the preamble (title, introduction) and the six numbered sections.
struct SectionSplitter {
    struct Part {
        var heading: SectionHeading
        var headingLine: SourceLine
        var lines: [SourceLine]
    }

    var preamble: [SourceLine] = []
    var parts: [Part] = []

    /// Lines longer than this may be web text with the whole body on one line, so headings are
    /// also looked for inside them.
    static let longLine = 160

    init(_ input: [SourceLine]) {
        let lines = Self.splitInlineHeadings(input)
        var wrappedTitle: Set<Int> = []
        var candidates: [(index: Int, heading: SectionHeading)] = []
        for (index, line) in lines.enumerated() {
            if let heading = SectionHeading.atStart(of: line.text) {
                candidates.append((index, heading))
            } else if Self.isBareNumbering(line.text), let next = lines[(index + 1)...].first(where: { !TextNormalizer.trim($0.text).isEmpty }),
                      var heading = SectionHeading.atStart(of: TextNormalizer.trim(line.text) + TextNormalizer.trim(next.text)) {
                // `五、` alone on a line, its title on the next.
                heading.length = line.text.count
                heading.title = TextNormalizer.trim(next.text)
                candidates.append((index, heading))
                wrappedTitle.insert(index)
            }
        }
        // Headings come in template order; a later number never goes back to an earlier one.
        var chosen: [(index: Int, heading: SectionHeading)] = []
        var last = 0
        for (index, heading) in candidates where heading.number > last {
            if let previous = chosen.last, previous.index == index { continue }
            chosen.append((index, heading))
            last = heading.number
        }
        guard let first = chosen.first else {
            preamble = lines
            return
        }
        preamble = Array(lines[..<first.index])
        for (k, entry) in chosen.enumerated() {
            let end = k + 1 < chosen.count ? chosen[k + 1].index : lines.count
            let headingLine = lines[entry.index]
            var body = Array(lines[(entry.index + 1)..<end])
            var heading = entry.heading
            if wrappedTitle.contains(entry.index), let title = body.firstIndex(where: { !TextNormalizer.trim($0.text).isEmpty }) {
                body.removeSubrange(...title)
            }
            // Text after the title on the heading's own line belongs to the section body.
            let (tail, tailStart) = Self.tail(of: headingLine.text, after: heading.length)
            if !TextNormalizer.trim(tail).isEmpty {
                body.insert(SourceLine(tail, number: headingLine.number, column: headingLine.column + tailStart), at: 0)
            } else if !Self.endsWith(heading.title, Self.situation), !Self.endsWith(heading.title, Self.matters),
                      let next = body.first, TextNormalizer.trim(next.text).count <= 12,
                      Self.endsWith(TextNormalizer.trim(next.text), Self.situation) || Self.endsWith(TextNormalizer.trim(next.text), Self.matters) {
                // A heading wrapped over two lines.
                heading.title += TextNormalizer.trim(next.text)
                body.removeFirst()
            }
            if heading.title.utf8.contains(UInt8(ascii: "*")) {
                heading.title = heading.title.replacingOccurrences(of: "*", with: "")
            }
            heading.title = TextNormalizer.trim(heading.title)
            parts.append(Part(heading: heading, headingLine: headingLine, lines: body))
        }
    }

    private static let situation = "情况", matters = "事项"

    /// `text.hasSuffix(suffix)` for a simple `suffix` (see `SimpleText`). When `text` is simple
    /// too, its characters are its scalars and equal only themselves, so the UTF-8 decides;
    /// `hasSuffix` compared them as characters, which cost thousands of instructions a title.
    private static func endsWith(_ text: String, _ suffix: String) -> Bool {
        guard SimpleText.isSimple(text) else { return text.hasSuffix(suffix) }
        return text.withUTF8Bytes { t in
            suffix.withUTF8Bytes { s in
                guard t.count >= s.count else { return false }
                let start = t.count - s.count
                for k in 0..<s.count where t[start + k] != s[k] { return false }
                return true
            }
        }
    }

    /// The text of a heading's line after its lead marks and the heading's `length` characters,
    /// and where it starts (in characters). Simple text (see `SimpleText`) is cut by scalars.
    private static func tail(of line: String, after length: Int) -> (String, Int) {
        if let scalars = SimpleText.scalars(line) {
            let leading = scalars.prefix { " \t\u{3000}#*>".unicodeScalars.contains($0) }.count
            let start = min(scalars.count, leading + length)
            return (SimpleText.string(scalars[start...]), start)
        }
        let chars = Array(line)
        let leading = chars.prefix { " \t\u{3000}#*>".contains($0) }.count
        let start = min(chars.count, leading + length)
        return (String(chars[start...]), start)
    }

    /// `splitInlineHeadings` for one long line of simple text (see `SimpleText`).
    private static func splitInlineHeadings(_ line: SourceLine, _ chars: [Unicode.Scalar]) -> [SourceLine] {
        guard chars.count > longLine else { return [line] }
        let found = SectionHeading.inline(in: chars)
        guard !found.isEmpty else { return [line] }
        func text(_ range: Range<Int>) -> String { SimpleText.string(chars[range]) }
        var out: [SourceLine] = []
        var cut = 0
        for (offset, _) in found where offset > cut {
            let piece = text(cut..<offset)
            if !TextNormalizer.trim(piece).isEmpty {
                out.append(SourceLine(piece, number: line.number, column: line.column + cut))
            }
            cut = offset
        }
        out.append(SourceLine(text(cut..<chars.count), number: line.number, column: line.column + cut))
        return out
    }

    /// `五、`, `5.` or `（五）` with nothing after it.
    static func isBareNumbering(_ text: String) -> Bool {
        // A numeral must be there (U+F9D1 equals 六 as a Character).
        guard text.utf8.count <= 24, holdsNumeral(text) else { return false }
        if let scalars = SimpleText.scalars(text) {
            // Simple text: its characters are its scalars, and neither `#` nor `*` is a space.
            let kept = scalars.filter { $0 != "#" && $0 != "*" }
            guard let first = kept.firstIndex(where: { !TextNormalizer.isSpace($0) }),
                  let last = kept.lastIndex(where: { !TextNormalizer.isSpace($0) }) else { return false }
            let chars = kept[first...last]
            let c = chars.startIndex
            switch chars.count {
            case 2:
                return numeralScalars.contains(chars[c]) && "、.．".unicodeScalars.contains(chars[c + 1])
            case 3:
                return "（(".unicodeScalars.contains(chars[c]) && numeralScalars.contains(chars[c + 1])
                    && "）)".unicodeScalars.contains(chars[c + 2])
            default:
                return false
            }
        }
        var t = TextNormalizer.trim(text)
        t.unicodeScalars.removeAll { $0 == "#" || $0 == "*" }
        let chars = Array(TextNormalizer.trim(t))
        switch chars.count {
        case 2:
            return numerals.contains(chars[0]) && "、.．".contains(chars[1])
        case 3:
            return "（(".contains(chars[0]) && numerals.contains(chars[1]) && "）)".contains(chars[2])
        default:
            return false
        }
    }

    /// Whether `text` holds one of 一…六, 1…6, １…６ or U+F9D1, by their UTF-8 (most short
    /// lines are table cells, and decoding their scalars cost more than this): an ASCII digit
    /// byte, or the three bytes of one of the others at a lead byte.
    private static func holdsNumeral(_ text: String) -> Bool {
        text.withUTF8Bytes { b in
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte >= 0x31 && byte <= 0x36 { return true }
                if byte >= 0xE4, i + 2 < b.count {
                    switch UInt32(byte) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) {
                    case 0xE4B880, 0xE4BA8C, 0xE4B889, 0xE59B9B, 0xE4BA94, 0xE585AD,   // 一二三四五六
                         0xEFBC91...0xEFBC96,                                        // １…６
                         0xEFA791:                                                   // U+F9D1
                        return true
                    default:
                        break
                    }
                }
                i += 1
            }
            return false
        }
    }
    private static let numeralScalars: Set<Unicode.Scalar> = Set(numerals.map { $0.unicodeScalars.first! })
    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "1", "2", "3", "4", "5", "6", "１", "２", "３", "４", "５", "６"]

    /// Splits long lines at headings found inside them, keeping line numbers and columns.
    static func splitInlineHeadings(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            // Cheap tests first; counting characters of every long line was slow.
            // A line can only start with the Character `|` when its first byte is `|` (nothing
            // else is canonically equivalent to it), so most lines skip `hasPrefix`.
            guard line.text.utf8.count > longLine, !ByteSearch.contains(0x09, in: line.text),
                  line.text.utf8.first != 0x7C || !line.text.hasPrefix("|"),
                  SectionHeading.mayHaveInline(line.text) else {
                out.append(line)
                continue
            }
            if let scalars = SimpleText.scalars(line.text) {
                out += splitInlineHeadings(line, scalars)
                continue
            }
            guard line.text.count > longLine else {
                out.append(line)
                continue
            }
            let found = SectionHeading.inline(in: line.text)
            guard !found.isEmpty else {
                out.append(line)
                continue
            }
            let chars = Array(line.text)
            var cut = 0
            for (offset, _) in found where offset > cut {
                let piece = String(chars[cut..<offset])
                if !TextNormalizer.trim(piece).isEmpty {
                    out.append(SourceLine(piece, number: line.number, column: line.column + cut))
                }
                cut = offset
            }
            out.append(SourceLine(String(chars[cut...]), number: line.number, column: line.column + cut))
        }
        return out
    }
}
