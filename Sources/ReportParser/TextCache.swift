import Foundation

/// Text → what a pure function of its bytes made of it, shared by every report a parser reads
/// (on all threads): template labels and agency names recur across reports, and looking one up
/// costs a fraction of working it out again. Guarded by a lock; emptied if it ever grows past
/// `limit` entries, so memory stays bounded on hostile input.
final class TextCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ExactText: Value] = [:]
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func value(for text: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[ExactText(text)]
    }

    func store(_ value: Value, for text: String) {
        lock.lock()
        defer { lock.unlock() }
        if values.count >= limit { values.removeAll(keepingCapacity: true) }
        values[ExactText(text)] = value
    }
}

/// A String as a key compared and hashed by its UTF-8 bytes. Equal Strings may differ in
/// their bytes (canonical equivalents such as U+F9D1 and 六), and the parser reads bytes.
struct ExactText: Hashable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.withUTF8Bytes { x in
            b.text.withUTF8Bytes { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
