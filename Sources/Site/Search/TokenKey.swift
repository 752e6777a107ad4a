/// A search token as one integer, so that counting and merging never build strings; the
/// string is made once per distinct token when the shards are written.
///
/// Layout (bit 63 = title namespace `t:`, bits 60–62 = kind):
/// - `han`: up to three Han code points of 18 bits each (all Han code points are below
///   0x40000), first at bits 36–53; a missing one is 0, which no Han code point is;
/// - `asciiWord`: a word of at most 8 ASCII characters, 7 bits each, first at bits 0–6;
/// - `word`: any other word, by its number in a word table;
/// - `filter`: a `y:`/`r:`/`a:`/`k:` token, by its number in the filter table.
///
/// The value 0 is never a token, so hash tables use it for an empty slot.
struct TokenKey: Hashable {
    enum Kind: UInt64 {
        case han = 1, asciiWord, word, filter
    }

    var raw: UInt64

    static let titleBit: UInt64 = 1 << 63
    static let maxASCIIWordLength = 8

    @inline(__always)
    init(raw: UInt64) { self.raw = raw }

    @inline(__always)
    init(kind: Kind, payload: UInt64, title: Bool = false) {
        raw = kind.rawValue << 60 | payload | (title ? Self.titleBit : 0)
    }

    @inline(__always)
    static func han(_ a: UInt32, _ b: UInt32 = 0, _ c: UInt32 = 0, title: Bool) -> TokenKey {
        TokenKey(kind: .han, payload: UInt64(a) << 36 | UInt64(b) << 18 | UInt64(c), title: title)
    }

    var kind: Kind { Kind(rawValue: (raw >> 60) & 7)! }
    var isTitle: Bool { raw & Self.titleBit != 0 }
    var payload: UInt64 { raw & (1 << 60 - 1) }
    /// The same token outside the title namespace.
    var body: TokenKey { TokenKey(raw: raw & ~Self.titleBit) }

    /// The token's text without its `t:` prefix. `words` and `filters` resolve the table kinds.
    func text(words: [String], filters: [String]) -> String {
        var utf8: [UInt8] = []
        appendUTF8(words: words, filters: filters, to: &utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The UTF-8 of `text(words:filters:)`, appended to `out`: no `String` for the integer kinds.
    func appendUTF8(words: [String], filters: [String], to out: inout [UInt8]) {
        switch kind {
        case .han:
            for shift in stride(from: UInt64(36), through: 0, by: -18) {
                let v = UInt32(payload >> shift & 0x3FFFF)
                if v == 0 { continue }
                // Han code points are at least U+3007: three bytes of UTF-8, or four.
                if v < 0x10000 {
                    out.append(UInt8(0xE0 | v >> 12))
                } else {
                    out.append(UInt8(0xF0 | v >> 18))
                    out.append(UInt8(0x80 | v >> 12 & 0x3F))
                }
                out.append(UInt8(0x80 | v >> 6 & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            }
        case .asciiWord:
            var rest = payload
            while rest != 0 {
                out.append(UInt8(rest & 0x7F))
                rest >>= 7
            }
        case .word:
            out.append(contentsOf: words[Int(payload)].utf8)
        case .filter:
            out.append(contentsOf: filters[Int(payload)].utf8)
        }
    }
}
