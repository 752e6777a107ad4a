import Foundation

/// Writes the client-side search index (docs/search-index.md): a manifest, posting lists
/// sharded by token, and one compressed file per document for snippets.
struct SearchIndexBuilder {
    /// Target size of a shard file; a query fetches one shard per token.
    static let shardTarget = 6_000

    let documents: [SearchDocument]

    /// Documents compressed in parallel per batch, then handed over in order.
    static let documentBatch = 64

    /// Every file of the index, as a map from path to contents.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        try write { path, data in files[path] = data }
        return files
    }

    /// Hands over each file of the index as soon as it is made (so the caller can write it and
    /// let it go): the shards, then the documents, the manifest and the filters.
    func write(to emit: (String, Data) throws -> Void) throws {
        let shards = ShardWriter(index: InvertedIndex(documents: documents))
        try shards.write { path, bytes in try emit(path, Data(bytes)) }
        try writeDocuments(to: emit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try emit("search/manifest.json", try encoder.encode(manifest(shardCount: shards.shardCount)))
        try emit("search/filters.json", try encoder.encode(["agencies": agencyList()]))
    }

    /// `search/docs/<id>.z`: each document's JSON, zlib-compressed.
    private func writeDocuments(to emit: (String, Data) throws -> Void) throws {
        var batch = [Data](repeating: Data(), count: Self.documentBatch)
        for start in stride(from: 0, to: documents.count, by: Self.documentBatch) {
            let end = min(start + Self.documentBatch, documents.count)
            batch.withUnsafeMutableBufferPointer { batch in
                DispatchQueue.concurrentPerform(iterations: end - start) { i in
                    batch[i] = Deflate.compress(documents[start + i].json())
                }
            }
            for i in start..<end { try emit("search/docs/\(i).z", batch[i - start]) }
        }
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
