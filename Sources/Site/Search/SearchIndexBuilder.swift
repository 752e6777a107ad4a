import Foundation

/// Writes the client-side search index (docs/search-index.md): a manifest, posting lists
/// sharded by token, and one compressed file per document for snippets.
struct SearchIndexBuilder {
    /// Target size of a shard file; a query fetches one shard per token.
    static let shardTarget = 6_000

    let documents: [SearchDocument]

    /// Every file of the index, as a map from path to contents.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        try write { path, data in files[path] = data }
        return files
    }

    /// Hands over each file of the index as soon as it is made, so the caller can write it and
    /// let it go: the documents, then the shards, the manifest and the filters.
    /// - Returns: the shard count and the size total, which a later patch of the index needs.
    @discardableResult
    func write(to emit: (String, Data) throws -> Void) throws -> (shardCount: Int, total: Int) {
        var index = InvertedIndex(docCount: documents.count)
        try DocumentPipeline(documents: documents).run { start, batch in
            for (offset, processed) in batch.enumerated() {
                let id = start + offset
                index.add(processed.tokens, of: documents[id], id: Int32(id))
                try emit("search/docs/\(id).z", processed.file)
            }
        }
        let shards = ShardWriter(index: index)
        try shards.write { path, bytes in try emit(path, Data(bytes)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try emit("search/manifest.json", try encoder.encode(manifest(shardCount: shards.shardCount)))
        try emit("search/filters.json", try encoder.encode(["agencies": agencyList()]))
        return (shards.shardCount, shards.total)
    }

    // What patching an index (`SearchStage`) needs: the same tokens, sizes and bytes.

    /// What the index holds for a document: token → term frequency.
    static func tokenCounts(of doc: SearchDocument) -> [String: Int] { SearchTokenizer.counts(of: doc) }

    /// The size measure that decides the number of shards: Σ (token + postings + 6).
    static func entrySize(token: String, postings: String) -> Int { token.utf8.count + postings.utf8.count + 6 }

    static func shardCount(total: Int) -> Int { max(1, total / shardTarget) }

    /// A shard file, byte for byte as `ShardWriter` writes it: keys in the order of their bytes.
    static func encodeShard(_ shard: [String: String]) -> Data {
        let sorted = shard.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (n, (key, value)) in sorted.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            key.withUnsafeBufferPointer { JSONText.appendEscaped($0, to: &out) }
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            JSONText.appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// A document file, as `DocumentPipeline` makes it.
    static func encodeDocument(_ doc: SearchDocument) -> Data { Deflate.compress(doc.json()) }

    /// The manifest and the agency filter list, which depend on every document.
    func manifestAndFilters(shardCount: Int) throws -> (manifest: Data, filters: Data) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try encoder.encode(manifest(shardCount: shardCount)), try encoder.encode(["agencies": agencyList()]))
    }

    /// A title token (`t:X`) lives in the shard of `X`: a query fetches one shard for both.
    static func shard(of token: String, count: Int) -> Int {
        let key = token.hasPrefix("t:") ? String(token.dropFirst(2)) : token
        return Int(SearchTokenizer.fnv1a(key) % UInt32(count))
    }

    struct Manifest: Encodable {
        var version = 1
        var docCount: Int
        var shardCount: Int
        var years: [Int]
        var regions: [[Value]]

        enum Value: Encodable {
            case text(String), number(Int)
            func encode(to encoder: Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self {
                case .text(let s): try c.encode(s)
                case .number(let n): try c.encode(n)
                }
            }
        }
    }

    private func manifest(shardCount: Int) -> Manifest {
        let years = Set(documents.compactMap(\.year)).sorted(by: >)
        var regionCounts: [String: Int] = [:]
        for doc in documents { for r in doc.region { regionCounts[r, default: 0] += 1 } }
        let regions = regionCounts.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.prefix(200)
        return Manifest(docCount: documents.count, shardCount: shardCount, years: years,
                        regions: regions.map { [.text($0.key), .number($0.value)] })
    }

    /// Every agency as `[slug, name]`, for the agency filter (`search/filters.json`).
    private func agencyList() -> [[String]] {
        var agencies: [String: String] = [:]
        for doc in documents where !doc.agencySlug.isEmpty { agencies[doc.agencySlug] = doc.agency }
        return agencies.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
    }
}
