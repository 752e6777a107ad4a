import Foundation
import ReportModel

/// The texts of a comparison table's share column for one report, the share of handled
/// applications granted in full (予以公开 ÷ (七)总计): the sort key (the share as `HTML.format`
/// prints it) and the percent (`KeyFigures.percent`), remembered by the two counts. Decimal's division and the printing of its 38-digit quotient
/// took half of every row, and a report's row is on its agency, year and region pages.
///
/// Keyed by the counts' raw bytes: equal bytes are the same value, so the same quotient and the
/// same texts, whatever Decimal's layout is. Shared by every thread, behind a lock.
final class ShareText: @unchecked Sendable {
    static let shared = ShareText()

    /// Beyond this many pairs the memo stops growing (texts are still right, just not remembered).
    static let limit = 1 << 16

    private struct Key: Hashable {
        var granted: (UInt64, UInt64, UInt32), handled: (UInt64, UInt64, UInt32)

        static func == (a: Key, b: Key) -> Bool { a.granted == b.granted && a.handled == b.handled }

        func hash(into hasher: inout Hasher) {
            hasher.combine(granted.0); hasher.combine(granted.1); hasher.combine(granted.2)
            hasher.combine(handled.0); hasher.combine(handled.1); hasher.combine(handled.2)
        }
    }

    private let lock = NSLock()
    private var memo: [Key: (sort: String, percent: String)] = [:]

    /// `(share.map(HTML.format) ?? "", KeyFigures.percent(share))`, the share nil when a count is
    /// missing or nothing was handled.
    func texts(_ report: Report) -> (sort: String, percent: String) {
        guard let granted = KeyFigures.granted.value(report), let handled = KeyFigures.totalHandled.value(report), handled > 0 else {
            return ("", KeyFigures.percent(nil))
        }
        guard let key = Self.key(granted, handled) else { return Self.texts(granted / handled) }
        if let texts = lock.withLock({ memo[key] }) { return texts }
        let texts = Self.texts(granted / handled)
        lock.withLock {
            if memo.count < Self.limit { memo[key] = texts }
        }
        return texts
    }

    private static func texts(_ share: Decimal) -> (sort: String, percent: String) {
        (HTML.format(share), KeyFigures.percent(share))
    }

    /// The counts' bytes, when `Decimal` has the 20 bytes a key holds (it has on every platform
    /// Foundation supports); otherwise no memo.
    private static func key(_ granted: Decimal, _ handled: Decimal) -> Key? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return Key(granted: bytes(granted), handled: bytes(handled))
    }

    private static func bytes(_ value: Decimal) -> (UInt64, UInt64, UInt32) {
        withUnsafeBytes(of: value) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }
}
