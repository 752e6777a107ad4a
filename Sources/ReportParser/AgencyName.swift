import Foundation

/// The comparison key of an agency name (机关名称): two spellings that normalise equal
/// name one agency, e.g. "威海市 科学技术局" and "威海市科学技术局".
///
/// The key is for comparing and sorting, not for display (spaces inside Latin words are gone).
public enum AgencyName {
    /// - Canonical composition (NFC); this also maps CJK compatibility ideographs (U+F900…)
    ///   to their unified forms.
    /// - Full-width ASCII letters, digits, space and punctuation (U+FF01–U+FF5E) fold to ASCII,
    ///   except the punctuation Chinese text writes full-width (`chinesePunctuation`), which is kept.
    /// - The ASCII forms of that punctuation are raised to full width, so "局(办)" and "局（办）"
    ///   are one name.
    /// - All whitespace (ASCII, U+3000, NBSP, …), zero-width characters (U+200B–U+200D, U+2060,
    ///   U+FEFF), bidi controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) and other
    ///   control characters are removed.
    /// Letter case is kept.
    public static func normalized(_ s: String) -> String {
        // Simple text (see `SimpleText`) is already in NFC; Foundation's normalisation is slow.
        var composed = SimpleText.isSimple(s) ? s : s.precomposedStringWithCanonicalMapping
        // Built as UTF-8 bytes: appending to a scalar view was slow.
        var out: [UInt8] = []
        composed.withUTF8 { b in
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let (scalar, width) = TextNormalizer.scalar(in: b, at: i)
                defer { i += width }
                if (0x4E00...0x9FFF).contains(scalar.value) {
                    // CJK ideographs: visible, no punctuation, nothing to fold.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + width)]))
                    continue
                }
                switch scalar.value {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                    // ASCII letters and digits (years in titles): visible, kept as they are,
                    // without looking up their Unicode properties below.
                    out.append(b[i])
                    continue
                default:
                    break
                }
                if isInvisible(scalar) { continue }
                let kept: Unicode.Scalar
                if let raised = raisedPunctuation[scalar] {
                    kept = raised
                } else if chinesePunctuation.contains(scalar) {
                    kept = scalar
                } else if let narrow = narrowed(scalar) {
                    kept = narrow
                } else {
                    kept = scalar
                }
                UTF8.encode(kept) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Full-width punctuation that is ordinary in Chinese text and stays full-width:
    /// ！（），：；？～
    static let chinesePunctuation: Set<Unicode.Scalar> = ["\u{FF01}", "\u{FF08}", "\u{FF09}", "\u{FF0C}",
                                                          "\u{FF1A}", "\u{FF1B}", "\u{FF1F}", "\u{FF5E}"]

    /// ASCII spellings of `chinesePunctuation`, mapped to the full-width form.
    static let raisedPunctuation: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for wide in chinesePunctuation {
            map[Unicode.Scalar(wide.value - 0xFEE0)!] = wide
        }
        return map
    }()

    /// The ASCII form of a full-width ASCII character (U+FF01–U+FF5E) or of the
    /// ideographic space U+3000; nil for anything else.
    static func narrowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000: return " "
        default: return nil
        }
    }

    /// Every full-width ASCII character folded to ASCII, with nothing else changed.
    /// Used by `Slug`, where all punctuation is a separator anyway.
    static func foldWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(narrowed(scalar) ?? scalar)
        }
        return String(out)
    }

    /// Whitespace, zero-width and bidi-control characters, and other control characters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F,           // zero-width space/non-joiner/joiner, LRM, RLM
             0x202A...0x202E,           // LRE RLE PDF LRO RLO
             0x2060, 0xFEFF,            // word joiner, BOM / zero-width no-break space
             0x2066...0x2069,           // LRI RLI FSI PDI
             0x061C:                    // Arabic letter mark
            return true
        default:
            return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
    }
}
