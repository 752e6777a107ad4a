/// Substring search over UTF-8 bytes. Foundation's `String.range(of:)` folds character
/// clusters through CFString and dominated parsing time; report labels only need exact bytes.
extension String {
    /// The UTF-8 offset of the first occurrence of `needle`, or nil.
    func utf8Offset(of needle: [UInt8], from start: Int = 0) -> Int? {
        var text = self
        return text.withUTF8 { hay in ByteSearch.find(needle, in: hay, from: start) }
    }

    /// Whether `needle` occurs, by bytes.
    public func containsBytes(_ needle: String) -> Bool {
        utf8Offset(of: Array(needle.utf8)) != nil
    }
}

public enum ByteSearch {
    public static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start }
        guard hay.count >= n, start <= hay.count - n else { return nil }
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
