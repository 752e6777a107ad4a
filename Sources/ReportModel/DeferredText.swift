import Foundation
import Synchronization

/// Text held as the UTF-8 bytes it was stored in, made a String when first read. A rebuild reads
/// every report back from the cache but reads the text of only the few whose pages it makes
/// again; making ten thousand reports' text into Strings (validating, copying and allocating
/// them) was a fifth of a one-change rebuild.
///
/// The bytes must be valid UTF-8 (they were written from a String); should they not be, the
/// String is repaired as `String(decoding:as:)` repairs it. Safe to read from several threads.
public final class DeferredText: @unchecked Sendable {
    private struct State {
        var bytes: UnsafeBufferPointer<UInt8>?
        /// Keeps `bytes` valid (the cache file they lie in), until the String is made.
        var owner: AnyObject?
        var decoded: String?
    }

    /// A `Mutex`, not an `NSLock`: it lives inside the object, where an NSLock is an object of
    /// its own to allocate, for each of 60,000 sections read from the cache.
    private let state: Mutex<State>

    /// - Parameters:
    ///   - bytes: not copied: they must stay valid while `owner` lives.
    ///   - owner: what keeps them (the mapped cache file).
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject) {
        state = Mutex(State(bytes: bytes, owner: owner))
    }

    /// Bytes of its own (a copy).
    public convenience init(utf8 bytes: some Collection<UInt8>) {
        let copy = Bytes(bytes)
        self.init(utf8: UnsafeBufferPointer(start: copy.base, count: copy.count), owner: copy)
    }

    public var string: String {
        state.withLock { state in
            if let decoded = state.decoded { return decoded }
            let text = String(decoding: state.bytes!, as: UTF8.self)
            state.decoded = text
            state.bytes = nil
            state.owner = nil  // the bytes lie in a whole file: let it go
            return text
        }
    }

    /// The text's UTF-8 bytes, without making the String if it was not made yet (a cache
    /// bucket written again holds reports whose text nothing else reads).
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        // The bytes or the String are never changed once made, only dropped: read under the
        // lock, used after it (the String, or the owner that keeps the bytes, held meanwhile).
        let (bytes, owner, decoded) = state.withLock { ($0.bytes, $0.owner, $0.decoded) }
        if var decoded { return try decoded.withUTF8(body) }
        return try withExtendedLifetime(owner) { try body(bytes!) }
    }

    /// Bytes owned by no file.
    private final class Bytes {
        let base: UnsafeMutablePointer<UInt8>
        let count: Int

        init(_ bytes: some Collection<UInt8>) {
            count = bytes.count
            base = .allocate(capacity: max(1, count))
            _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: bytes)
        }

        deinit { base.deallocate() }
    }
}
