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
        switch kind {
        case .han:
            var s = ""
            for shift in [36, 18, 0] as [UInt64] {
                let v = UInt32((payload >> shift) & 0x3FFFF)
                if v != 0 { s.unicodeScalars.append(Unicode.Scalar(v)!) }
            }
            return s
        case .asciiWord:
            var bytes: [UInt8] = []
            var rest = payload
            while rest != 0 {
                bytes.append(UInt8(rest & 0x7F))
                rest >>= 7
            }
            return String(decoding: bytes, as: UTF8.self)
        case .word:
            return words[Int(payload)]
        case .filter:
            return filters[Int(payload)]
        }
    }
}
