import Foundation

/// What a normalised code point is to the tokenizer (docs/search-index.md).
enum ScalarClass: UInt8 {
    case separator, han, word
}

/// Per-code-point NFKC then lower case, with the class of each resulting scalar.
///
/// ASCII, the main Han block and full-width ASCII (nearly all report text) take fast paths; any
/// other code point goes once through Foundation and is remembered, so `。`, `、` and `“` cost a
/// dictionary lookup instead of a string normalisation each time. One normaliser per thread.
struct ScalarNormalizer {
    /// A normalised scalar and its class packed as `value | class << 24`.
    typealias Packed = UInt32

    private var memo: [UInt32: [Packed]] = [:]
    /// Recent code points whose normal form is one scalar, as `code point << 32 | packed`, at
    /// their low byte: `。`, `，` and `、` cost a load here rather than a dictionary lookup.
    private var recent = [UInt64](repeating: 0, count: 256)

    @inline(__always)
    static func pack(_ value: UInt32, _ kind: ScalarClass) -> Packed { value | UInt32(kind.rawValue) << 24 }

    @inline(__always)
    static func value(_ packed: Packed) -> UInt32 { packed & 0xFF_FFFF }

    @inline(__always)
    static func kind(_ packed: Packed) -> ScalarClass { ScalarClass(rawValue: UInt8(packed >> 24))! }

    @inline(__always)
    static func asciiClass(_ v: UInt32) -> ScalarClass {
        (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) ? .word : .separator
    }

    /// The normal form of `s` when it takes a fast path (one scalar), else nil.
    @inline(__always)
    static func fast(_ s: Unicode.Scalar) -> Packed? {
        let v = s.value
        if v < 0x80 {
            let lower = (0x41...0x5A).contains(v) ? v + 0x20 : v
            return pack(lower, asciiClass(lower))
        } else if (0x4E00...0x9FFF).contains(v) {
            return pack(v, .han)
        } else if (0xFF01...0xFF5E).contains(v) {
            let a = v - 0xFEE0
            let lower = (0x41...0x5A).contains(a) ? a + 0x20 : a
            return pack(lower, asciiClass(lower))
        }
        return nil
    }

    /// The normal form of any code point, remembered.
    mutating func slow(_ s: Unicode.Scalar) -> [Packed] {
        if let known = memo[s.value] { return known }
        let normal = Self.slowNormalize(s)
        memo[s.value] = normal
        return normal
    }

    /// The normal form of a code point that takes no fast path when it is one scalar, else nil.
    @inline(__always)
    mutating func single(_ s: Unicode.Scalar) -> Packed? {
        let entry = recent[Int(s.value & 0xFF)]
        // 0 is no entry: code points below 0x80 take the fast path.
        if entry >> 32 == UInt64(s.value) { return Packed(truncatingIfNeeded: entry) }
        return singleMissed(s)
    }

    private mutating func singleMissed(_ s: Unicode.Scalar) -> Packed? {
        let normal = slow(s)
        guard normal.count == 1 else { return nil }
        recent[Int(s.value & 0xFF)] = UInt64(s.value) << 32 | UInt64(normal[0])
        return normal[0]
    }

    /// Every scalar of the normal form of `text`, in order.
    mutating func normalized(_ text: String) -> [Packed] {
        var out: [Packed] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if let packed = Self.fast(s) { out.append(packed) } else { out.append(contentsOf: slow(s)) }
        }
        return out
    }

    /// The definition: NFKC of the one code point, then Unicode lower case.
    static func slowNormalize(_ s: Unicode.Scalar) -> [Packed] {
        String(Character(s)).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map {
            pack($0.value, classify($0))
        }
    }

    static func classify(_ s: Unicode.Scalar) -> ScalarClass {
        if SearchTokenizer.isHan(s.value) { return .han }
        return SearchTokenizer.isWord(s) ? .word : .separator
    }
}
