import Foundation
@testable import Site

/// The index writer as it was before tokens became integers (String keys, `JSONEncoder`), kept
/// as the definition that the fast writer must match byte for byte on hostile input.
enum ReferenceSearchIndex {
    enum Run: Equatable {
        case han([Unicode.Scalar])
        case word(String)
    }

    static func normalize(_ s: Unicode.Scalar, into out: inout [Unicode.Scalar]) {
        let v = s.value
        if v < 0x80 {
            out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : s)
        } else if (0x4E00...0x9FFF).contains(v) {
            out.append(s)
        } else if (0xFF01...0xFF5E).contains(v) {
            let a = v - 0xFEE0
            out.append((0x41...0x5A).contains(a) ? Unicode.Scalar(a + 0x20)! : Unicode.Scalar(a)!)
        } else {
            out.append(contentsOf: String(Character(s)).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
        }
    }

    static func runs(_ text: String) -> [Run] {
        var normal: [Unicode.Scalar] = []
        for s in text.unicodeScalars { normalize(s, into: &normal) }
        var runs: [Run] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !han.isEmpty { runs.append(.han(han)); han = [] }
            if !word.isEmpty {
                runs.append(.word(String(String(word).unicodeScalars.prefix(SearchTokenizer.maxWordLength))))
                word = String.UnicodeScalarView()
            }
        }
        for s in normal {
            if SearchTokenizer.isHan(s.value) {
                if !word.isEmpty { flush() }
                han.append(s)
            } else if SearchTokenizer.isWord(s) {
                if !han.isEmpty { flush() }
                word.append(s)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    static func count(_ text: String, prefix: String = "", into counts: inout [String: Int]) {
        for run in runs(text) {
            switch run {
            case .word(let w):
                counts[prefix + w, default: 0] += 1
            case .han(let chars):
                for i in chars.indices {
                    var token = prefix
                    token.unicodeScalars.append(chars[i])
                    counts[token, default: 0] += 1
                    if i + 1 < chars.count {
                        token.unicodeScalars.append(chars[i + 1])
                        counts[token, default: 0] += 1
                        if i + 2 < chars.count {
                            token.unicodeScalars.append(chars[i + 2])
                            counts[token, default: 0] += 1
                        }
                    }
                }
            }
        }
    }

    static func documentCounts(_ doc: SearchDocument) -> [String: Int] {
        var counts: [String: Int] = [:]
        count(doc.bodyText, into: &counts)
        count(doc.fieldText, prefix: "t:", into: &counts)
        if let year = doc.year { counts["y:\(year)"] = 1 }
        for r in doc.region { counts["r:" + r] = 1 }
        if !doc.agencySlug.isEmpty { counts["a:" + doc.agencySlug] = 1 }
        counts["k:" + doc.kind] = 1
        return counts
    }

    /// The shard and document files.
    static func files(_ documents: [SearchDocument]) throws -> [String: Data] {
        var postings: [String: [(doc: Int, tf: Int)]] = [:]
        for (doc, counts) in documents.map(documentCounts).enumerated() {
            for (token, tf) in counts { postings[token, default: []].append((doc, tf)) }
        }
        let encoded = postings.mapValues { Postings.encode($0, docCount: documents.count) }
        let total = encoded.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 }
        let shardCount = max(1, total / SearchIndexBuilder.shardTarget)
        var shards = [[String: String]](repeating: [:], count: shardCount)
        for (token, list) in encoded {
            let key = token.hasPrefix("t:") ? String(token.dropFirst(2)) : token
            shards[Int(SearchTokenizer.fnv1a(key) % UInt32(shardCount))][token] = list
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
        return files
    }
}
