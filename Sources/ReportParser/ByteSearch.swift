#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes. Foundation's `String.range(of:)` folds character
/// clusters through CFString and dominated parsing time; report labels only need exact bytes.
extension String {
    /// The UTF-8 offset of the first occurrence of `needle`, or nil.
    func utf8Offset(of needle: [UInt8], from start: Int = 0) -> Int? {
        return withUTF8Bytes { hay in ByteSearch.find(needle, in: hay, from: start) }
    }

    /// Whether `needle` occurs, by bytes.
    public func containsBytes(_ needle: String) -> Bool {
        utf8Offset(of: Array(needle.utf8)) != nil
    }
}

public enum ByteSearch {
    /// Whether `byte` occurs in `text`'s UTF-8, by `memchr` (iterating the UTF-8 view was slow).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        return text.withUTF8Bytes { b in
            guard let base = b.baseAddress, !b.isEmpty else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }

    public static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: hay, from: start) }
    }

    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start }
        guard hay.count >= n, start <= hay.count - n else { return nil }
        if hay.count - start > 256 {
            // Long text: the C library's memchr and memcmp are many times faster than the loop below.
            // memchr looks for the third byte of a needle that starts with a CJK character: its
            // lead byte (E4–E9) is nearly every third byte of Chinese text, a trail byte is rarer.
            let k = n >= 3 && needle[0] >= 0xE0 ? 2 : 0
            let base = UnsafeRawPointer(hay.baseAddress!)
            var i = start + k
            let last = hay.count - n + k
            while i <= last {
                guard let hit = memchr(base + i, Int32(needle[k]), last - i + 1) else { return nil }
                let at = UnsafeRawPointer(hit) - base - k
                if memcmp(base + at, needle.baseAddress!, n) == 0 { return at }
                i = at + k + 1
            }
            return nil
        }
        let first = needle[0]
        var i = start
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}

/// Which adjacent byte pairs a text holds, hashed into 1,024 bits: a phrase one of whose
/// pairs is missing cannot occur, so most of the many label phrases are ruled out without
/// a search. (A set bit may be a collision; the search then decides.)
struct BytePairFilter {
    private var bits = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                        UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > 1 else { return }
        withUnsafeMutableBytes(of: &bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for i in 1..<bytes.count {
                let h = Self.hash(bytes[i - 1], bytes[i])
                words[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
    }

    @inline(__always)
    private static func hash(_ a: UInt8, _ b: UInt8) -> Int {
        // UTF-8 of CJK text varies most in the low bits of each byte.
        (Int(a & 0x1F) << 5 | Int(b & 0x1F)) ^ Int(b >> 5)
    }

    /// False only when `needle` cannot occur in the text.
    func mayContain(_ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { mayContain($0) }
    }

    func mayContain(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count > 1 else { return true }
        return withUnsafeBytes(of: bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for i in 1..<needle.count {
                let h = Self.hash(needle[i - 1], needle[i])
                if words[h >> 6] & (1 << UInt64(h & 63)) == 0 { return false }
            }
            return true
        }
    }
}
