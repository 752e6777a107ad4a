import Foundation

/// Label text → its row-label hits, shared by every report a parser reads (on all threads):
/// the template's labels recur in nearly every report, and looking one up costs a fraction of
/// folding and scanning it again. Guarded by a lock; emptied if it ever grows past `limit`
/// entries, so memory stays bounded on hostile input.
final class RowLabelCache: @unchecked Sendable {
    private let lock = NSLock()
    private var hits: [ExactText: [RowLabels.Hit]] = [:]
    private let limit = 50_000

    func hits(for text: String) -> [RowLabels.Hit]? {
        lock.lock()
        defer { lock.unlock() }
        return hits[ExactText(text)]
    }

    func store(_ value: [RowLabels.Hit], for text: String) {
        lock.lock()
        defer { lock.unlock() }
        if hits.count >= limit { hits.removeAll(keepingCapacity: true) }
        hits[ExactText(text)] = value
    }
}

/// A String as a key compared and hashed by its UTF-8 bytes. Equal Strings may differ in
/// their bytes (canonical equivalents such as U+F9D1 and 六), and labels are matched by bytes.
struct ExactText: Hashable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        var a = a.text, b = b.text
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
