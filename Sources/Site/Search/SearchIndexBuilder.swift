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
    func write(to emit: (String, Data) throws -> Void) throws {
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
