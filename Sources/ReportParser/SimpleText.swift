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
        return text.withUTF8Bytes { b in
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

    /// The first `limit` scalars of `text` (all when it has fewer), or nil when one of them is
    /// not simple. By bytes, into a buffer of the right size: the scalar view's iterator and
    /// appending one by one were slow. U+5000–U+9FFF (lead bytes E5–E9) need no test.
    static func simplePrefix(_ text: String, limit: Int) -> [Unicode.Scalar]? {
        return text.withUTF8Bytes { b in
            var simple = true
            let prefix = [Unicode.Scalar](unsafeUninitializedCapacity: min(limit, b.count)) { out, count in
                var i = 0
                while i < b.count, count < out.count {
                    let lead = b[i]
                    let scalar: Unicode.Scalar
                    if lead >= 0xE5 && lead <= 0xE9 {
                        let value = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        scalar = Unicode.Scalar(value)!
                        i += 3
                    } else {
                        let (s, width) = TextNormalizer.scalar(in: b, at: i)
                        guard isSimple(s) else {
                            simple = false
                            break
                        }
                        scalar = s
                        i += width
                    }
                    out.initializeElement(at: count, to: scalar)
                    count += 1
                }
            }
            return simple ? prefix : nil
        }
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
