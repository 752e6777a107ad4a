import ReportModel

/// How the row labels of the template tables are recognised in text: short, distinctive
/// phrases of each label (so typos elsewhere in the label and wrapped labels still match),
/// and the group headings that give numbered sub-rows (`3.其他`) their meaning.
struct RowLabels {
    enum Hit: Equatable {
        case group(String)
        case row(String)
    }

    struct Rule {
        var hit: Hit
        /// Phrases in the folded text (see `TextNormalizer.key`), as UTF-8 for the byte search.
        var phrases: [[UInt8]]
        /// The row only counts under this group (e.g. `3.其他` under （六）其他处理).
        var requiresGroup: String? = nil

        init(hit: Hit, phrases: [String], requiresGroup: String? = nil) {
            self.hit = hit
            self.phrases = phrases.map { Array($0.utf8) }
            self.requiresGroup = requiresGroup
        }
    }

    let rules: [Rule]
    /// Labels that only count once an outcome row has been seen (a bare `总计` is also a column header).
    let totalRow: String?
    /// Every rule's phrases end to end, and where each one sits, in rule order: plain
    /// integers, so the scan over all phrases copies and reference-counts nothing.
    private let phraseBytes: [UInt8]
    private let phraseSpans: [PhraseSpan]
    /// Whether a rule is `other.other` (the bare `其他` under （六）其他处理 needs one).
    private let hasOtherOther: Bool
    /// The hits of texts whose hits do not depend on the group or the rows before: the same
    /// template labels come back in nearly every report.
    private let cache = TextCache<[Hit]>(limit: 50_000)

    private struct PhraseSpan {
        var start: Int
        var count: Int
        var rule: Int
    }

    init(rules: [Rule], totalRow: String?) {
        self.rules = rules
        self.totalRow = totalRow
        var bytes: [UInt8] = []
        var spans: [PhraseSpan] = []
        for (index, rule) in rules.enumerated() {
            for phrase in rule.phrases {
                spans.append(PhraseSpan(start: bytes.count, count: phrase.count, rule: index))
                bytes += phrase
            }
        }
        phraseBytes = bytes
        phraseSpans = spans
        hasOtherOther = rules.contains { $0.hit == .row("other.other") }
    }

    static func activeDisclosure(_ template: TemplateVersion) -> RowLabels {
        template == .v2019 ? activeDisclosure2019 : activeDisclosure2021
    }

    static func applications(_ template: TemplateVersion) -> RowLabels {
        template == .v2019 ? applications2019 : applications2021
    }

    // Built once: the rule tables are the same for every report of a template.
    private static let activeDisclosure2019 = makeActiveDisclosure(.v2019)
    private static let activeDisclosure2021 = makeActiveDisclosure(.v2021)
    private static let applications2019 = makeApplications(.v2019)
    private static let applications2021 = makeApplications(.v2021)

    private static func makeActiveDisclosure(_ template: TemplateVersion) -> RowLabels {
        var rules: [Rule] = [
            Rule(hit: .row("regulations"), phrases: ["规章"]),
            Rule(hit: .row("normativeDocuments"), phrases: ["规范性文件"]),
            Rule(hit: .row("licensing"), phrases: ["行政许可"]),
            Rule(hit: .row("punishment"), phrases: ["行政处罚"]),
            Rule(hit: .row("coercion"), phrases: ["行政强制"]),
            Rule(hit: .row("fees"), phrases: ["事业性收费", "行政收费"]),
        ]
        if template == .v2019 {
            rules += [
                Rule(hit: .row("otherServices"), phrases: ["对外管理服务", "其他对外管理"]),
                Rule(hit: .row("procurement"), phrases: ["集中采购", "政府采购"]),
            ]
        }
        return RowLabels(rules: rules, totalRow: nil)
    }

    private static func makeApplications(_ template: TemplateVersion) -> RowLabels {
        var rules: [Rule] = [
            Rule(hit: .group("results"), phrases: ["本年度办理结果", "三、本年度", "本年度办理"]),
            Rule(hit: .group("denied"), phrases: ["(三)不予", "三)不予公开", "(三)不"]),
            Rule(hit: .group("unavailable"), phrases: ["(四)无法", "四)无法提供"]),
            Rule(hit: .group("notProcessed"), phrases: ["(五)不予", "五)不予处理"]),
            Rule(hit: .row("newlyReceived"), phrases: ["本年新收"]),
            Rule(hit: .row("carriedOver"), phrases: ["上年结转"]),
            Rule(hit: .row("granted"), phrases: ["予以公开"]),
            Rule(hit: .row("partiallyGranted"), phrases: ["部分公开"]),
            Rule(hit: .row("denied.stateSecret"), phrases: ["国家秘密"]),
            Rule(hit: .row("denied.prohibitedByLaw"), phrases: ["禁止公开", "行政法规禁止"]),
            Rule(hit: .row("denied.safetyStability"), phrases: ["三安全一稳定", "危及"]),
            Rule(hit: .row("denied.thirdPartyRights"), phrases: ["第三方"]),
            Rule(hit: .row("denied.internalAffairs"), phrases: ["内部事务"]),
            Rule(hit: .row("denied.processInformation"), phrases: ["过程性"]),
            Rule(hit: .row("denied.enforcementFiles"), phrases: ["执法案卷"]),
            Rule(hit: .row("denied.administrativeQuery"), phrases: ["行政查询"]),
            Rule(hit: .row("unavailable.notHeld"), phrases: ["不掌握"]),
            Rule(hit: .row("unavailable.needsCreation"), phrases: ["另行制作", "没有现成"]),
            Rule(hit: .row("unavailable.unclear"), phrases: ["仍不明确", "补正后申请"]),
            Rule(hit: .row("notProcessed.complaint"), phrases: ["信访", "举报投诉"]),
            Rule(hit: .row("notProcessed.repeated"), phrases: ["重复申请"]),
            Rule(hit: .row("notProcessed.publication"), phrases: ["出版物"]),
            Rule(hit: .row("notProcessed.excessive"), phrases: ["大量反复", "反复申请"]),
            Rule(hit: .row("notProcessed.confirmation"), phrases: ["重新出具", "确认或重新"]),
            Rule(hit: .row("totalHandled"), phrases: ["(七)总计", "七)总计", "(七)合计", "(七)总"]),
            Rule(hit: .row("carriedForward"), phrases: ["结转下年度", "下年度继续办理"]),
        ]
        switch template {
        case .v2021:
            rules += [
                Rule(hit: .group("other"), phrases: ["(六)其他处理", "(六)其他", "六)其他处理", "其他处理"]),
                Rule(hit: .row("other.noCorrection"), phrases: ["逾期不补正", "不补正"]),
                Rule(hit: .row("other.feeUnpaid"), phrases: ["缴纳费用", "收费通知"]),
                Rule(hit: .row("other.other"), phrases: ["3.其他", "3其他"], requiresGroup: "other"),
            ]
        case .v2019:
            rules.append(Rule(hit: .row("other"), phrases: ["(六)其他处理", "(六)其他", "六)其他处理", "其他处理"]))
        }
        return RowLabels(rules: rules, totalRow: "totalHandled")
    }

    private static let six = Array("六".utf8)

    /// The hits in `text`, in the order they end. `group` is the group open before this text;
    /// `sawOutcome` tells whether a bare `总计` can be the total row.
    func scan(_ text: String, group: String?, sawOutcome: Bool) -> [Hit] {
        if let hits = cache.value(for: text) { return hits }
        let (hits, dependsOnContext) = scanText(text, group: group, sawOutcome: sawOutcome)
        if !dependsOnContext { cache.store(hits, for: text) }
        return hits
    }

    /// `scan`, and whether its result may differ for another `group` or `sawOutcome`: when a
    /// phrase of a rule that requires a group occurs, or when a fallback for a bare label may apply.
    private func scanText(_ text: String, group: String?, sawOutcome: Bool) -> (hits: [Hit], dependsOnContext: Bool) {
        var dependsOnContext = false
        let key = TextNormalizer.key(text)
        var found: [(end: Int, start: Int, hit: Hit)] = []
        key.withUTF8Bytes { bytes in
            let pairs = BytePairFilter(bytes)
            phraseBytes.withUnsafeBufferPointer { all in
                // Each rule takes its first phrase that occurs (and is allowed); the rest are skipped.
                var matchedRule = -1
                for span in phraseSpans where span.rule != matchedRule {
                    let phrase = UnsafeBufferPointer(rebasing: all[span.start..<(span.start + span.count)])
                    guard pairs.mayContain(phrase), let start = ByteSearch.find(phrase, in: bytes) else { continue }
                    let rule = rules[span.rule]
                    if let required = rule.requiresGroup {
                        dependsOnContext = true
                        // The group may be opened earlier in this same text.
                        let opened = found.contains { $0.hit == .group(required) && $0.end <= start }
                        let sixBefore = ByteSearch.find(Self.six, in: UnsafeBufferPointer(rebasing: bytes[0..<start])) != nil
                        if group != required && !opened && !sixBefore { continue }
                    }
                    found.append((start + span.count, start, rule.hit))
                    matchedRule = span.rule
                }
            }
        }
        // `其他` alone under （六）其他处理 (the `3.` lost), or a bare `总计` after the outcome rows.
        if found.isEmpty {
            let bareOther = hasOtherOther && (key == "其他" || key == "3.其他" || key == "3其他")
            if bareOther, group == "other" {
                return ([.row("other.other")], true)
            }
            let bareTotal = totalRow != nil && (key.hasSuffix("总计") || key.hasSuffix("合计")) && key.count <= 6
            if bareTotal, let total = totalRow, sawOutcome {
                return ([.row(total)], true)
            }
            dependsOnContext = dependsOnContext || bareOther || bareTotal
        }
        // Overlapping phrases: a longer, later phrase wins (`(六)其他处理` vs `3.其他`).
        found.sort { $0.end == $1.end ? $0.start < $1.start : $0.end < $1.end }
        var hits: [Hit] = []
        for entry in found where !hits.contains(entry.hit) {
            hits.append(entry.hit)
        }
        return (hits, dependsOnContext)
    }
}
