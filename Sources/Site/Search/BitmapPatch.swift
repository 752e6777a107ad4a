import Foundation

/// Changes a bitmap posting list (`B…`, docs/search-index.md) where it stands, for a patched
/// index: decoded into a (document, tf) pair per document, a common token's list (every
/// document has it) cost more than the rest of the patch together.
enum BitmapPatch {
    enum Outcome: Equatable {
        /// The list, still a bitmap.
        case bitmap(String)
        /// No document has the token any more.
        case empty
        /// Its varints would now be shorter than the bitmap: a full build would write them, with
        /// term frequencies a bitmap does not keep.
        case varints
    }

    /// - Parameters:
    ///   - postings: a `B…` list of `docCount` bits.
    ///   - changes: (document, its new tf; 0 = the token is gone from it).
    /// - Returns: nil if `postings` is not such a bitmap.
    static func apply(_ postings: String, changes: [(doc: Int, tf: Int)], docCount: Int) -> Outcome? {
        let size = (docCount + 7) / 8
        guard postings.first == "B", var bitmap = Data(base64Encoded: String(postings.dropFirst())).map([UInt8].init),
              bitmap.count == size else { return nil }
        for (doc, tf) in changes {
            guard doc >= 0, doc < docCount else { return nil }
            if tf > 0 { bitmap[doc >> 3] |= 1 << UInt8(doc & 7) } else { bitmap[doc >> 3] &= ~(1 << UInt8(doc & 7)) }
        }
        // The varints' length does not depend on the term frequencies: (gap << 2 | tf - 1) needs
        // as many 7-bit groups as gap << 2, since tf - 1 < 4.
        var length = 0
        var previous = -1
        var any = false
        for (i, byte) in bitmap.enumerated() where byte != 0 {
            var bits = byte
            while bits != 0 {
                let doc = i * 8 + bits.trailingZeroBitCount
                bits &= bits - 1
                length += varintLength(UInt64(doc - previous - 1) << 2)
                previous = doc
                any = true
            }
        }
        guard any else { return .empty }
        guard size < length else { return .varints }
        var out: [UInt8] = [UInt8(ascii: "B")]
        Base64.append(bitmap, to: &out)
        return .bitmap(String(decoding: out, as: UTF8.self))
    }

    private static func varintLength(_ value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }
}
