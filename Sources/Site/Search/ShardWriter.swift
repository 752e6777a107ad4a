import Foundation

/// Writes the posting lists as `search/shards/<i>.json`: each token's text is made here, once,
/// and each shard is written by hand in the bytes `JSONEncoder` gave a `[String: String]`.
struct ShardWriter {
    /// One token, ready to write.
    private struct Entry {
        var key: [UInt8]  // the JSON key's UTF-8, with `t:` for title tokens
        var list: Int
    }

    let index: InvertedIndex
    let shardCount: Int
    /// Σ (token + postings + 6): the measure the shard count comes from.
    let total: Int
    private var shards: [[Entry]]

    init(index: InvertedIndex) {
        self.index = index
        var entries: [(entry: Entry, hash: UInt32)] = []
        entries.reserveCapacity(index.tokens.count)
        var total = 0
        index.forEachToken { key, list in
            var full: [UInt8] = key.isTitle ? [UInt8(ascii: "t"), UInt8(ascii: ":")] : []
            let prefix = full.count
            key.appendUTF8(words: index.words, filters: index.filters, to: &full)
            // A title token `t:X` lives in the shard of `X` (SearchIndexBuilder.shard).
            entries.append((Entry(key: full, list: list), SearchTokenizer.fnv1a(utf8: full[prefix...])))
            total += full.count + index.lists.encodedLength(list) + 6
        }
        self.total = total
        shardCount = SearchIndexBuilder.shardCount(total: total)
        var shards = [[Entry]](repeating: [], count: shardCount)
        for (entry, hash) in entries { shards[Int(hash % UInt32(shardCount))].append(entry) }
        self.shards = shards
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
        let sorted = shards[shard].sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (n, entry) in sorted.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            entry.key.withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &out) }
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "\"")])
            index.lists.appendEncoded(entry.list, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
