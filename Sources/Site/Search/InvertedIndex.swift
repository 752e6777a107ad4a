import Foundation

/// Every token of every document with its posting list. Documents are counted elsewhere, in
/// parallel (`tokens(of:counter:)`), and added here in id order, so the lists grow in order.
struct InvertedIndex {
    let docCount: Int
    /// Token → its list number + 1.
    let tokens = TokenTable(capacity: 1 << 15)
    let lists: PostingLists
    /// The texts of `.word` and `.filter` keys, by number.
    private(set) var words: [String] = []
    private(set) var filters: [String] = []
    private var wordNumbers: [String: UInt32] = [:]
    private var filterNumbers: [String: UInt32] = [:]

    /// One document's counted tokens, between the parallel and the sequential step.
    struct DocumentTokens {
        var keys: [TokenKey] = []
        var counts: [UInt32] = []
        /// The texts of this document's `.word` keys, by their number in the document.
        var words: [String] = []
    }

    init(docCount: Int) {
        self.docCount = docCount
        lists = PostingLists(docCount: docCount)
    }

    static func tokens(of document: SearchDocument, counter: inout TokenCounter) -> DocumentTokens {
        counter.removeAll()
        counter.count(document: document)
        let table = counter.counts
        let count = table.count
        var out = DocumentTokens()
        // Read and emptied in one pass, ready for the next document.
        out.keys = Array(unsafeUninitializedCapacity: count) { keys, filledKeys in
            out.counts = Array(unsafeUninitializedCapacity: count) { counts, filledCounts in
                var i = 0
                table.removeAll { key, value in
                    (keys.baseAddress! + i).initialize(to: key)
                    counts[i] = value
                    i &+= 1
                }
                filledCounts = count
            }
            filledKeys = count
        }
        out.words = counter.words
        return out
    }

    /// Adds document `id`'s tokens; ids must come in increasing order.
    mutating func add(_ doc: DocumentTokens, of document: SearchDocument, id: Int32) {
        // The document's words by their number in the index.
        let wordNumbers = doc.words.map { Self.intern($0, in: &words, numbers: &self.wordNumbers) }
        var tokens = TokenTable.Cursor(self.tokens)
        let lists = self.lists  // a reference: no access to `self` per token
        doc.keys.withUnsafeBufferPointer { keys in
            doc.counts.withUnsafeBufferPointer { counts in
                let count = min(keys.count, counts.count)
                // The slots of the key `lookahead` places on are loaded while this one is added (a
                // `.word` key's is a guess, before its renumbering).
                let lookahead = 8
                // Most documents have no `.word` key to renumber: no test per token for them.
                if wordNumbers.isEmpty {
                    for i in 0..<count {
                        if i &+ lookahead < count { tokens.prefetch(keys[i &+ lookahead].raw) }
                        Self.append(keys[i], doc: id, tf: counts[i], tokens: &tokens, lists: lists)
                    }
                    return
                }
                for i in 0..<count {
                    if i &+ lookahead < count { tokens.prefetch(keys[i &+ lookahead].raw) }
                    var key = keys[i]
                    if key.raw >> 60 & 7 == TokenKey.Kind.word.rawValue {
                        key = TokenKey(kind: .word, payload: UInt64(wordNumbers[Int(key.payload)]), title: key.isTitle)
                    }
                    Self.append(key, doc: id, tf: counts[i], tokens: &tokens, lists: lists)
                }
            }
        }
        var seen: [UInt32] = []
        for token in document.filterTokens {
            let number = Self.intern(token, in: &filters, numbers: &filterNumbers)
            if seen.contains(number) { continue }
            seen.append(number)
            Self.append(TokenKey(kind: .filter, payload: UInt64(number)), doc: id, tf: 1, tokens: &tokens, lists: lists)
        }
    }

    @inline(__always)
    private static func append(_ key: TokenKey, doc: Int32, tf: UInt32, tokens: inout TokenTable.Cursor, lists: PostingLists) {
        let slot = tokens.slot(of: key.raw)
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
