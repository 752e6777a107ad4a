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
    /// Sized for a report (a few thousand distinct tokens), so that it does not grow three times.
    let counts = TokenTable(capacity: 4096)
    private(set) var words: [String] = []
    private var wordNumbers: [String: UInt32] = [:]
    private var normalizer = ScalarNormalizer()

    // The word being read.
    private var word: [Unicode.Scalar] = []
    private var wordIsASCII = true
    private var title = false

    init() { word.reserveCapacity(SearchTokenizer.maxWordLength) }

    /// Adds the tokens of `text`; `title` puts them in the `t:` namespace.
    mutating func count(_ text: String, title: Bool = false) {
        self.title = title
        var text = text
        text.withUTF8 { utf8 in
            var table = TokenTable.Cursor(counts)
            var han = HanRun(title: title)
            // The scalars decoded from the UTF-8 by hand: `unicodeScalars` re-checks the string's
            // form at every scalar, about a quarter of the cost of counting.
            var i = 0
            while i < utf8.count {
                let b0 = UInt32(utf8[i])
                // The main Han block (U+4E00–U+9FFF, lead bytes E4–E9), most of the text,
                // straight to its tokens.
                if b0 &- 0xE4 < 6 {
                    var v = (b0 & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6 | UInt32(utf8[i &+ 2] & 0x3F)
                    if v >= 0x4E00 {
                        if !word.isEmpty { table.increment(endWord()) }
                        // The rest of the run's characters of the main block, with no other test.
                        while true {
                            han.add(v, to: &table)
                            i &+= 3
                            guard i < utf8.count else { break }
                            let b = UInt32(utf8[i])
                            guard b &- 0xE4 < 6 else { break }
                            v = (b & 0x0F) << 12 | UInt32(utf8[i &+ 1] & 0x3F) << 6 | UInt32(utf8[i &+ 2] & 0x3F)
                            guard v >= 0x4E00 else { break }
                        }
                        continue
                    }
                }
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
                if let packed = ScalarNormalizer.fast(s) ?? normalizer.single(s) {
                    add(packed, han: &han, to: &table)
                } else {
                    for packed in normalizer.slow(s) { add(packed, han: &han, to: &table) }
                }
            }
            if !word.isEmpty { table.increment(endWord()) }
        }
    }

    mutating func removeAll() {
        counts.removeAll()
        words.removeAll(keepingCapacity: true)
        wordNumbers.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func add(_ packed: ScalarNormalizer.Packed, han: inout HanRun, to table: inout TokenTable.Cursor) {
        let v = ScalarNormalizer.value(packed)
        switch ScalarNormalizer.kind(packed) {
        case .han:
            if !word.isEmpty { table.increment(endWord()) }
            han.add(v, to: &table)
        case .word:
            han.end()
            if word.count < SearchTokenizer.maxWordLength {
                word.append(Unicode.Scalar(v)!)
                if v >= 0x80 { wordIsASCII = false }
            }
        case .separator:
            han.end()
            if !word.isEmpty { table.increment(endWord()) }
        }
    }

    /// The key of the word read, which it forgets.
    private mutating func endWord() -> UInt64 {
        let key: TokenKey
        if wordIsASCII && word.count <= TokenKey.maxASCIIWordLength {
            var payload: UInt64 = 0
            for (i, s) in word.enumerated() { payload |= UInt64(s.value) << (7 * UInt64(i)) }
            key = TokenKey(kind: .asciiWord, payload: payload, title: title)
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
            key = TokenKey(kind: .word, payload: UInt64(number), title: title)
        }
        word.removeAll(keepingCapacity: true)
        wordIsASCII = true
        return key.raw
    }
}

/// The Han run being read: at each character its unigram, and the bigram and trigram that end
/// there, keys made from the two characters before it.
private struct HanRun {
    /// `TokenKey.Kind.han`, with the title bit if the tokens are title tokens.
    let base: UInt64
    private var previous: UInt64 = 0  // previous Han scalar of the run, or 0
    private var beforePrevious: UInt64 = 0  // the one before

    init(title: Bool) { base = TokenKey(kind: .han, payload: 0, title: title).raw }

    @inline(__always)
    mutating func add(_ v: UInt32, to table: inout TokenTable.Cursor) {
        let v = UInt64(v)
        table.increment(base | v << 36)
        if previous != 0 {
            table.increment(base | previous << 36 | v << 18)
            if beforePrevious != 0 { table.increment(base | beforePrevious << 36 | previous << 18 | v) }
        }
        beforePrevious = previous
        previous = v
    }

    @inline(__always)
    mutating func end() {
        previous = 0
        beforePrevious = 0
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
