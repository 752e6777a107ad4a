import ReportModel

/// Tells the 2019 template from the 2021 one by the column and row labels only one of them has.
enum TemplateDetector {
    static let signals2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                              "逾期不补正", "收费通知", "缴纳费用"]
    static let signals2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                              "第二十条第(九)项", "政府集中采购", "采购总金额", "其他对外管理服务事项"]

    /// The signals' UTF-8, made once.
    private static let bytes2021 = signals2021.map { Array($0.utf8) }
    private static let bytes2019 = signals2019.map { Array($0.utf8) }

    /// The template whose labels appear more often in the lines, or nil when neither does.
    static func detect(lines: [SourceLine]) -> TemplateVersion? {
        // The signals are looked for in the lines' key (see `TextNormalizer.key(joining:)`).
        let (a, b) = TextNormalizer.withKeyBytes(joining: lines) { hay in
            (bytes2021.filter { ByteSearch.find($0, in: hay) != nil }.count,
             bytes2019.filter { ByteSearch.find($0, in: hay) != nil }.count)
        }
        if a == b { return nil }
        return a > b ? .v2021 : .v2019
    }
}
