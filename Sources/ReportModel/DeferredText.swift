import Foundation

/// Text held as the UTF-8 bytes it was stored in, made a String when first read. A rebuild reads
/// every report back from the cache but reads the text of only the few whose pages it makes
/// again; making ten thousand reports' text into Strings (validating, copying and allocating
/// them) was a fifth of a one-change rebuild.
///
/// The bytes must be valid UTF-8 (they were written from a String); should they not be, the
/// String is repaired as `String(decoding:as:)` repairs it. Safe to read from several threads.
public final class DeferredText: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: ArraySlice<UInt8>?
    private var decoded: String?

    /// - Parameter bytes: shares its buffer with the slice it comes from (no copy).
    public init(utf8 bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    public var string: String {
        lock.withLock {
            if let decoded { return decoded }
            let text = bytes!.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            decoded = text
            bytes = nil  // the buffer is shared with the rest of its file: let it go
            return text
        }
    }

    /// The text's UTF-8 bytes, without making the String if it was not made yet (a cache
    /// bucket written again holds reports whose text nothing else reads).
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try lock.withLock {
            if var decoded { return try decoded.withUTF8(body) }
            return try bytes!.withUnsafeBufferPointer(body)
        }
    }
}
