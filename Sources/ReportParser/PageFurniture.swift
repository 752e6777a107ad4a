/// Text saved from a portal page starts with the page's own fields (`标题:`, `发布时间:`,
/// `原文链接:` …) and often a `正文` marker before the report. The fields are kept as
/// metadata; the furniture is removed from the body.
struct PageFurniture {
    var title: String?
    var published: String?
    var sourceURL: String?
    var body: [SourceLine] = []

    static let fieldNames = ["标题", "发布时间", "发布日期", "成文日期", "文号", "发文字号", "发布机构", "发文机关",
                             "栏目", "原文链接", "本地目录", "索引号", "来源", "主题分类", "信息来源", "时间"]

    init(_ lines: [SourceLine]) {
        var body = lines
        // A `正文` marker near the top: everything before it is page furniture.
        // The line itself holds `正文` exactly when its trimmed text does (trimming drops whole
        // space scalars), so most lines are ruled out before they are trimmed.
        if let marker = lines.prefix(40).firstIndex(where: {
            guard $0.text.utf8Offset(of: Self.marker) != nil else { return false }
            let t = TextNormalizer.trim($0.text)
            return t.count <= 40 && (t.containsBytes("==") || t.containsBytes("--") || t == "正文")
        }) {
            for line in lines[..<marker] { read(line.text) }
            body = Array(lines[(marker + 1)...])
        } else {
            // Without a marker, only leading `字段: 值` lines are furniture.
            var drop = 0
            for line in lines {
                let t = TextNormalizer.trim(line.text)
                if t.isEmpty { drop += 1; continue }
                guard Self.field(t) != nil else { break }
                read(t)
                drop += 1
            }
            if title != nil || published != nil || sourceURL != nil { body = Array(lines[drop...]) }
        }
        self.body = body
    }

    private mutating func read(_ raw: String) {
        guard let (name, value) = Self.field(TextNormalizer.trim(raw)), !value.isEmpty else { return }
        switch name {
        case "标题": title = title ?? value
        case "发布时间", "发布日期", "成文日期": published = published ?? value
        case "原文链接": sourceURL = sourceURL ?? value
        default: break
        }
    }

    private static let marker = Array("正文".utf8)
    private static let fieldNameBytes = fieldNames.map { Array($0.utf8) }

    private static func field(_ text: String) -> (String, String)? {
        // In simple text (see `SimpleText`) characters are scalars that equal only themselves,
        // so a name is a prefix exactly when its bytes are; `hasPrefix` on every name for
        // every first line was slow.
        let simple = SimpleText.isSimple(text)
        for (name, bytes) in zip(fieldNames, fieldNameBytes) where simple ? Self.startsWith(text, bytes) : text.hasPrefix(name) {
            let rest = text.dropFirst(name.count)
            guard let sep = rest.first, sep == ":" || sep == "：" else { continue }
            return (name, TextNormalizer.trim(rest.dropFirst()))
        }
        return nil
    }

    private static func startsWith(_ text: String, _ prefix: [UInt8]) -> Bool {
        text.withUTF8Bytes { b in b.count >= prefix.count && b.prefix(prefix.count).elementsEqual(prefix) }
    }
}
