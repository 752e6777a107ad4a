import Foundation

/// The administrative regions an agency name starts with, outermost first:
/// "福建省福州市鼓楼区教育局" → ["福建省", "福州市", "鼓楼区"].
public enum RegionChain {
    public static let maxLevels = 4

    /// Reads region segments from the start of `name` (after `AgencyName.normalized`) until the
    /// first piece that is not one, at most `maxLevels`.
    ///
    /// A segment is the shortest run of 2+ Chinese characters that ends in an administrative
    /// suffix (`suffixes`), with more than the suffix in it, at a position `isBoundary` accepts;
    /// the scan gives up (no further regions) at a non-Chinese character, at a character or word
    /// that only department names contain (`departmentCharacters`, `departmentWords`), at a
    /// forbidden start (`forbiddenStarts`), or when the segment grows past its length limit.
    public static func infer(fromAgency name: String) -> [String] {
        // An agency's reports of several years name it alike.
        if let regions = cache.value(for: name) { return regions }
        let regions = scan(name)
        cache.store(regions, for: name)
        return regions
    }

    private static let cache = TextCache<[String]>(limit: 20_000)

    private static func scan(_ name: String) -> [String] {
        let chars = Array(AgencyName.normalized(name))
        var regions: [String] = []
        var start = 0
        while regions.count < maxLevels, let end = segmentEnd(in: chars, from: start) {
            regions.append(String(chars[start..<end]))
            start = end
        }
        return regions
    }

    // MARK: - Rules

    /// Administrative suffixes, longest first so a segment's suffix is its longest match (the
    /// suffix decides the length limit and must leave a non-empty name before it).
    /// "新区", "开发区", "高新区", "综合实验区" and the like all end in 区 and count as regions.
    static let suffixes: [String] = ["特别行政区", "自治区", "自治州", "自治县", "自治旗",
                                     "地区", "街道", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡"]

    /// Suffixes of ethnic autonomous regions, whose names run long:
    /// "双江拉祜族佤族布朗族傣族自治县" has 15 characters.
    static let longNameSuffixes: Set<String> = ["自治区", "自治州", "自治县", "自治旗"]
    static let maxSegmentLength = 12
    static let maxLongSegmentLength = 20

    /// Characters no region name has after its first character; reaching one ends the scan.
    /// (Some start a region name: 府谷县, so the first character is not checked.)
    static let departmentCharacters: Set<Character> = ["局", "厅", "委", "办", "室", "院", "处", "所",
                                                       "队", "站", "署", "馆", "司", "部", "校"]

    /// Words no region name contains; reaching one ends the scan.
    /// "中国人民银行威海市中心支行" and "中共威海市委组织部" have no region at their start.
    static let departmentWords: [String] = ["政府", "人民", "银行", "中心", "公司", "集团", "中国", "国家",
                                            "中共", "共产党"]

    /// A segment never starts with these.
    static let forbiddenStarts: [String] = ["人民政府", "政府", "办公"]

    /// Department words that begin with a suffix character: the suffix there does not end a
    /// region. "威海市场监督管理局" does not yield "威海市"; "威海市政务服务中心" does.
    static let wordsAfterBoundary: [String] = ["市场", "市政公用", "市政工程", "市政管理", "市政园林",
                                               "市政设施", "市政建设", "区域", "县域", "乡村"]

    /// Words that end in a suffix character but are no region: "城市管理局", "住房和城乡建设局",
    /// "乡镇企业局", "社区".
    /// (都市 is not one: 成都市, 江都区.)
    static let wordsBeforeBoundary: [String] = ["城市", "城乡", "城镇", "乡镇", "社区", "小区", "超市"]

    /// Place names ending in 城, whose 城市 is no department word: 聊城市, 盐城市, 邹城市.
    /// (府 is no department character either: 东昌府区, 府谷县; 政府 is a department word.)
    static let placesEndingInCheng: Set<String> = ["聊城", "盐城", "晋城", "白城", "宣城", "运城", "邹城", "诸城", "韩城",
                                                   "武城", "郓城", "鄄城", "虞城", "襄城", "谷城", "郾城", "故城", "阜城",
                                                   "龙城", "金城", "榆城", "古城", "江城", "凤城", "兴城", "海城", "塔城",
                                                   "介休"]

    /// A suffix character directly followed by another suffix character that belongs to the same
    /// name: "福州市", "贵州省", "通州区", "新乡市", "北镇市", "红旗区". Taken when the longer
    /// segment ends at an acceptable boundary itself ("某某县市场监督管理局" stays "某某县").
    static let continuations: [Character: Set<Character>] = [
        "州": ["市", "区", "县", "省", "盟"],
        "乡": ["市", "县", "区"],
        "镇": ["市"],
        "旗": ["区"],
    ]
    /// Region names with a suffix character inside them that no rule above can tell from two
    /// segments: 南宁市西乡塘区 is one district, not 西乡 + 塘区.
    static let namesWithInnerSuffix: [[Character]] = ["西乡塘区"].map(Array.init)

    /// "市区" continues only after a one-character name: 新市区, 沙市区, 西市区 — but never
    /// 济南市 + 市中区.
    static let shortContinuations: [Character: Set<Character>] = ["市": ["区"]]

    // MARK: - Scanning

    /// The end (exclusive) of the region segment starting at `start`, or nil if none does.
    static func segmentEnd(in chars: [Character], from start: Int) -> Int? {
        guard start < chars.count, isChinese(chars[start]) else { return nil }
        if forbiddenStartWords.contains(where: { matches(chars, $0, at: start) }) { return nil }
        if let name = namesWithInnerSuffix.first(where: { matches(chars, $0, at: start) }) { return start + name.count }
        var end = start + 1
        while end < chars.count, end - start <= maxLongSegmentLength {
            let c = chars[end]
            guard isChinese(c), !departmentCharacters.contains(c) else { return nil }
            end += 1
            // chars[start..<end] is the candidate segment, c its last character.
            if departmentWordChars.contains(where: { $0.count <= end - start && matches(chars, $0, at: end - $0.count) }) {
                return nil
            }
            guard let suffix = suffix(of: chars, start: start, end: end),
                  isBoundary(chars, start: start, end: end)
            else { continue }
            let limit = longNameSuffixes.contains(String(suffix)) ? maxLongSegmentLength : maxSegmentLength
            if end - start > limit { return nil }
            // Prefer the longer name of "福州" + "市" when it ends well.
            if end < chars.count,
               (continuations[c]?.contains(chars[end]) ?? false)
                || (end - start == 2 && shortContinuations[c]?.contains(chars[end]) ?? false),
               isBoundary(chars, start: start, end: end + 1) {
                return end + 1
            }
            return end
        }
        return nil
    }

    /// The longest administrative suffix `chars[start..<end]` ends in, if a name precedes it.
    static func suffix(of chars: [Character], start: Int, end: Int) -> [Character]? {
        suffixChars.first { end - start > $0.count && matches(chars, $0, at: end - $0.count) }
    }

    /// Whether a region may end before `end`: not inside a department word that starts with the
    /// suffix character or ends with it.
    static func isBoundary(_ chars: [Character], start: Int, end: Int) -> Bool {
        if end - start >= 3, chars[end - 1] == "市", placesEndingInCheng.contains(String(chars[(end - 3)..<(end - 1)])) {
            return !wordsAfterBoundaryChars.contains { matches(chars, $0, at: end - 1) }
        }
        if wordsBeforeBoundaryChars.contains(where: { end - start >= $0.count && matches(chars, $0, at: end - $0.count) }) {
            return false
        }
        return !wordsAfterBoundaryChars.contains { matches(chars, $0, at: end - 1) }
    }

    /// Whether `word` occurs in `chars` at index `i`.
    static func matches(_ chars: [Character], _ word: [Character], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= chars.count else { return false }
        return chars[i..<(i + word.count)].elementsEqual(word)
    }

    static func isChinese(_ c: Character) -> Bool {
        c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.isUnifiedIdeograph
    }

    // The word tables as character arrays, for matching inside the name.
    private static let suffixChars = suffixes.map(Array.init)
    private static let forbiddenStartWords = forbiddenStarts.map(Array.init)
    private static let departmentWordChars = departmentWords.map(Array.init)
    private static let wordsBeforeBoundaryChars = wordsBeforeBoundary.map(Array.init)
    private static let wordsAfterBoundaryChars = wordsAfterBoundary.map(Array.init)
}
