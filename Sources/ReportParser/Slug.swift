import Foundation

/// URL path segments for agencies: ASCII, lower case, `[a-z0-9-]`, at most `maxLength` characters.
public enum Slug {
    public static let maxLength = 80
    /// The slug of a name that yields no letters or digits at all.
    public static let fallback = "agency"

    /// Names a slug may never be: Windows device names (a file or folder with that name cannot be
    /// created there) and the site's own top-level folders and pages.
    public static let reserved: Set<String> = {
        var names: Set<String> = ["con", "nul", "aux", "prn", "index", "assets", "data", "search"]
        for n in 1...9 {
            names.insert("com\(n)")
            names.insert("lpt\(n)")
        }
        return names
    }()

    // MARK: - From a name

    /// The slug of an agency name: the pinyin of its Chinese characters without tones, one word
    /// per syllable; runs of Latin letters and digits lower-cased as words of their own; all else a
    /// separator. Words are joined by "-":
    /// "威海市科学技术局" → "wei-hai-shi-ke-xue-ji-shu-ju", "上海市2号局" → "shang-hai-shi-2-hao-ju".
    ///
    /// - Cut to `maxLength` at a word boundary (a single word longer than that is cut hard).
    /// - No letters or digits → `fallback`.
    /// - A result in `reserved` gets "-agency" appended, so `sanitize(make(x)) == make(x)` always.
    ///
    /// Pinyin comes from ICU's Han-Latin transform (`.mandarinToLatin`, then `.stripDiacritics`,
    /// which also turns ü into u: 吕 → lu, 略 → lue). It is deterministic for a given ICU version.
    /// ICU reads each run of Chinese characters with a few phrase rules (重庆 → chong-qing, while
    /// 重 alone is zhong) and otherwise gives each character its most common reading, which is
    /// wrong for some characters common in agency and place names: 长沙 → zhang-sha, 地区 → de-qu,
    /// 成都 → cheng-dou, 厦门 → sha-men, 银行 → yin-xing. `readingOverrides` corrects the
    /// frequent ones before ICU sees them. Anything not in that table keeps ICU's reading, right
    /// or wrong, and the table's own 长 → chang misreads 市长 (mayor, as in 市长热线) as shi-chang.
    /// A report can pin its slug in front matter (`sanitize`).
    /// A different ICU data version may in principle read a character differently, which is
    /// another reason to pin slugs that matter.
    ///
    /// `parts`, the regions a name starts with (`威海市`, `环翠区`), are read one by one and the
    /// rest on its own: a word does not run from a region into what follows, and ICU's reading
    /// takes about 0.1 ms per character, so reading each region and each department name once
    /// (cached) instead of every whole name saved a twentieth of a 10,000-report build. A part
    /// is cut off only when the name starts with it and it ends and the rest begins with Chinese
    /// characters.
    public static func make(_ name: String, readingApart parts: [String] = []) -> String {
        var words: [String] = []
        for piece in pieces(of: name, apart: parts) { words += self.words(of: piece) }
        var slug = ""
        for word in words {
            let needed = slug.isEmpty ? word.count : slug.count + 1 + word.count
            if needed > maxLength {
                if slug.isEmpty { slug = String(word.prefix(maxLength)) }
                break
            }
            slug += slug.isEmpty ? word : "-" + word
        }
        if slug.isEmpty { return fallback }
        if reserved.contains(slug) { return slug + "-" + fallback }
        return slug
    }

    /// `name` cut after each of `parts` in turn, as `make` reads it.
    static func pieces(of name: String, apart parts: [String]) -> [String] {
        var pieces: [String] = []
        var rest = Substring(name)
        for part in parts where !part.isEmpty {
            guard rest.hasPrefix(part), let end = rest.index(rest.startIndex, offsetBy: part.count, limitedBy: rest.endIndex),
                  let last = rest[..<end].unicodeScalars.last, let next = rest[end...].unicodeScalars.first,
                  isHan(last), isHan(next) else { break }
            pieces.append(String(rest[..<end]))
            rest = rest[end...]
        }
        if !rest.isEmpty || pieces.isEmpty { pieces.append(String(rest)) }
        return pieces
    }

    /// The words of a name: its runs of Chinese characters in pinyin, its runs of letters and
    /// digits as they read in Latin letters.
    private static func words(of name: String) -> [String] {
        var words: [String] = []
        var han = String.UnicodeScalarView()
        var other = String.UnicodeScalarView()
        func flushHan() {
            guard !han.isEmpty else { return }
            words += pinyin(String(han))
            han = String.UnicodeScalarView()
        }
        func flushOther() {
            guard !other.isEmpty else { return }
            words += latinWords(String(other))
            other = String.UnicodeScalarView()
        }
        let text = AgencyName.foldWidth(name).precomposedStringWithCanonicalMapping
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if isHan(scalar) {
                flushOther()
                han.append(scalar)
            } else if properties.isAlphabetic || properties.numericType == .decimal
                        || properties.generalCategory == .nonspacingMark
                        || properties.generalCategory == .spacingMark {
                flushHan()
                other.append(scalar)
            } else {
                flushHan()
                flushOther()
            }
        }
        flushHan()
        flushOther()
        return words
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUnifiedIdeograph || scalar.properties.isIdeographic
    }

    /// Has ICU compile its Han-Latin rules (about 0.2 s) now. It keeps them once compiled, but
    /// threads that all ask first compile them once each: a full build calls this ahead of
    /// making the agencies' slugs on every core.
    public static func warmUp() {
        _ = "中".applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)
    }

    /// ASCII words of a run of Chinese characters, one per syllable. Cached per run: the ICU
    /// transform costs about 8 µs per character, the cache makes repeated names free.
    static func pinyin(_ run: String) -> [String] {
        if let hit = pinyinCache.value(for: run) { return hit }
        var words: [String] = []
        var plain = ""
        func flushPlain() {
            guard !plain.isEmpty else { return }
            let latin = plain.applyingTransform(.mandarinToLatin, reverse: false) ?? ""
            words += asciiWords(latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin)
            plain = ""
        }
        let chars = Array(run)
        var i = 0
        scan: while i < chars.count {
            for length in stride(from: min(readingOverrideMaxLength, chars.count - i), through: 1, by: -1) {
                if let reading = readingOverrides[String(chars[i..<(i + length)])] {
                    flushPlain()
                    words += reading.split(separator: " ").map(String.init)
                    i += length
                    continue scan
                }
            }
            plain.append(chars[i])
            i += 1
        }
        flushPlain()
        pinyinCache.store(words, for: run)
        return words
    }

    /// Readings that replace ICU's, longest match first, for words (and three characters) common
    /// in agency and place names that ICU reads wrongly.
    static let readingOverrides: [String: String] = [
        // Characters whose other reading never occurs in agency names.
        "长": "chang",      // 长沙 长春 长治 长宁 长安 … (ICU: zhang); but 长子县:
        "长子": "zhang zi",
        "地": "di",         // 地区 地方 (ICU: de)
        "都": "du",         // 成都 都江堰 首都 (ICU: dou)
        // Words.
        "藏族": "zang zu", "西藏": "xi zang",      // ICU: cang
        "厦门": "xia men",                          // ICU: sha
        "银行": "yin hang", "支行": "zhi hang", "分行": "fen hang",  // ICU: xing
        "会计": "kuai ji",
        "六安": "lu an", "六合": "lu he",
        "单县": "shan xian",
        "番禺": "pan yu",
        "洪洞": "hong tong",
        "东阿": "dong e",
        "铅山": "yan shan",
        "蔚县": "yu xian",
        "乐清": "yue qing", "乐亭": "lao ting",
    ]
    static let readingOverrideMaxLength = readingOverrides.keys.map(\.count).max() ?? 1

    /// ASCII words of a run of letters and digits in any non-Chinese script: "Wei" → ["wei"],
    /// "Café" → ["cafe"], "Пекин" → ["pekin"].
    static func latinWords(_ run: String) -> [String] {
        var text = run
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            text = text.applyingTransform(.toLatin, reverse: false) ?? text
            text = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        }
        return asciiWords(text)
    }

    /// Lower-cased maximal runs of [a-z0-9]; everything else separates.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": word.unicodeScalars.append(scalar)
            case "A"..."Z": word.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default:
                if !word.isEmpty { words.append(word); word = "" }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Run of Chinese characters → pinyin words. Guarded by a lock; emptied if it ever grows past
    /// `limit` entries, so memory stays bounded on hostile input.
    private final class PinyinCache: @unchecked Sendable {
        private let lock = NSLock()
        private var words: [String: [String]] = [:]
        private let limit = 100_000

        func value(for run: String) -> [String]? {
            lock.lock()
            defer { lock.unlock() }
            return words[run]
        }

        func store(_ value: [String], for run: String) {
            lock.lock()
            defer { lock.unlock() }
            if words.count >= limit { words.removeAll(keepingCapacity: true) }
            words[run] = value
        }
    }

    private static let pinyinCache = PinyinCache()

    // MARK: - From front matter

    /// A slug written by hand (front matter `slug:`), or nil when it cannot be used.
    ///
    /// Full-width ASCII folds to ASCII and letters are lower-cased; space, "_" and "." become
    /// "-"; runs of "-" collapse to one and leading/trailing "-" are dropped. The result is nil if
    /// the input contains "/", "\", "..", NUL or any other control character, or any character
    /// besides ASCII letters, digits and those separators (so "威海" is nil, not ""); or if the
    /// result is empty, longer than `maxLength`, or `reserved` ("CON" → nil, "Index" → nil).
    public static func sanitize(_ candidate: String) -> String? {
        for form in [candidate, AgencyName.foldWidth(candidate)] {
            if form.contains("/") || form.contains("\\") || form.contains("..") || form.contains("\0") {
                return nil
            }
        }
        var slug = ""
        var pendingHyphen = false
        for scalar in AgencyName.foldWidth(candidate).unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "A"..."Z":
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                let isUpper = ("A"..."Z").contains(scalar)
                slug.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 32)! : scalar)
            case "-", "_", ".", " ", "\t":
                pendingHyphen = true
            default:
                return nil
            }
        }
        guard !slug.isEmpty, slug.count <= maxLength, !reserved.contains(slug) else { return nil }
        return slug
    }

    // MARK: - Making slugs unique

    /// Unique slugs for distinct agencies, given in a deterministic order (the caller sorts by
    /// `AgencyName.normalized`). The first occurrence of a slug keeps it; each later duplicate gets
    /// the smallest suffix "-2", "-3", … whose result is neither any input slug nor already handed
    /// out. Input slugs are never renamed to make room, so ["a", "a", "a-2"] → ["a", "a-3", "a-2"].
    /// When a suffix would make the slug longer than `maxLength`, the base is cut (and any
    /// hyphen it would end in dropped) to make room.
    public static func disambiguate(_ slugs: [String]) -> [String] {
        let originals = Set(slugs)
        var taken: Set<String> = []
        var nextSuffix: [String: Int] = [:]
        var result: [String] = []
        result.reserveCapacity(slugs.count)
        for slug in slugs {
            if taken.insert(slug).inserted {
                result.append(slug)
                continue
            }
            var n = nextSuffix[slug] ?? 2
            var candidate = suffixed(slug, n)
            while originals.contains(candidate) || taken.contains(candidate) {
                n += 1
                candidate = suffixed(slug, n)
            }
            nextSuffix[slug] = n + 1
            taken.insert(candidate)
            result.append(candidate)
        }
        return result
    }

    private static func suffixed(_ base: String, _ n: Int) -> String {
        let suffix = "-\(n)"
        var stem = Substring(base)
        if stem.count + suffix.count > maxLength {
            stem = stem.prefix(max(0, maxLength - suffix.count))
            while stem.last == "-" { stem = stem.dropLast() }
        }
        return stem + suffix
    }
}
