/// Report text is nearly all CJK ideographs and punctuation, ASCII and full-width forms. In
/// such text every Unicode scalar is a Character of its own and is canonically equivalent to
/// no other scalar, so character indices are scalar indices and comparing characters is
/// comparing scalars. The hot paths work on scalars (or bytes) when a text is simple and
/// fall back to Character processing otherwise; that keeps results identical while
/// avoiding grapheme breaking and normalising comparisons.
enum SimpleText {
    /// Scalars that never join a neighbour into one grapheme cluster (no combining marks,
    /// joiners, variation selectors, Hangul jamo, regional indicators, CR) and are unchanged
    /// by NFC (no singleton decompositions such as CJK compatibility ideographs U+F900…,
    /// U+2000/U+2001, U+2329/U+232A, U+037E).
    @inline(__always)
    static func isSimple(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return v != 0x0D }
        switch v {
        case 0x2002...0x200B, 0x2010...0x2027, 0x2030...0x205E,   // spaces, general punctuation
             0x2150...0x218F, 0x2190...0x21FF,                    // number forms, arrows
             0x2460...0x24FF, 0x2500...0x25FF,                    // enclosed numbers, boxes, shapes
             0x3000...0x3029, 0x3030...0x303F,                    // CJK symbols and punctuation
             0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F,   // kana, bopomofo
             0x3400...0x4DBF, 0x4E00...0x9FFF,                    // CJK ideographs
             0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFEFF,            // vertical and compatibility forms
             0xFF01...0xFF65,                                     // full-width ASCII, half-width punctuation
             0x20000...0x2A6DF, 0x2A700...0x2EBEF:                // CJK extensions B–F
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` is simple (see `isSimple`). By bytes: the scalar view's
    /// iterator cost more than the test; U+5000–U+9FFF (lead bytes E5–E9) need no decoding.
    static func isSimple(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let lead = b[i]
                if lead < 0x80 {
                    if lead == 0x0D { return false }
                    i += 1
                } else if lead >= 0xE5 && lead <= 0xE9 {
                    i += 3
                } else {
                    let (scalar, width) = TextNormalizer.scalar(in: b, at: i)
                    if !isSimple(scalar) { return false }
                    i += width
                }
            }
            return true
        }
    }

    /// Whether every scalar of `text` is simple (see `isSimple`).
    static func isSimple(_ text: some StringProtocol) -> Bool {
        // ASCII bytes other than CR are simple; only multi-byte scalars need decoding.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
        return text.unicodeScalars.allSatisfy(isSimple)
    }

    /// The scalars of `text` when it is simple, nil otherwise.
    static func scalars(_ text: some StringProtocol) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            guard isSimple(s) else { return nil }
            out.append(s)
        }
        return out
    }

    /// The first `limit` scalars of `text` (all when it has fewer), without checking them.
    static func prefixScalars(_ text: String, limit: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(min(limit, text.utf8.count))
        for s in text.unicodeScalars {
            if out.count == limit { break }
            out.append(s)
        }
        return out
    }

    /// The text of simple scalars, encoded straight into a new string.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes = 0
        for s in scalars { bytes += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var n = 0
            for s in scalars {
                UTF8.encode(s) { buffer[n] = $0; n += 1 }
            }
            return n
        }
    }
}
