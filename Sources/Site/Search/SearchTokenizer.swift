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

    /// Normalises one code point: NFKC, then lower case. Fast paths for ASCII, Han and
    /// full-width ASCII, which is nearly all report text.
    @inline(__always)
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

    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { normalize(s, into: &out) }
        return out
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

    /// Every token of `text` with its count.
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
    static func fnv1a(_ token: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in token.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
