import Foundation

/// Every token of every document with its posting list. Documents are tokenised in parallel,
/// a batch at a time, and merged in id order, so the lists grow in order and memory holds one
/// batch of per-document counts, not all of them.
struct InvertedIndex {
    let docCount: Int
    /// Token → its list number + 1.
    private(set) var tokens = TokenTable(capacity: 1 << 15)
    private(set) var lists = PostingLists()
    /// The texts of `.word` and `.filter` keys, by number.
    private(set) var words: [String] = []
    private(set) var filters: [String] = []
    private var wordNumbers: [String: UInt32] = [:]
    private var filterNumbers: [String: UInt32] = [:]

    /// One document's counted tokens, between the parallel and the sequential step.
    private struct DocumentTokens {
        var keys: [TokenKey] = []
        var counts: [UInt32] = []
        /// The texts of this document's `.word` keys, by their number in the document.
        var words: [String] = []
    }

    init(documents: [SearchDocument], batchSize: Int = 256) {
        docCount = documents.count
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var counters = [TokenCounter](repeating: TokenCounter(), count: workers)
        var batch = [DocumentTokens](repeating: DocumentTokens(), count: batchSize)
        for start in stride(from: 0, to: documents.count, by: batchSize) {
            let end = min(start + batchSize, documents.count)
            counters.withUnsafeMutableBufferPointer { counters in
                batch.withUnsafeMutableBufferPointer { batch in
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        for i in stride(from: start + worker, to: end, by: workers) {
                            batch[i - start] = Self.tokens(of: documents[i], counter: &counters[worker])
                        }
                    }
                }
            }
            for i in start..<end { merge(batch[i - start], of: documents[i], id: Int32(i)) }
        }
    }

    private static func tokens(of document: SearchDocument, counter: inout TokenCounter) -> DocumentTokens {
        counter.removeAll()
        counter.count(document: document)
        var out = DocumentTokens()
        out.keys.reserveCapacity(counter.counts.count)
        out.counts.reserveCapacity(counter.counts.count)
        for slot in counter.counts.slots {
            out.keys.append(counter.counts.key(atSlot: Int(slot)))
            out.counts.append(counter.counts[slot: Int(slot)])
        }
        out.words = counter.words
        return out
    }

    private mutating func merge(_ doc: DocumentTokens, of document: SearchDocument, id: Int32) {
        // The document's words by their number in the index.
        let wordNumbers = doc.words.map { Self.intern($0, in: &words, numbers: &self.wordNumbers) }
        for (key, count) in zip(doc.keys, doc.counts) {
            var key = key
            if key.kind == .word {
                key = TokenKey(kind: .word, payload: UInt64(wordNumbers[Int(key.payload)]), title: key.isTitle)
            }
            append(key, doc: id, tf: count)
        }
        var seen: [UInt32] = []
        for token in document.filterTokens {
            let number = Self.intern(token, in: &filters, numbers: &filterNumbers)
            if seen.contains(number) { continue }
            seen.append(number)
            append(TokenKey(kind: .filter, payload: UInt64(number)), doc: id, tf: 1)
        }
    }

    @inline(__always)
    private mutating func append(_ key: TokenKey, doc: Int32, tf: UInt32) {
        let slot = tokens.slot(of: key)
        var list = Int(tokens[slot: slot]) - 1
        if list < 0 {
            list = lists.add()
            tokens[slot: slot] = UInt32(list + 1)
        }
        lists.append(doc: doc, tf: tf, to: list)
    }

    /// The number of `text` in a table of strings keyed by `String` equality.
    private static func intern(_ text: String, in table: inout [String], numbers: inout [String: UInt32]) -> UInt32 {
        if let known = numbers[text] { return known }
        let number = UInt32(table.count)
        table.append(text)
        numbers[text] = number
        return number
    }

    /// Every token and its list number, in no particular order.
    func forEachToken(_ body: (TokenKey, Int) -> Void) {
        for slot in tokens.slots {
            body(tokens.key(atSlot: Int(slot)), Int(tokens[slot: Int(slot)]) - 1)
        }
    }
}
