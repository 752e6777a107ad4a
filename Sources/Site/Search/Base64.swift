/// Standard base64 with padding (RFC 4648 §4), straight into a byte buffer: the posting lists
/// are written into the shard JSON without an intermediate `String`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encodedLength(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        // Written through pointers into a scratch buffer, then appended in one copy: no capacity
        // or bounds check per character.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: encodedLength(bytes.count)) { scratch in
            alphabet.withUnsafeBufferPointer { alphabet in
                var o = scratch.baseAddress!
                var i = 0
                while i + 3 <= bytes.count {
                    let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    o[0] = alphabet[Int(n >> 18)]
                    o[1] = alphabet[Int(n >> 12 & 63)]
                    o[2] = alphabet[Int(n >> 6 & 63)]
                    o[3] = alphabet[Int(n & 63)]
                    o += 4
                    i += 3
                }
                let rest = bytes.count - i
                if rest > 0 {
                    let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
                    o[0] = alphabet[Int(n >> 18)]
                    o[1] = alphabet[Int(n >> 12 & 63)]
                    o[2] = rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "=")
                    o[3] = UInt8(ascii: "=")
                }
            }
            out.append(contentsOf: scratch)
        }
    }
}
