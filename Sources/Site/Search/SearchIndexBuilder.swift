import Foundation

/// Writes the client-side search index (docs/search-index.md): a manifest, posting lists
/// sharded by token, and one compressed file per document for snippets.
struct SearchIndexBuilder {
    /// Target size of a shard file; a query fetches one shard per token.
    static let shardTarget = 6_000

    let documents: [SearchDocument]

    /// What the index of a document holds: token → term frequency.
    static func tokenCounts(of doc: SearchDocument) -> [String: Int] {
        var counts: [String: Int] = [:]
        SearchTokenizer.count(doc.bodyText, into: &counts)
        SearchTokenizer.count(doc.fieldText, prefix: "t:", into: &counts)
        if let year = doc.year { counts["y:\(year)"] = 1 }
        for r in doc.region { counts["r:" + r] = 1 }
        if !doc.agencySlug.isEmpty { counts["a:" + doc.agencySlug] = 1 }
        counts["k:" + doc.kind] = 1
        return counts
    }

    /// The size measure that decides the number of shards: Σ (token + postings + 6).
    static func entrySize(token: String, postings: String) -> Int { token.utf8.count + postings.utf8.count + 6 }

    static func shardCount(total: Int) -> Int { max(1, total / shardTarget) }

    func files() throws -> [String: Data] {
        var shape = (shardCount: 0, total: 0)
        return try files(shape: &shape)
    }

    /// - Parameter shape: set to the shard count and the size total, for the next build's patch.
    func files(shape: inout (shardCount: Int, total: Int)) throws -> [String: Data] {
        // Tokens of each document, counted in parallel.
        var perDocument = [[String: Int]](repeating: [:], count: documents.count)
        perDocument.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                (base + i).pointee = Self.tokenCounts(of: documents[i])
            }
        }
        var postings: [String: [(doc: Int, tf: Int)]] = [:]
        for (doc, counts) in perDocument.enumerated() {
            for (token, tf) in counts { postings[token, default: []].append((doc, tf)) }
        }
        let encoded = postings.mapValues { Postings.encode($0, docCount: documents.count) }
        let total = encoded.reduce(0) { $0 + Self.entrySize(token: $1.key, postings: $1.value) }
        let shardCount = Self.shardCount(total: total)
        shape = (shardCount, total)
        var shards = [[String: String]](repeating: [:], count: shardCount)
        for (token, list) in encoded {
            shards[Self.shard(of: token, count: shardCount)][token] = list
        }

        var files: [String: Data] = [:]
        for (i, shard) in shards.enumerated() {
            files["search/shards/\(i).json"] = try Self.encodeShard(shard)
        }
        for (i, doc) in documents.enumerated() {
            files["search/docs/\(i).z"] = try Self.encodeDocument(doc)
        }
        files["search/manifest.json"] = try Self.encoder.encode(manifest(shardCount: shardCount))
        files["search/filters.json"] = try Self.encoder.encode(["agencies": agencyList()])
        return files
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encodeShard(_ shard: [String: String]) throws -> Data { try encoder.encode(shard) }

    static func encodeDocument(_ doc: SearchDocument) throws -> Data { Deflate.compress(try encoder.encode(doc)) }

    /// The manifest and the agency filter list, which depend on every document.
    func manifestAndFilters(shardCount: Int) throws -> (manifest: Data, filters: Data) {
        (try Self.encoder.encode(manifest(shardCount: shardCount)), try Self.encoder.encode(["agencies": agencyList()]))
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
