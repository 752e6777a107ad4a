/// Every token's posting list, built while documents are read in id order: each list is its
/// varint bytes (docs/search-index.md), appended to as documents come, so nothing per
/// posting is kept but about one byte. The bitmap form, when shorter, is made at the end.
struct PostingLists {
    private var varints: [[UInt8]] = []
    private var lastDocument: [Int32] = []

    var count: Int { varints.count }

    /// A new, empty list; its number.
    mutating func add() -> Int {
        varints.append([])
        lastDocument.append(-1)
        return varints.count - 1
    }

    /// Appends `doc` (greater than any document already in `list`) with term frequency `tf`.
    @inline(__always)
    mutating func append(doc: Int32, tf: UInt32, to list: Int) {
        var value = UInt64(doc - lastDocument[list] - 1) << 2 | UInt64(min(tf, 4) - 1)
        lastDocument[list] = doc
        while value >= 0x80 {
            varints[list].append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        varints[list].append(UInt8(value))
    }

    /// Whether `list` is written as a bitmap of `docCount` bits: when that is shorter.
    func isBitmap(_ list: Int, docCount: Int) -> Bool { (docCount + 7) / 8 < varints[list].count }

    /// The length in bytes of the encoded list: the kind letter and the base64.
    func encodedLength(_ list: Int, docCount: Int) -> Int {
        let raw = isBitmap(list, docCount: docCount) ? (docCount + 7) / 8 : varints[list].count
        return 1 + Base64.encodedLength(raw)
    }

    /// Appends the encoded list (`B…` or `V…`, as `Postings.encode`) to `out`.
    func appendEncoded(_ list: Int, docCount: Int, to out: inout [UInt8]) {
        if isBitmap(list, docCount: docCount) {
            var bitmap = [UInt8](repeating: 0, count: (docCount + 7) / 8)
            var previous = -1
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for byte in varints[list] {
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 != 0 { shift += 7; continue }
                let doc = previous + 1 + Int(value >> 2)
                bitmap[doc >> 3] |= 1 << UInt8(doc & 7)
                previous = doc
                value = 0
                shift = 0
            }
            out.append(UInt8(ascii: "B"))
            Base64.append(bitmap, to: &out)
        } else {
            out.append(UInt8(ascii: "V"))
            Base64.append(varints[list], to: &out)
        }
    }
}
