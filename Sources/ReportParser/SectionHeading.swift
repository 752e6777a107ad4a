import Foundation

/// Recognises the six section headings of the national template, however they are numbered
/// (`五、` `5、` `（五）` `5.` `## 五、`) and whether they start a line or sit inside a
/// line of web text whose whole body was saved on one line.
struct SectionHeading: Hashable {
    var number: Int
    /// The heading's title as written (numbering removed).
    var title: String
    /// Characters (from the start of the examined text) that the numbering and title span.
    var length: Int

    /// Each section's title, with the variants real reports use. Anchored at the title start.
    static let titlePatterns: [Int: NSRegularExpression] = {
        let patterns: [Int: String] = [
            1: #"^(?:总体情况|概述|基本情况|总体概况)"#,
            2: #"^主动公开政府信息(?:的)?(?:工作)?情况"#,
            3: #"^(?:收到和处理|收到与处理|受理和处理)政府信息公开申请(?:的)?(?:工作)?情况"#,
            4: #"^(?:因)?(?:政府信息公开)?[^。；，,]{0,16}?行政复议[^。；]{0,16}?行政诉讼(?:的)?(?:情况)?"#,
            5: #"^(?:政府信息公开)?(?:工作)?存在(?:的)?(?:主要)?问题(?:及|和|与)(?:改进|整改)(?:措施|情况)?"#,
            6: #"^(?:其他需要报告的事项|其他需要报告事项|其他事项|其他需要说明的事项)"#,
        ]
        return patterns.mapValues { try! NSRegularExpression(pattern: $0) }
    }()

    /// Looser phrases accepted when a short line holds only a heading (the title may wrap
    /// onto the next line or carry a typo).
    static let keyPhrases: [Int: [String]] = [
        1: ["总体情况", "总体概况"],
        2: ["主动公开政府信息", "主动公开情况"],
        3: ["收到和处理", "收到与处理", "处理政府信息公开申请"],
        4: ["行政复议"],
        5: ["存在的主要问题", "主要问题及改进", "问题及改进", "存在问题"],
        6: ["其他需要报告", "其他事项"],
    ]

    /// The heading at the start of `text` (leading whitespace and Markdown marks allowed).
    static func atStart(of text: String) -> SectionHeading? {
        guard mayStartWithNumbering(text) else { return nil }
        // Most such lines are paragraphs opening with `（一）`; their first characters nearly
        // always decide, so the whole line is neither checked nor copied into scalars. When the
        // first `prefixLimit` + 1 scalars are simple, the first `prefixLimit` are Characters of
        // the whole text as they stand (a simple scalar joins no neighbour), so what they decide
        // holds for the whole text, simple or not.
        if var prefix = SimpleText.simplePrefix(text, limit: prefixLimit + 1) {
            if prefix.count <= prefixLimit { return atStart(of: prefix, complete: true)! }
            prefix.removeLast()
            if let decided = atStart(of: prefix, complete: false) { return decided }
            if let scalars = SimpleText.scalars(text) { return atStart(of: scalars, complete: true)! }
        }
        let chars = Array(text)
        var i = 0
        while i < chars.count, " \t\u{3000}#*>".contains(chars[i]) { i += 1 }
        guard let (number, afterNumber) = numbering(chars, from: i) else { return nil }
        var j = afterNumber
        while j < chars.count, " \t\u{3000}:：".contains(chars[j]) { j += 1 }
        let rest = String(chars[j...])
        if let length = titleLength(number, in: rest) {
            let title = String(rest.prefix(length))
            return SectionHeading(number: number, title: title, length: j + length)
        }
        // A short line holding only a heading whose title wraps or is misspelt.
        var starless = rest
        starless.unicodeScalars.removeAll { $0 == "*" }
        let trimmed = TextNormalizer.trim(starless)
        if trimmed.count <= 30, !trimmed.unicodeScalars.contains("。"),
           keyPhrases[number]!.contains(where: { trimmed.contains($0) }) {
            return SectionHeading(number: number, title: trimmed, length: chars.count)
        }
        return nil
    }

    /// Marks allowed before a heading's numbering.
    @inline(__always)
    private static func isLeadMark(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "#" || s == "*" || s == ">"
    }

    /// What may separate numbering and title.
    @inline(__always)
    private static func isTitleSeparator(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == ":" || s == "："
    }

    /// A cheap necessary condition for `atStart`: after the lead marks comes `（`, `(`, `第`,
    /// or a numeral for 1–6 (一…六, U+F9D1 which as a Character equals 六, an ASCII or
    /// full-width digit) that is followed by no digit. Most lines fail it, and then need no
    /// further work.
    private static func mayStartWithNumbering(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var first = scalars.next()
        while let s = first, isLeadMark(s) { first = scalars.next() }
        guard let s = first else { return false }
        switch s {
        case "（", "(", "第":
            return true
        case "一", "二", "三", "四", "五", "六", "\u{F9D1}", "1"..."6", "１"..."６":
            // After the numeral: `、` `.` … (a digit there makes it no section number).
            guard let next = scalars.next() else { return false }
            return !(("0"..."9").contains(next) || ("０"..."９").contains(next))
        default:
            return false
        }
    }

    /// `atStart` for simple text (see `SimpleText`), where scalars are characters. `chars` may
    /// be only the text's first characters (`complete` false): the result is then nil where
    /// they do not decide, and the heading or `.some(nil)` where they do.
    private static func atStart(of chars: [Unicode.Scalar], complete: Bool) -> SectionHeading?? {
        var i = 0
        while i < chars.count, isLeadMark(chars[i]) { i += 1 }
        // The numbering reads at most four characters.
        if !complete, i + 4 >= chars.count { return nil }
        guard let (number, afterNumber) = numbering(chars, from: i) else { return .some(nil) }
        var j = afterNumber
        while j < chars.count, isTitleSeparator(chars[j]) { j += 1 }
        if !complete, j + titleWindow > chars.count { return nil }
        let rest = chars[j...]
        // No title pattern spans more than 50 characters, so a prefix decides the match.
        let window = rest.prefix(titleWindow)
        if mayMatchTitle(number, window), let length = SectionTitleMatcher.length(number, in: window) {
            return SectionHeading(number: number, title: string(rest.prefix(length)), length: j + length)
        }
        // A short line holding only a heading whose title wraps or is misspelt. Its length
        // without `*` and outer spaces is counted before any string is built.
        guard let first = rest.firstIndex(where: { $0 != "*" && !TextNormalizer.isSpace($0) }),
              let last = rest.lastIndex(where: { $0 != "*" && !TextNormalizer.isSpace($0) }) else {
            return complete ? .some(nil) : nil
        }
        // Of a prefix, too many characters already rule it out: the whole text has as many.
        guard hasAtMost(30, nonStarsIn: rest[first...last]) else { return .some(nil) }
        guard complete else { return nil }
        // The text without `*`, trimmed: its scalars from the first to the last that is neither,
        // less the `*` between. It is looked at as scalars, and made a string only when it is
        // taken (a phrase occurs in the scalars exactly where it occurs in the UTF-8).
        var trimmed: [Unicode.Scalar] = []
        trimmed.reserveCapacity(last - first + 1)   // one allocation, not one per doubling
        for s in rest[first...last] where s != "*" { trimmed.append(s) }
        if !trimmed.contains("。"), keyPhraseScalars[number].contains(where: { contains(trimmed, $0) }) {
            return SectionHeading(number: number, title: string(trimmed[...]), length: chars.count)
        }
        return .some(nil)
    }

    /// Whether `scalars` holds at most `limit` scalars other than `*`. Stops at the first one
    /// too many: most numbered lines are long paragraphs, which counting to the end cost.
    private static func hasAtMost(_ limit: Int, nonStarsIn scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var count = 0
        for s in scalars where s != "*" {
            count += 1
            if count > limit { return false }
        }
        return true
    }

    /// Characters of a simple line that `atStart` looks at first: lead marks, numbering,
    /// separators and the title window fit in them for all but odd lines.
    private static let prefixLimit = 72

    /// Characters of text after a numbering that the title patterns are matched against.
    private static let titleWindow = 60
    /// `keyPhrases` as scalars, by section number (an array: looking the dictionary up for
    /// every short numbered line was slow).
    private static let keyPhraseScalars: [[[Unicode.Scalar]]] = (0...6).map { number in
        keyPhrases[number]?.map { Array($0.unicodeScalars) } ?? []
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        SimpleText.string(scalars)
    }

    /// Parses a numbering in simple text; the scalar twin of `numbering(_:from:)` for Characters.
    private static func numbering(_ chars: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        var i = start
        guard i < chars.count else { return nil }
        func digit(_ c: Unicode.Scalar) -> Int? {
            if let n = chineseNumeralScalars.firstIndex(of: c) { return n + 1 }
            switch c.value {
            case 0x30...0x39: return Int(c.value - 0x30)
            case 0xFF10...0xFF19: return Int(c.value - 0xFF10)
            default: return nil
            }
        }
        if chars[i] == "（" || chars[i] == "(" {
            guard i + 2 < chars.count, let n = digit(chars[i + 1]), chars[i + 2] == "）" || chars[i + 2] == ")" else { return nil }
            return (1...6).contains(n) ? (n, i + 3) : nil
        }
        if chars[i] == "第" {
            guard i + 3 < chars.count, let n = digit(chars[i + 1]), chars[i + 2] == "部" || chars[i + 2] == "章" else { return nil }
            return (1...6).contains(n) ? (n, i + 4 <= chars.count && chars[i + 3] == "分" ? i + 4 : i + 3) : nil
        }
        guard let n = digit(chars[i]), (1...6).contains(n) else { return nil }
        i += 1
        if i < chars.count, digit(chars[i]) != nil { return nil }
        guard i < chars.count, numberingEnds.contains(chars[i]) else { return nil }
        return (n, i + 1)
    }

    private static let chineseNumeralScalars: [Unicode.Scalar] = TextNormalizer.chineseNumerals.map { $0.unicodeScalars.first! }
    private static let numberingEnds: Set<Unicode.Scalar> = Set("、.．，, \u{3000}".unicodeScalars)

    /// Headings that sit inside a long line (web text), found only where a Chinese numeral and
    /// `、` are directly followed by the section's full title.
    static func inline(in text: String) -> [(offset: Int, heading: SectionHeading)] {
        if let scalars = SimpleText.scalars(text) { return inline(in: scalars) }
        let chars = Array(text)
        var found: [(Int, SectionHeading)] = []
        for (i, c) in chars.enumerated() where c == "、" && i > 0 {
            guard let number = TextNormalizer.chineseNumerals.firstIndex(of: chars[i - 1]).map({ $0 + 1 }),
                  (1...6).contains(number) else { continue }
            if i >= 2, TextNormalizer.chineseNumerals.contains(chars[i - 2]) { continue }
            var j = i + 1
            while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" { j += 1 }
            let rest = String(chars[j..<min(chars.count, j + 60)])
            if let length = titleLength(number, in: rest) {
                found.append((i - 1, SectionHeading(number: number, title: String(rest.prefix(length)),
                                                     length: j - (i - 1) + length)))
            }
        }
        return found
    }

    /// `inline(in:)` for simple text (see `SimpleText`), where scalars are characters.
    static func inline(in chars: [Unicode.Scalar]) -> [(offset: Int, heading: SectionHeading)] {
        var found: [(Int, SectionHeading)] = []
        for (i, c) in chars.enumerated() where c == "、" && i > 0 {
            guard let number = chineseNumeralScalars.firstIndex(of: chars[i - 1]).map({ $0 + 1 }),
                  (1...6).contains(number) else { continue }
            if i >= 2, chineseNumeralScalars.contains(chars[i - 2]) { continue }
            var j = i + 1
            while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" { j += 1 }
            let window = chars[j..<min(chars.count, j + titleWindow)]
            if mayMatchTitle(number, window), let length = SectionTitleMatcher.length(number, in: window) {
                found.append((i - 1, SectionHeading(number: number, title: string(window.prefix(length)),
                                                     length: j - (i - 1) + length)))
            }
        }
        return found
    }

    /// A cheap necessary condition for `inline(in:)` to find anything: `、` right after one of
    /// 一…六 (or U+F9D1, which as a Character equals 六).
    static func mayHaveInline(_ text: String) -> Bool {
        // By bytes: 、 is E3 80 81; each numeral is three bytes. memchr finds the E3 bytes.
        return text.withUTF8Bytes { b in
            guard let base = b.baseAddress else { return false }
            var i = 3
            while i + 2 < b.count, let hit = memchr(base + i, 0xE3, b.count - 2 - i) {
                i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if b[i + 1] == 0x80, b[i + 2] == 0x81,
                   inlineNumerals.contains(where: { $0[0] == b[i - 3] && $0[1] == b[i - 2] && $0[2] == b[i - 1] }) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    private static let inlineNumerals: [[UInt8]] = "一二三四五六\u{F9D1}".unicodeScalars.map { Array(String($0).utf8) }

    /// The length in characters of the title `titlePatterns[number]` matches at the start of
    /// `text`. Simple text is matched by `SectionTitleMatcher` instead.
    private static func titleLength(_ number: Int, in text: String) -> Int? {
        guard mayMatchTitle(number, text.unicodeScalars) else { return nil }
        guard let match = titlePatterns[number]!.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)),
              match.range.length > 0 else { return nil }
        return text.matched(match.range).count
    }

    /// A necessary condition for `titlePatterns[number]` to match, checked before running the
    /// regular expression: the scalars a match can begin with, or (section 四) a word it contains.
    private static func mayMatchTitle<C: Collection<Unicode.Scalar>>(_ number: Int, _ text: C) -> Bool {
        guard let first = text.first else { return false }
        switch number {
        case 1: return first == "总" || first == "概" || first == "基"
        case 2: return first == "主"
        case 3: return first == "收" || first == "受"
        case 4: return contains(text, review)
        case 5: return first == "政" || first == "工" || first == "存"
        case 6: return first == "其"
        default: return true
        }
    }

    private static let review: [Unicode.Scalar] = Array("行政复议".unicodeScalars)

    private static func contains<C: Collection<Unicode.Scalar>>(_ text: C, _ word: [Unicode.Scalar]) -> Bool {
        var i = text.startIndex
        while i != text.endIndex {
            if text[i...].starts(with: word) { return true }
            text.formIndex(after: &i)
        }
        return false
    }

    /// Parses `一、` `1、` `1.` `（一）` `(1)` `第一部分` at `i`; returns the section number and the index after it.
    private static func numbering(_ chars: [Character], from start: Int) -> (Int, Int)? {
        var i = start
        guard i < chars.count else { return nil }
        func digit(_ c: Character) -> Int? {
            if let n = TextNormalizer.chineseNumerals.firstIndex(of: c) { return n + 1 }
            if let v = c.wholeNumberValue, c.isASCII || ("０"..."９").contains(c) { return v }
            return nil
        }
        if chars[i] == "（" || chars[i] == "(" {
            guard i + 2 < chars.count, let n = digit(chars[i + 1]), chars[i + 2] == "）" || chars[i + 2] == ")" else { return nil }
            return (1...6).contains(n) ? (n, i + 3) : nil
        }
        if chars[i] == "第" {
            guard i + 3 < chars.count, let n = digit(chars[i + 1]), chars[i + 2] == "部" || chars[i + 2] == "章" else { return nil }
            return (1...6).contains(n) ? (n, i + 4 <= chars.count && chars[i + 3] == "分" ? i + 4 : i + 3) : nil
        }
        guard let n = digit(chars[i]), (1...6).contains(n) else { return nil }
        i += 1
        if i < chars.count, digit(chars[i]) != nil { return nil }
        guard i < chars.count, "、.．，, \u{3000}".contains(chars[i]) else { return nil }
        return (n, i + 1)
    }
}
