import Foundation

/// Writes the client-side search index (docs/search-index.md): a manifest, posting lists
/// sharded by token, and one compressed file per document for snippets.
struct SearchIndexBuilder {
    /// Target size of a shard file; a query fetches one shard per token.
    static let shardTarget = 6_000

    let documents: [SearchDocument]

    func files() throws -> [String: Data] {
        // Tokens of each document, counted in parallel.
        var perDocument = [[String: Int]](repeating: [:], count: documents.count)
        perDocument.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                let doc = documents[i]
                var counts: [String: Int] = [:]
                SearchTokenizer.count(doc.bodyText, into: &counts)
                SearchTokenizer.count(doc.fieldText, prefix: "t:", into: &counts)
                if let year = doc.year { counts["y:\(year)"] = 1 }
                for r in doc.region { counts["r:" + r] = 1 }
                if !doc.agencySlug.isEmpty { counts["a:" + doc.agencySlug] = 1 }
                counts["k:" + doc.kind] = 1
                (base + i).pointee = counts
            }
        }
        var postings: [String: [(doc: Int, tf: Int)]] = [:]
        for (doc, counts) in perDocument.enumerated() {
            for (token, tf) in counts { postings[token, default: []].append((doc, tf)) }
        }
        let encoded = postings.mapValues { Postings.encode($0, docCount: documents.count) }
        let total = encoded.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 }
        let shardCount = max(1, total / Self.shardTarget)
        var shards = [[String: String]](repeating: [:], count: shardCount)
        for (token, list) in encoded {
            shards[Self.shard(of: token, count: shardCount)][token] = list
        }

        var files: [String: Data] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (i, shard) in shards.enumerated() {
            files["search/shards/\(i).json"] = try encoder.encode(shard)
        }
        for (i, doc) in documents.enumerated() {
            files["search/docs/\(i).z"] = Deflate.compress(try encoder.encode(doc))
        }
        files["search/manifest.json"] = try encoder.encode(manifest(shardCount: shardCount))
        files["search/filters.json"] = try encoder.encode(["agencies": agencyList()])
        return files
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
