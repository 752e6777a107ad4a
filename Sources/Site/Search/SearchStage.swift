import Foundation
import ReportModel

/// What the cache remembers of the last build's search index.
struct SearchState: Sendable, Equatable {
    var shardCount: Int
    /// Σ (token + postings + 6) over every token: decides the shard count.
    var total: Int
    /// The document urls in id order: an index can be patched only if they are the same.
    var documents: UInt64
}

/// The search step of the build: the index of docs/search-index.md, written into the sink.
/// When only a few documents changed since the last build, the previous index is patched: only
/// the shards holding a token whose postings changed, and the changed documents, are written;
/// the result is byte for byte the index a full build makes (tested).
struct SearchStage {
    let sink: OutputSink
    let keys: DependencyKeys
    let previous: SearchState?

    /// More changed documents than this share, and a full build is as quick as a patch.
    static let patchLimit = 0.05

    /// Builds or patches the index; returns what the next build needs to know of it.
    @discardableResult
    func build(reports: [Report], pages: [SearchDocument]) throws -> SearchState {
        let outlines = reports.map(SearchDocument.init(metadataOf:)) + pages
        let digest = Self.digest(outlines)
        var generationHash = keys.start("search")
        generationHash.add(digest)
        let generation = generationHash.value
        let documentKeys = outlines.indices.map { i -> UInt64 in
            var h = keys.start("search-document")
            h.add(i)
            if i < reports.count { h.add(keys.report(reports[i])) }
            return h.value
        }
        if let previous, previous.documents == digest,
           let state = try patch(outlines, document: { $0 < reports.count ? SearchDocument(report: reports[$0]) : pages[$0 - reports.count] },
                                 documentKeys: documentKeys, previous: previous, generation: generation) {
            return state
        }
        let documents = reports.map(SearchDocument.init(report:)) + pages
        let meta = Self.metaDigest(outlines)
        var shards = 0  // the shards come before the manifest, which names their number
        let shape = try SearchIndexBuilder(documents: documents).write { path, data in
            if path.hasPrefix("search/shards/") { shards += 1 }
            let key = Self.meta.contains(path) ? metaKey(meta, shardCount: shards)
                : Self.key(of: path, generation: generation, documentKeys: documentKeys)
            try sink.emit(path, data, key: key)
        }
        return SearchState(shardCount: shape.shardCount, total: shape.total, documents: digest)
    }

    /// The key recorded for an index file: a document's own key, or the index generation.
    private static func key(of path: String, generation: UInt64, documentKeys: [UInt64]) -> UInt64? {
        if path.hasPrefix("search/docs/"), let id = Int(path.dropFirst("search/docs/".count).dropLast(2)) {
            return documentKeys[id]
        }
        return path.hasPrefix("search/shards/") ? generation : nil
    }

    /// Patches the previous index, or returns nil when a full build is needed (too many changes,
    /// a previous file missing or unreadable, the shard count moves, or a bitmap list would have
    /// to become a varint list, whose term frequencies a bitmap does not keep). Nothing is
    /// written before the patch is known to work.
    /// - Parameters:
    ///   - documents: every document without its text (`SearchDocument(metadataOf:)`).
    ///   - document: the whole document of an id, made only for the changed ones.
    private func patch(_ documents: [SearchDocument], document: (Int) -> SearchDocument, documentKeys: [UInt64],
                       previous: SearchState, generation: UInt64) throws -> SearchState? {
        guard let old = sink.previous else { return nil }
        let folder = old.folder.appendingPathComponent("search")
        let changed = documents.indices.filter { old.keys[OutputPath("search/docs/\($0).z")] != documentKeys[$0] }
        guard Double(changed.count) <= max(8, Double(documents.count) * Self.patchLimit) else { return nil }
        guard (0..<previous.shardCount).allSatisfy({ old.keys[OutputPath("search/shards/\($0).json")] == generation }) else { return nil }

        // Tokens whose term frequency changed in some document: (document, new tf; 0 = gone).
        var delta: [String: [(doc: Int, tf: Int)]] = [:]
        var whole: [Int: SearchDocument] = [:]
        for id in changed {
            let current = document(id)
            whole[id] = current
            guard let stored = try? Data(contentsOf: folder.appendingPathComponent("docs/\(id).z")),
                  let json = Self.inflate(stored),
                  var before = try? JSONDecoder().decode(SearchDocument.self, from: json) else { return nil }
            before.agencySlug = documents[id].agencySlug  // the same url, so the same agency
            let was = SearchIndexBuilder.tokenCounts(of: before)
            let now = SearchIndexBuilder.tokenCounts(of: current)
            for token in Set(was.keys).union(now.keys) where was[token] != now[token] {
                delta[token, default: []].append((id, now[token] ?? 0))
            }
        }

        var total = previous.total
        var patched: [Int: [String: String]] = [:]
        let byShard = Dictionary(grouping: delta.keys) { SearchIndexBuilder.shard(of: $0, count: previous.shardCount) }
        for (index, tokens) in byShard {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("shards/\(index).json")),
                  var shard = try? JSONDecoder().decode([String: String].self, from: data) else { return nil }
            for token in tokens {
                let before = shard[token]
                if let before, before.first == "B" {
                    guard let outcome = BitmapPatch.apply(before, changes: delta[token]!, docCount: documents.count) else { return nil }
                    total -= SearchIndexBuilder.entrySize(token: token, postings: before)
                    switch outcome {
                    case .bitmap(let encoded):
                        shard[token] = encoded
                        total += SearchIndexBuilder.entrySize(token: token, postings: encoded)
                    case .empty:
                        shard[token] = nil
                    case .varints:
                        return nil
                    }
                    continue
                }
                var old: [(doc: Int, tf: Int)] = []
                if let before {
                    guard let list = Postings.decode(before) else { return nil }
                    old = list
                    total -= SearchIndexBuilder.entrySize(token: token, postings: before)
                }
                // Both in document order (`changed` is): merged, not put in a table and sorted,
                // since a common token is in every document.
                var list: [(doc: Int, tf: Int)] = []
                list.reserveCapacity(old.count + delta[token]!.count)
                var next = 0
                for (doc, tf) in delta[token]! {
                    while next < old.count, old[next].doc < doc { list.append(old[next]); next += 1 }
                    if next < old.count, old[next].doc == doc { next += 1 }
                    if tf != 0 { list.append((doc, tf)) }
                }
                list += old[next...]
                guard !list.isEmpty else {
                    shard[token] = nil
                    continue
                }
                let encoded = Postings.encode(list, docCount: documents.count)
                shard[token] = encoded
                total += SearchIndexBuilder.entrySize(token: token, postings: encoded)
            }
            patched[index] = shard
        }
        guard SearchIndexBuilder.shardCount(total: total) == previous.shardCount else { return nil }

        for index in 0..<previous.shardCount {
            let path = "search/shards/\(index).json"
            if let shard = patched[index] {
                try sink.emit(path, SearchIndexBuilder.encodeShard(shard), key: generation)
            } else if !sink.reuse(path, key: generation) {
                throw SiteError.output("\(path) 无法从上次的输出中取用")
            }
        }
        let changedSet = Set(changed)
        for id in documents.indices {
            let path = "search/docs/\(id).z"
            if changedSet.contains(id) || !sink.reuse(path, key: documentKeys[id]) {
                try sink.emit(path, SearchIndexBuilder.encodeDocument(whole[id] ?? document(id)), key: documentKeys[id])
            }
        }
        // Made again only if a document's year, region or agency changed.
        let key = metaKey(Self.metaDigest(documents), shardCount: previous.shardCount)
        if !Self.meta.allSatisfy({ sink.reuse($0, key: key) }) {
            let (manifest, filters) = try SearchIndexBuilder(documents: documents).manifestAndFilters(shardCount: previous.shardCount)
            try sink.emit("search/manifest.json", manifest, key: key)
            try sink.emit("search/filters.json", filters, key: key)
        }
        return SearchState(shardCount: previous.shardCount, total: total, documents: previous.documents)
    }

    /// A stored document, inflated into a buffer sized from it and grown only if it is too
    /// small (a buffer of the largest size allowed, 16 MB, was zeroed and faulted in for each).
    private static func inflate(_ stored: Data) -> Data? {
        var size = max(1 << 14, stored.count * 8)
        while size <= 1 << 24 {
            if let json = Deflate.decompress(stored, expectedSize: size) { return json }
            size *= 4
        }
        return nil
    }

    /// The files that show every document's year, region and agency.
    private static let meta = ["search/manifest.json", "search/filters.json"]

    /// What the manifest and the agency list are made from.
    static func metaDigest(_ documents: [SearchDocument]) -> UInt64 {
        var h = StableHash()
        h.add(documents.count)
        for doc in documents {
            h.add(doc.year ?? Int.min)
            h.add(doc.region.count)
            for r in doc.region { h.add(r) }
            h.add(doc.agencySlug)
            h.add(doc.agency)
        }
        return h.value
    }

    private func metaKey(_ digest: UInt64, shardCount: Int) -> UInt64 {
        var h = keys.start("search-meta")
        h.add(digest)
        h.add(shardCount)
        return h.value
    }

    static func digest(_ documents: [SearchDocument]) -> UInt64 {
        var h = StableHash()
        for doc in documents { h.add(doc.url) }
        return h.value
    }
}

/// Documents are read back from the previous index to patch it.
extension SearchDocument: Decodable {
    private enum Keys: String, CodingKey { case title, agency, year, region, url, kind, sections }
    private enum PartKeys: String, CodingKey { case title, anchor, text }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        title = try c.decode(String.self, forKey: .title)
        agency = try c.decode(String.self, forKey: .agency)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        region = try c.decode([String].self, forKey: .region)
        url = try c.decode(String.self, forKey: .url)
        kind = try c.decode(String.self, forKey: .kind)
        var parts = try c.nestedUnkeyedContainer(forKey: .sections)
        sections = []
        while !parts.isAtEnd {
            let p = try parts.nestedContainer(keyedBy: PartKeys.self)
            sections.append(Part(title: try p.decode(String.self, forKey: .title), anchor: try p.decode(String.self, forKey: .anchor),
                                 text: try p.decode(String.self, forKey: .text)))
        }
    }
}
