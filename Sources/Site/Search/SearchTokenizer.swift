/// Splits text into search tokens exactly as `assets/search.js` does (docs/search-index.md):
/// per code point NFKC and lower case; runs of Han characters give their unigrams, bigrams and
/// trigrams; runs of other letters and digits give one word. No dictionary, so index and query
/// always agree, and any run of one or more consecutive characters can be found.
enum SearchTokenizer {
    static let maxWordLength = 32

    enum Run: Equatable {
        case han([Unicode.Scalar])
        case word(String)
    }

    static func isHan(_ v: UInt32) -> Bool {
        v == 0x3007 || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (0x30...0x39).contains(s.value) || (0x61...0x7A).contains(s.value) || (0x41...0x5A).contains(s.value) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Every scalar of `text`, normalised per code point (NFKC, then lower case).
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var normalizer = ScalarNormalizer()
        return normalizer.normalized(text).map { Unicode.Scalar(ScalarNormalizer.value($0))! }
    }

    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !han.isEmpty { runs.append(.han(han)); han = [] }
            if !word.isEmpty {
                runs.append(.word(String(String(word).unicodeScalars.prefix(maxWordLength))))
                word = String.UnicodeScalarView()
            }
        }
        for s in normalized(text) {
            if isHan(s.value) {
                if !word.isEmpty { flush() }
                han.append(s)
            } else if isWord(s) {
                if !han.isEmpty { flush() }
                word.append(s)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// Every token of `text` with its count, added to `counts` with `prefix` on each: the tokens
    /// the index gives the text (`SearchIndexBuilder` counts the same way, on integers).
    static func count(_ text: String, prefix: String = "", into counts: inout [String: Int]) {
        var counter = TokenCounter()
        counter.count(text)
        counter.forEachToken { token, count in counts[prefix + token, default: 0] += count }
    }

    /// Every token the index holds for `document`, with its count: body, `t:` and filter tokens.
    /// For re-indexing one document; `SearchIndexBuilder` gives each document exactly these.
    static func counts(of document: SearchDocument) -> [String: Int] {
        var counter = TokenCounter()
        counter.count(document: document)
        var counts: [String: Int] = [:]
        counter.forEachToken { token, count in counts[token, default: 0] += count }
        for token in document.filterTokens { counts[token] = 1 }
        return counts
    }

    /// The tokens a query term looks up: one unigram, one bigram, or every trigram of a Han run.
    static func queryTokens(_ term: String) -> [String] {
        var tokens: [String] = []
        for run in runs(term) {
            switch run {
            case .word(let w):
                tokens.append(w)
            case .han(let chars):
                if chars.count <= 3 {
                    var t = ""
                    t.unicodeScalars.append(contentsOf: chars)
                    tokens.append(t)
                } else {
                    for i in 0...(chars.count - 3) {
                        var t = ""
                        t.unicodeScalars.append(contentsOf: chars[i..<(i + 3)])
                        tokens.append(t)
                    }
                }
            }
        }
        return tokens
    }

    /// FNV-1a, 32 bit, over the UTF-8 bytes: the token's shard.
    static func fnv1a(_ token: String) -> UInt32 { fnv1a(utf8: token.utf8) }

    static func fnv1a(utf8: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
