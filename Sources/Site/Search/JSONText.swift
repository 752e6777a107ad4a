/// JSON written by hand, byte for byte as `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` writes it (swift-foundation's `JSONWriter`): strings are their
/// UTF-8 with `"` and `\` escaped, `\b \f \n \r \t` for those controls, `\u00xx` (lower-case
/// hex) for the other controls below U+0020; nothing else is escaped (not `/`, not U+007F, not
/// U+2028/2029). Callers write object keys in the order of their UTF-8 bytes.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `string` as a JSON string literal, quotes included.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { appendEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 bytes escaped for the inside of a JSON string.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var mark = 0
        var i = 0
        while i < utf8.count {
            // Sixteen, then eight bytes at a time while none needs escaping: nearly all text.
            if i &+ 16 <= utf8.count {
                let words = UnsafeRawPointer(utf8.baseAddress! + i)
                if escapeBits(words.loadUnaligned(as: UInt64.self)) | escapeBits(words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == 0 {
                    i &+= 16
                    continue
                }
            }
            if i &+ 8 <= utf8.count,
               !needsEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i &+= 8
                continue
            }
            for j in i..<min(i &+ 8, utf8.count) {
                let byte = utf8[j]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<j]))
                mark = j + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default: out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            i = min(i &+ 8, utf8.count)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`: the bit tricks of
    /// "Bit Twiddling Hacks" (a byte below n; a zero byte of `word ^ c`), exact for "any".
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool { escapeBits(word) != 0 }

    /// Not zero when `needsEscape(word)`: the bits of the test, to be or-ed with another word's.
    @inline(__always)
    private static func escapeBits(_ word: UInt64) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
    }

    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// Appends `["a","b",…]`.
    static func appendStringArray(_ strings: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in strings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendString(s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}
