/// `SectionHeading.titlePatterns`, matched on the scalars of simple text (see `SimpleText`)
/// without a regular expression: bridging a window of text to NSString and running ICU's
/// matcher cost more than the rest of reading a heading. Each function tries the choices in
/// the order the pattern's backtracking does (a greedy `?` takes its text first, a lazy
/// `{0,16}?` the fewest characters first), so the first match found is the regex's.
enum SectionTitleMatcher {
    /// The length in scalars of the title that `titlePatterns[number]` matches at the start of
    /// `text`, or nil.
    static func length(_ number: Int, in text: ArraySlice<Unicode.Scalar>) -> Int? {
        let t = Text(text)
        switch number {
        case 1: return t.firstPrefix(of: overview, at: 0)
        case 2: return tail(t, afterRequired: active, at: 0)
        case 3:
            guard let head = t.firstPrefix(of: received, at: 0) else { return nil }
            return tail(t, afterRequired: applications, at: head)
        case 4: return review(t)
        case 5: return problems(t)
        case 6: return t.firstPrefix(of: other, at: 0)
        default: return nil
        }
    }

    private static func words(_ texts: [String]) -> [[Unicode.Scalar]] { texts.map { Array($0.unicodeScalars) } }

    private static let overview = words(["总体情况", "概述", "基本情况", "总体概况"])
    private static let active = Array("主动公开政府信息".unicodeScalars)
    private static let received = words(["收到和处理", "收到与处理", "受理和处理"])
    private static let applications = Array("政府信息公开申请".unicodeScalars)
    private static let other = words(["其他需要报告的事项", "其他需要报告事项", "其他事项", "其他需要说明的事项"])
    private static let de: [Unicode.Scalar] = ["的"]
    private static let work = Array("工作".unicodeScalars)
    private static let situation = Array("情况".unicodeScalars)
    private static let because: [Unicode.Scalar] = ["因"]
    private static let disclosure = Array("政府信息公开".unicodeScalars)
    private static let reconsideration = Array("行政复议".unicodeScalars)
    private static let litigation = Array("行政诉讼".unicodeScalars)
    private static let exist = Array("存在".unicodeScalars)
    private static let main = Array("主要".unicodeScalars)
    private static let problem = Array("问题".unicodeScalars)
    private static let and = words(["及", "和", "与"])
    private static let improve = words(["改进", "整改"])
    private static let measures = words(["措施", "情况"])

    /// Section 2 and 3's `<required>(?:的)?(?:工作)?情况`. Each optional word is taken when it
    /// is there: what follows it never starts with its first character, so leaving it out
    /// cannot make a match.
    private static func tail(_ t: Text, afterRequired required: [Unicode.Scalar], at start: Int) -> Int? {
        guard t.has(required, at: start) else { return nil }
        var i = t.optional(de, at: start + required.count)
        i = t.optional(work, at: i)
        return t.has(situation, at: i) ? i + situation.count : nil
    }

    /// Section 4's `(?:因)?(?:政府信息公开)?[^。；，,]{0,16}?行政复议[^。；]{0,16}?行政诉讼(?:的)?(?:情况)?`,
    /// by backtracking in the regex's order.
    private static func review(_ t: Text) -> Int? {
        for skipBecause in [false, true] {
            if !skipBecause && !t.has(because, at: 0) { continue }
            let afterBecause = skipBecause ? 0 : because.count
            for skipDisclosure in [false, true] {
                if !skipDisclosure && !t.has(disclosure, at: afterBecause) { continue }
                let start = afterBecause + (skipDisclosure ? 0 : disclosure.count)
                if let end = reviewRest(t, from: start) { return end }
            }
        }
        return nil
    }

    private static func reviewRest(_ t: Text, from start: Int) -> Int? {
        for k in 0...16 {
            if k > 0 {
                // The character the lazy run takes in.
                guard let c = t.scalar(at: start + k - 1), c != "。", c != "；", c != "，", c != "," else { return nil }
            }
            guard t.has(reconsideration, at: start + k) else { continue }
            let after = start + k + reconsideration.count
            for m in 0...16 {
                if m > 0 {
                    guard let c = t.scalar(at: after + m - 1), c != "。", c != "；" else { break }
                }
                guard t.has(litigation, at: after + m) else { continue }
                // `(?:的)?(?:情况)?` end the pattern: taken when there, nothing can fail after them.
                let end = t.optional(de, at: after + m + litigation.count)
                return t.optional(situation, at: end)
            }
        }
        return nil
    }

    /// Section 5's `(?:政府信息公开)?(?:工作)?存在(?:的)?(?:主要)?问题(?:及|和|与)(?:改进|整改)(?:措施|情况)?`.
    /// As in `tail`, no optional word's first character can start what follows it.
    private static func problems(_ t: Text) -> Int? {
        var i = t.optional(disclosure, at: 0)
        i = t.optional(work, at: i)
        guard t.has(exist, at: i) else { return nil }
        i = t.optional(de, at: i + exist.count)
        i = t.optional(main, at: i)
        guard t.has(problem, at: i) else { return nil }
        i += problem.count
        guard let conjunction = t.firstPrefix(of: and, at: i) else { return nil }
        guard let improvement = t.firstPrefix(of: improve, at: conjunction) else { return nil }
        return t.firstPrefix(of: measures, at: improvement) ?? improvement
    }

    /// The text, indexed from 0.
    private struct Text {
        let scalars: ArraySlice<Unicode.Scalar>

        init(_ scalars: ArraySlice<Unicode.Scalar>) { self.scalars = scalars }

        func scalar(at i: Int) -> Unicode.Scalar? {
            i < scalars.count ? scalars[scalars.startIndex + i] : nil
        }

        func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            guard i + word.count <= scalars.count else { return false }
            let base = scalars.startIndex + i
            for k in word.indices where scalars[base + k] != word[k] { return false }
            return true
        }

        /// Where `word` ends when it is at `i`, else `i`.
        func optional(_ word: [Unicode.Scalar], at i: Int) -> Int {
            has(word, at: i) ? i + word.count : i
        }

        /// Where the first of `words` that is at `i` ends (an alternation tries them in order).
        func firstPrefix(of words: [[Unicode.Scalar]], at i: Int) -> Int? {
            for word in words where has(word, at: i) { return i + word.count }
            return nil
        }
    }
}
