import Foundation
import ReportModel

/// Finds a report's title, agency, year and region: front matter first, then the page's
/// `标题:` field, then the title lines above the first section, then the body.
struct MetadataReader {
    var title = ""
    var agency = ""
    var year: Int?
    var region: [String] = []
    var diagnostics: [Diagnostic] = []

    /// `<agency><year>年度<…>政府信息公开工作年度报告`, or the year first (`2019年上海市…`).
    static let titlePattern = try! NSRegularExpression(
        pattern: #"([^\s，。：:！？；《》“”]{0,60}?)([1１][9９]\d{2}|[2２][0０]\d{2})\s*年\s*(?:度)?\s*([^\s，。：:；《》“”]{0,60}?)\s*政府信息公开(?:工作)?(?:年度)?(?:年报|报告)"#)
    static let yearPattern = try! NSRegularExpression(pattern: #"([1１][9９]\d{2}|[2２][0０]\d{2})\s*年\s*[1１]\s*月\s*[1１]\s*日"#)

    /// Characters an agency name ends with; a title agency ending otherwise was cut short.
    static let agencyEndings = ["局", "委", "办", "厅", "院", "部", "处", "署", "所", "中心", "站", "队", "会", "室",
                                "政府", "管委会", "区", "县", "市", "省", "州", "盟", "旗", "镇", "乡", "街道", "办事处",
                                "公司", "集团", "馆", "社", "校", "台", "库", "组", "团", "行", "园", "场", "庭", "府"]

    init(preamble: [SourceLine], body: [SourceLine], frontMatter: FrontMatter?, furniture: PageFurniture, file: String) {
        let firstLine = preamble.first { !TextNormalizer.trim($0.text).isEmpty } ?? body.first
        let at = SourceLocation(file: file, line: firstLine?.number ?? 1)

        // Title
        var titleLine = at
        if let t = frontMatter?.title {
            title = t
        } else if let t = furniture.title, let match = Self.match(t) {
            title = match.title
        } else if let (t, line) = Self.findTitle(in: preamble.isEmpty ? Array(body.prefix(12)) : preamble) {
            title = t
            titleLine = SourceLocation(file: file, line: line.number, column: line.column)
        } else if let line = firstLine {
            title = Self.clean(line.text)
            diagnostics.append(Diagnostic(.warning, rule: "meta.no-title",
                "未找到“××××年政府信息公开工作年度报告”式的标题，以首行代替", at: at))
        }

        // Agency and year from the title
        let parsed = Self.match(title)
        year = frontMatter?.year ?? parsed?.year
        if year == nil {
            let text = (preamble + body.prefix(30)).map(\.text).joined(separator: "\n")
            if let m = Self.yearPattern.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
                year = Self.decimalValue(text.matched(m.range(at: 1)))
            }
        }
        if year == nil {
            diagnostics.append(Diagnostic(.error, rule: "meta.no-year", "无法确定报告年度（标题和正文中都没有找到年份）", at: titleLine))
        }

        if let a = frontMatter?.agency {
            agency = AgencyName.normalized(a)
        } else if let a = parsed?.agency, !a.isEmpty {
            agency = a
            if !Self.agencyEndings.contains(where: { a.hasSuffix($0) }) {
                let allText = body.map(\.text).joined(separator: "\n")
                if let completed = Self.complete(a, from: allText) {
                    agency = completed
                    diagnostics.append(Diagnostic(.warning, rule: "meta.agency-completed",
                        "标题中的机关名称“\(a)”不完整，已根据正文补全为“\(completed)”", at: titleLine))
                } else {
                    diagnostics.append(Diagnostic(.warning, rule: "meta.agency-incomplete",
                        "标题中的机关名称“\(a)”似乎不完整，正文中也未找到全称；可在文件头用 agency 指定", at: titleLine))
                }
            }
        } else {
            diagnostics.append(Diagnostic(.error, rule: "meta.no-agency",
                "无法从标题中确定发布机关；可在文件头用 agency 指定", at: titleLine))
        }

        if let r = frontMatter?.region, !r.isEmpty {
            region = r
        } else if !agency.isEmpty {
            region = RegionChain.infer(fromAgency: agency)
        }
    }

    struct TitleParts { var title: String; var agency: String; var year: Int }

    /// The title inside `text`, with its agency and year.
    static func match(_ text: String) -> TitleParts? {
        let cleaned = clean(text)
        // The pattern needs `政府信息公开` and `年`; without them the regex need not run.
        guard cleaned.utf8Offset(of: Self.disclosure) != nil, cleaned.utf8Offset(of: Self.year) != nil else { return nil }
        guard let m = titlePattern.firstMatch(in: cleaned, range: NSRange(location: 0, length: cleaned.utf16.count)) else { return nil }
        let before = cleaned.matched(m.range(at: 1))
        let after = cleaned.matched(m.range(at: 3))
        var agency = AgencyName.normalized(before.isEmpty ? after : before)
        for junk in ["关于", "的"] where agency.hasSuffix(junk) { agency = String(agency.dropLast(junk.count)) }
        // Navigation text in front of the title (`当前位置：首页…`) ends at the last separator.
        if mayHoldNavigationSeparator(agency), let cut = agency.lastIndex(where: { "》>›|/".contains($0) }) {
            agency = String(agency[agency.index(after: cut)...])
        }
        var title = AgencyName.normalized(cleaned.matched(m.range))
        if !before.isEmpty, let cut = firstOccurrence(of: agency, in: title) { title = String(title[cut...]) }
        // `\d` matches any decimal digit (２０２３, ٢٠٢٣ too), so the year is read digit by digit.
        guard let year = decimalValue(cleaned.matched(m.range(at: 2))) else { return nil }
        return TitleParts(title: title, agency: agency, year: year)
    }

    /// Where `text.range(of: part)` starts. In simple text (see `SimpleText`) a character
    /// equals only itself, so the first occurrence of `part`'s bytes, which always starts at a
    /// scalar, is the one Foundation finds; its search bridged both strings and was most of
    /// the cost of reading a title. An empty `part` is left to Foundation (bytes would find it
    /// at the start).
    static func firstOccurrence(of part: String, in text: String) -> String.Index? {
        guard !part.isEmpty, SimpleText.isSimple(part), SimpleText.isSimple(text) else { return text.range(of: part)?.lowerBound }
        return text.utf8Offset(of: Array(part.utf8)).map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether `text` holds one of `》>›|/` (E3 80 8B, 3E, E2 80 BA, 7C, 2F), by bytes. None of
    /// them has a canonical equivalent, so a Character equal to one holds its scalar; most
    /// agencies hold none, and comparing their Characters one by one was slow.
    static func mayHoldNavigationSeparator(_ text: String) -> Bool {
        return text.withUTF8Bytes { b in
            for i in b.indices {
                switch b[i] {
                case 0x3E, 0x7C, 0x2F: return true
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x8B: return true
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0xBA: return true
                default: continue
                }
            }
            return false
        }
    }

    /// The value of a run of decimal digits of any script; nil if anything else is in it.
    static func decimalValue(_ digits: String) -> Int? {
        var value = 0
        for scalar in digits.unicodeScalars {
            // ASCII and full-width digits without looking up Unicode properties, which was slow.
            let digit: Int
            switch scalar.value {
            case 0x30...0x39: digit = Int(scalar.value - 0x30)
            case 0xFF10...0xFF19: digit = Int(scalar.value - 0xFF10)
            default:
                guard scalar.properties.numericType == .decimal, let numeric = scalar.properties.numericValue else { return nil }
                digit = Int(numeric)
            }
            guard value < Int.max / 10 else { return nil }
            value = value * 10 + digit
        }
        return digits.isEmpty ? nil : value
    }

    private static let disclosure = Array("政府信息公开".utf8)
    private static let year = Array("年".utf8)

    /// The first title-like line; a title split over two lines (`威海市科学技术局` /
    /// `2023年政府信息公开工作年度报告`) is joined.
    private static func findTitle(in lines: [SourceLine]) -> (String, SourceLine)? {
        let candidates = lines.filter { !TextNormalizer.trim($0.text).isEmpty }.prefix(12)
        for (k, line) in candidates.enumerated() {
            guard let parts = match(line.text) else { continue }
            if parts.agency.isEmpty, k > 0 {
                let previous = candidates[candidates.startIndex + k - 1]
                let prev = clean(previous.text)
                if prev.count <= 40, !prev.contains("。"), let joined = match(prev + parts.title) {
                    return (joined.title, previous)
                }
            }
            return (parts.title, line)
        }
        return nil
    }

    /// Completes a cut-short agency name from the body: `威海市环翠区科学技术` → `…科学技术局`
    /// where the body names `环翠区科学技术局`.
    static func complete(_ stem: String, from body: String) -> String? {
        let body = AgencyName.normalized(body)
        let chars = Array(stem)
        for k in stride(from: min(6, chars.count), through: 2, by: -1) {
            let tail = String(chars.suffix(k))
            var counts: [String: Int] = [:]
            var search = body.startIndex..<body.endIndex
            while let r = body.range(of: tail, range: search) {
                let following = body[r.upperBound...].prefix(4)
                for ending in ["局", "委员会", "办公室", "委", "办", "厅", "中心", "院", "所", "站", "队"] {
                    if let e = following.range(of: ending), following.distance(from: following.startIndex, to: e.lowerBound) <= 1 {
                        let ext = String(following[..<e.upperBound])
                        if !ext.contains(where: { "，。、；：（）()".contains($0) }) { counts[ext, default: 0] += 1 }
                        break
                    }
                }
                search = r.upperBound..<body.endIndex
            }
            if let best = counts.max(by: { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }) {
                return stem + best.key
            }
        }
        return nil
    }

    static func clean(_ text: String) -> String {
        var t = TextNormalizer.trim(text)
        while let f = t.first, "#*>".contains(f) { t.removeFirst() }
        if t.utf8.contains(UInt8(ascii: "*")) { t = t.replacingOccurrences(of: "*", with: "") }
        return TextNormalizer.collapseSpaces(TextNormalizer.trim(t))
    }
}
