import Foundation

/// Small text helpers shared by the parser stages. Report text arrives with full-width
/// digits, ideographic spaces and both bracket styles; matching works on a folded form.
enum TextNormalizer {
    /// Folds for label matching: no whitespace, ASCII brackets, full-width digits/letters to
    /// ASCII, `．`/`、` after a digit to `.`, quotes removed.
    static func key(_ text: String) -> String {
        // Built from the UTF-8 bytes into a string of the text's length (folding only ever
        // shortens it): appending scalars to a String one by one, then iterating the scalar
        // view, were hot spots.
        return text.withUTF8Bytes { b in
            guard !b.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var folder = KeyFolder(out)
                folder.fold(b)
                return folder.count
            }
        }
    }

    /// `key(lines.map(\.text).joined(separator: "\n"))`, without joining: the fold drops line
    /// feeds, and a dropped scalar changes nothing of what follows it.
    static func key(joining lines: [SourceLine]) -> String {
        let total = lines.reduce(0) { $0 + $1.text.utf8.count }
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            var folder = KeyFolder(out)
            for line in lines {
                line.text.withUTF8Bytes { folder.fold($0) }
            }
            return folder.count
        }
    }

    /// The bytes of `key(joining: lines)`, lent to `body` without making a string of them:
    /// a string validates all its bytes again, and a search needs none of that.
    static func withKeyBytes<R>(joining lines: [SourceLine], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let total = lines.reduce(0) { $0 + $1.text.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { out in
            var folder = KeyFolder(out)
            for line in lines {
                line.text.withUTF8Bytes { folder.fold($0) }
            }
            return body(UnsafeBufferPointer(rebasing: out[..<folder.count]))
        }
    }

    /// The fold of `key`, from UTF-8 into a buffer at least as long as all the input.
    private struct KeyFolder {
        let out: UnsafeMutableBufferPointer<UInt8>
        private(set) var count = 0
        private var previousWasDigit = false

        init(_ out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

        mutating func fold(_ b: UnsafeBufferPointer<UInt8>) {
            var n = count
            defer { count = n }
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead >= 0xE5 && lead <= 0xE9 {
                    // U+5000–U+9FFF, CJK ideographs: kept as they are, and no digit.
                    out[n] = lead
                    out[n + 1] = b[i + 1]
                    out[n + 2] = b[i + 2]
                    n += 3
                    i += 3
                    previousWasDigit = false
                    continue
                }
                if lead < 0x80 {
                    // ASCII (digits, tabs and pipes of table lines): what the switch below does
                    // with it, without decoding it and comparing it with every case there.
                    i += 1
                    switch lead {
                    case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x2A, 0x23:   // space, tab, LF, CR, " ' * #
                        continue
                    default:
                        out[n] = lead
                        n += 1
                        previousWasDigit = lead >= 0x30 && lead <= 0x39
                        continue
                    }
                }
                var (s, width) = scalar(in: b, at: i)
                i += width
                if (0xFF01...0xFF5E).contains(s.value) { s = Unicode.Scalar(s.value - 0xFEE0)! }
                switch s {
                case " ", "\t", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\n", "\r":
                    continue
                case "“", "”", "\"", "‘", "’", "'", "「", "」", "*", "#":
                    continue
                case "、" where previousWasDigit, "．":
                    out[n] = UInt8(ascii: ".")
                    n += 1
                    previousWasDigit = false
                    continue
                case "【", "〔":
                    out[n] = UInt8(ascii: "(")
                    n += 1
                case "】", "〕":
                    out[n] = UInt8(ascii: ")")
                    n += 1
                default:
                    UTF8.encode(s) { out[n] = $0; n += 1 }
                }
                // The ASCII scalars with a numeric type are exactly the digits 0–9.
                previousWasDigit = s.value >= 0x30 && s.value <= 0x39
            }
        }
    }

    /// Trims ASCII and ideographic whitespace.
    static func trim(_ text: String) -> String {
        if startsAndEndsPlain(text) { return text }
        // By bytes: the result is the bytes from the first scalar that is no space to the end of
        // the last one (Foundation's trimmingCharacters, then scalar views, were hot spots).
        return text.withUTF8Bytes { b in
            var start = 0
            while start < b.count {
                let (s, width) = scalar(in: b, at: start)
                if !isSpace(s) { break }
                start += width
            }
            guard start < b.count else { return "" }
            var end = b.count
            while true {
                var lead = end - 1
                while b[lead] & 0xC0 == 0x80 { lead -= 1 }
                if !isSpace(scalar(in: b, at: lead).0) { break }
                end = lead
            }
            if start == 0 && end == b.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    static func trim(_ text: Substring) -> String {
        trim(String(text))
    }

    /// The scalar that starts at byte `i` of valid UTF-8, and its width in bytes.
    @inline(__always)
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = b[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (width + 1))
        for k in 1..<width { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(value)!, width)
    }

    /// A byte test that settles most texts for `trim`: the first scalar is ASCII other than a
    /// space, or a CJK ideograph (lead byte E4–E9, U+4000–U+9FFF); so is the last (its lead
    /// byte is then three from the end). No such scalar is a space.
    @inline(__always)
    private static func startsAndEndsPlain(_ text: String) -> Bool {
        // This runs for nearly every cell and line: inlined, and on the bytes in place.
        text.withUTF8Bytes { b in
            guard let first = b.first, let last = b.last else { return false }
            let plainStart = first < 0x80 ? !isASCIISpace(first) : (0xE4...0xE9).contains(first)
            let plainEnd = last < 0x80 ? !isASCIISpace(last) : b.count >= 3 && (0xE4...0xE9).contains(b[b.count - 3])
            return plainStart && plainEnd
        }
    }

    /// The ASCII scalars `isSpace` holds.
    @inline(__always)
    private static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static let whitespace = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: "\u{3000}\u{00A0}\u{200B}\u{FEFF}"))

    /// Removes spaces between CJK characters and digits, which PDF copies insert
    /// (`2023 年` → `2023年`), leaving spaces between Latin words.
    static func collapseSpaces(_ text: String) -> String {
        // Without a space, tab or U+3000 (encoded E3 80 80) there is nothing to remove.
        guard text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0xE3 }),
              text.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) else { return text }
        if let scalars = SimpleText.scalars(text) { return collapseSpaces(simple: scalars) }
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if c == " " || c == "\u{3000}" || c == "\t" {
                let prev = out.last
                let next = chars[(i + 1)...].first { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }
                if let prev, let next, isLatin(prev), isLatin(next) {
                    if out.last != " " { out.append(" ") }
                }
                continue
            }
            out.append(c)
        }
        return out
    }

    /// `collapseSpaces` for simple text (see `SimpleText`), whose characters are its scalars:
    /// the same walk over scalars, without breaking the text into Characters.
    private static func collapseSpaces(simple chars: [Unicode.Scalar]) -> String {
        func isSeparator(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\t" }
        // An ASCII letter: what `isLatin` holds of a Character that is one scalar.
        func isLatin(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(chars.count)
        for (i, c) in chars.enumerated() {
            if isSeparator(c) {
                let prev = out.last
                let next = chars[(i + 1)...].first { !isSeparator($0) }
                if let prev, let next, isLatin(prev), isLatin(next) {
                    if out.last != " " { out.append(" ") }
                }
                continue
            }
            out.append(c)
        }
        return SimpleText.string(out[...])
    }

    private static func isLatin(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter)
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
    }

    static let chineseNumerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}
