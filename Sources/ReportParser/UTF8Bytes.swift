extension String {
    /// `body` over this string's UTF-8 where it lies (a copy only for a string that is not
    /// stored as contiguous UTF-8). `withUTF8` needs a mutable copy of the string, and copying
    /// (retaining and releasing it) cost more than many of the byte scans run on it.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
