import Foundation

/// `Decimal.description` as UTF-8 bytes, remembered: the text `JSONEncoder` writes for a
/// `Decimal` and the CSV files print.
///
/// The description costs some 4 µs, and a build prints millions of table cells drawn from a few
/// thousand distinct values. The memo is keyed by the value's raw bytes: equal bytes are the same
/// value, so the same text, whatever Decimal's layout is (a value stored two ways, like `70` and
/// `7e1`, is merely remembered twice). One memo per thread, so parallel writers share no lock.
final class DecimalText {
    /// Beyond this many values the memo stops growing (text is still right, just not remembered).
    static let limit = 1 << 16

    private struct Key: Hashable {
        var low: UInt64, middle: UInt64, high: UInt32
    }

    private var memo: [Key: [UInt8]] = [:]

    /// This thread's memo.
    static var current: DecimalText {
        let slot = "sitegen.DecimalText"
        let dictionary = Thread.current.threadDictionary
        if let memo = dictionary[slot] as? DecimalText { return memo }
        let memo = DecimalText()
        dictionary[slot] = memo
        return memo
    }

    func append(_ value: Decimal, to out: inout [UInt8]) {
        guard let key = Self.key(value) else {
            out.append(contentsOf: value.description.utf8)
            return
        }
        if let text = memo[key] {
            out.append(contentsOf: text)
            return
        }
        let text = Array(value.description.utf8)
        if memo.count < Self.limit { memo[key] = text }
        out.append(contentsOf: text)
    }

    func text(_ value: Decimal) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value's bytes, when `Decimal` has the 20 bytes the key holds (it has on every platform
    /// Foundation supports); otherwise no memo.
    private static func key(_ value: Decimal) -> Key? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { bytes in
            Key(low: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                middle: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                high: bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }
}
