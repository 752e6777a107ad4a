import Foundation

/// Writes the posting lists as `search/shards/<i>.json`: each token's text is made here, once,
/// and each shard is written by hand in the bytes `JSONEncoder` gave a `[String: String]`.
struct ShardWriter {
    /// One token, ready to write: its JSON key is `keys[start..<start + length]`.
    private struct Entry {
        var start: Int
        var length: Int
        /// The key's first eight bytes, big-endian, zero-padded: most comparisons need no more.
        var prefix: UInt64
        var list: Int
    }

    let index: InvertedIndex
    let shardCount: Int
    /// Σ (token + postings + 6): the measure the shard count comes from.
    let total: Int
    /// Every token's JSON key's UTF-8 (with `t:` for title tokens), one after another: one
    /// buffer instead of an array per token.
    private let keys: [UInt8]
    private var shards: [[Entry]]

    init(index: InvertedIndex) {
        self.index = index
        var keys: [UInt8] = []
        var entries: [(entry: Entry, hash: UInt32)] = []
        entries.reserveCapacity(index.tokens.count)
        var total = 0
        index.forEachToken { key, list in
            let start = keys.count
            if key.isTitle { keys.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: ":")]) }
            let prefix = keys.count
            key.appendUTF8(words: index.words, filters: index.filters, to: &keys)
            let length = keys.count - start
            // A title token `t:X` lives in the shard of `X` (SearchIndexBuilder.shard).
            let hash = keys.withUnsafeBufferPointer { SearchTokenizer.fnv1a(utf8: $0[prefix...]) }
            entries.append((Entry(start: start, length: length, prefix: Self.prefix(keys, start, length), list: list), hash))
            total += length + index.lists.encodedLength(list) + 6
        }
        self.keys = keys
        self.total = total
        shardCount = SearchIndexBuilder.shardCount(total: total)
        var shards = [[Entry]](repeating: [], count: shardCount)
        for (entry, hash) in entries { shards[Int(hash % UInt32(shardCount))].append(entry) }
        self.shards = shards
    }

    private static func prefix(_ keys: [UInt8], _ start: Int, _ length: Int) -> UInt64 {
        var prefix: UInt64 = 0
        for i in 0..<8 { prefix = prefix << 8 | UInt64(i < length ? keys[start + i] : 0) }
        return prefix
    }

    /// Hands over each shard file; a batch of shards is encoded in parallel, then handed over in order.
    func write(to emit: (String, [UInt8]) throws -> Void, batchSize: Int = 64) rethrows {
        var batch = [[UInt8]](repeating: [], count: batchSize)
        for start in stride(from: 0, to: shardCount, by: batchSize) {
            let end = min(start + batchSize, shardCount)
            batch.withUnsafeMutableBufferPointer { batch in
                DispatchQueue.concurrentPerform(iterations: end - start) { i in batch[i] = json(shard: start + i) }
            }
            for i in start..<end { try emit("search/shards/\(i).json", batch[i - start]) }
        }
    }

    /// `{"<token>":"<postings>",…}`, keys in the order of their bytes.
    private func json(shard: Int) -> [UInt8] {
        keys.withUnsafeBufferPointer { keys in
            // By the prefix, then (when it ties) by all the bytes: the order of the bytes either way,
            // as a zero pad sorts before any byte and only ties with a zero byte.
            let sorted = shards[shard].sorted { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                let common = min(a.length, b.length)
                let order = memcmp(keys.baseAddress! + a.start, keys.baseAddress! + b.start, common)
                return order != 0 ? order < 0 : a.length < b.length
            }
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (n, entry) in sorted.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\""))
                JSONText.appendEscaped(UnsafeBufferPointer(rebasing: keys[entry.start..<entry.start + entry.length]), to: &out)
                out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "\"")])
                index.lists.appendEncoded(entry.list, to: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: "}"))
            return out
        }
    }
}
