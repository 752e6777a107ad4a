import Foundation

/// Escaping for text that Swift writes into HTML directly (templates escape their own `{{…}}`).
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most text (numbers, names) has nothing to escape: hand it back without rebuilding it.
        guard needsEscape(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte needs escaping: over the contiguous bytes when the string has them
    /// (native strings do), most bytes (CJK text) passed by one comparison, as all five are below `@`.
    private static func needsEscape(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 < 0x40 && needsEscape($0) }
        } ?? text.utf8.contains(where: needsEscape)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// `Decimal`'s own text (`"\(value)"`). Its description is slow (~1.7 µs), and nearly every
    /// value in a report is a whole number, which prints the same through `Int64`.
    static func format(_ value: Decimal) -> String {
        // Most cells of a report are zero, which prints "0" whatever its exponent.
        if value.isZero { return "0" }
        if let whole = wholeNumber(value) { return String(whole) }
        // A fraction (a comparison table's share) prints slowest of all, some 15 µs; the same
        // share shows on a report's agency, year and region pages, so it is remembered.
        return DecimalText.current.text(value)
    }

    /// The value as an `Int64` when it is a whole number in range; the round trip proves both.
    static func wholeNumber(_ value: Decimal) -> Int64? {
        guard value.exponent >= 0, !value.isNaN else { return nil }
        let whole = NSDecimalNumber(decimal: value).int64Value
        return Decimal(whole) == value ? whole : nil
    }
}
