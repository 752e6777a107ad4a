import Foundation

/// Encodes one token's posting list (docs/search-index.md): a bitmap when that is shorter,
/// otherwise LEB128 varints of `(gap << 2) | (min(tf, 4) - 1)`; both base64.
enum Postings {
    /// - Parameter postings: (document id, term frequency), ascending by id.
    static func encode(_ postings: [(doc: Int, tf: Int)], docCount: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 2)
        var previous = -1
        for (doc, tf) in postings {
            var value = UInt64(doc - previous - 1) << 2 | UInt64(min(tf, 4) - 1)
            previous = doc
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        let bitmapSize = (docCount + 7) / 8
        if bitmapSize < bytes.count {
            var bitmap = [UInt8](repeating: 0, count: bitmapSize)
            for (doc, _) in postings { bitmap[doc >> 3] |= 1 << UInt8(doc & 7) }
            return "B" + Data(bitmap).base64EncodedString()
        }
        return "V" + Data(bytes).base64EncodedString()
    }

    /// The inverse, for tests: (document id, term frequency capped at 4; 1 for bitmaps).
    static func decode(_ text: String) -> [(doc: Int, tf: Int)]? {
        guard let kind = text.first, let data = Data(base64Encoded: String(text.dropFirst())) else { return nil }
        var out: [(Int, Int)] = []
        if kind == "B" {
            for (i, byte) in data.enumerated() {
                for bit in 0..<8 where byte & (1 << UInt8(bit)) != 0 { out.append((i * 8 + bit, 1)) }
            }
            return out
        }
        guard kind == "V" else { return nil }
        var previous = -1
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in data {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; continue }
            let doc = previous + 1 + Int(value >> 2)
            out.append((doc, Int(value & 3) + 1))
            previous = doc
            value = 0
            shift = 0
        }
        return out
    }
}
