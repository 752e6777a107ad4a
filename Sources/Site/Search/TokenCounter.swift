/// Counts the tokens of text (docs/search-index.md) as `TokenKey`s, straight from the Unicode
/// scalars: no `Character`s, no token strings. A Han run gives, at each character, its unigram
/// and the bigram and trigram that end there (the same multiset as every unigram, bigram and
/// trigram of the run); a word run gives one word of at most 32 scalars.
///
/// Words that do not fit a `TokenKey` (non-ASCII, or longer than 8) are numbered in `words`,
/// a table keyed by `String`, so words that Swift considers equal (canonically equivalent) are
/// one token, as they were when every token was a `String` key.
///
/// Its table is a reference: make one counter per thread, never copy one to share it.
struct TokenCounter {
    let counts = TokenTable()
    private(set) var words: [String] = []
    private var wordNumbers: [String: UInt32] = [:]
    private var normalizer = ScalarNormalizer()

    // The run being read.
    private var han1: UInt32 = 0  // previous Han scalar of the run, or 0
    private var han2: UInt32 = 0  // the one before
    private var word: [Unicode.Scalar] = []
    private var wordIsASCII = true
    private var title = false

    init() { word.reserveCapacity(SearchTokenizer.maxWordLength) }

    /// Adds the tokens of `text`; `title` puts them in the `t:` namespace.
    mutating func count(_ text: String, title: Bool = false) {
        self.title = title
        var text = text
        // The scalars decoded from the UTF-8 by hand: `unicodeScalars` re-checks the string's
        // form at every scalar, about a quarter of the cost of counting.
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let b0 = UInt32(utf8[i])
                let v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i &+= 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(utf8[i &+ 1] & 0x3F)
                    i &+= 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6 | UInt32(utf8[i &+ 2] & 0x3F)
                    i &+= 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(utf8[i &+ 1] & 0x3F) << 12 | UInt32(utf8[i &+ 2] & 0x3F) << 6
                        | UInt32(utf8[i &+ 3] & 0x3F)
                    i &+= 4
                }
                let s = Unicode.Scalar(v)!  // valid: the string's own UTF-8
                if let packed = ScalarNormalizer.fast(s) {
                    add(packed)
                } else {
                    for packed in normalizer.slow(s) { add(packed) }
                }
            }
        }
        endRun()
    }

    mutating func removeAll() {
        counts.removeAll()
        words.removeAll(keepingCapacity: true)
        wordNumbers.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func add(_ packed: ScalarNormalizer.Packed) {
        let v = ScalarNormalizer.value(packed)
        switch ScalarNormalizer.kind(packed) {
        case .han:
            if !word.isEmpty { endWord() }
            bump(.han(v, title: title))
            if han1 != 0 {
                bump(.han(han1, v, title: title))
                if han2 != 0 { bump(.han(han2, han1, v, title: title)) }
            }
            han2 = han1
            han1 = v
        case .word:
            han1 = 0
            han2 = 0
            if word.count < SearchTokenizer.maxWordLength {
                word.append(Unicode.Scalar(v)!)
                if v >= 0x80 { wordIsASCII = false }
            }
        case .separator:
            endRun()
        }
    }

    @inline(__always)
    private mutating func endRun() {
        han1 = 0
        han2 = 0
        if !word.isEmpty { endWord() }
    }

    @inline(__always)
    private func bump(_ key: TokenKey) { counts.increment(key) }

    private mutating func endWord() {
        if wordIsASCII && word.count <= TokenKey.maxASCIIWordLength {
            var payload: UInt64 = 0
            for (i, s) in word.enumerated() { payload |= UInt64(s.value) << (7 * UInt64(i)) }
            bump(TokenKey(kind: .asciiWord, payload: payload, title: title))
        } else {
            var text = ""
            text.unicodeScalars.append(contentsOf: word)
            let number: UInt32
            if let known = wordNumbers[text] {
                number = known
            } else {
                number = UInt32(words.count)
                words.append(text)
                wordNumbers[text] = number
            }
            bump(TokenKey(kind: .word, payload: UInt64(number), title: title))
        }
        word.removeAll(keepingCapacity: true)
        wordIsASCII = true
    }
}

extension TokenCounter {
    /// Counts a document's `bodyText` and, as `t:` tokens, its `fieldText`, piece by piece: the
    /// pieces are joined by line breaks there, and a line break only ends a run.
    mutating func count(document doc: SearchDocument) {
        for field in doc.fieldPieces {
            count(field)
            count(field, title: true)
        }
        if let year = doc.year { count("\(year)年") }
        for part in doc.sections {
            count(part.title)
            count(part.text)
        }
    }

    /// Every counted token as text (with `t:` for title tokens) and its count.
    func forEachToken(_ body: (String, Int) -> Void) {
        for slot in counts.slots {
            let key = counts.key(atSlot: Int(slot))
            let text = key.text(words: words, filters: [])
            body(key.isTitle ? "t:" + text : text, Int(counts[slot: Int(slot)]))
        }
    }
}
