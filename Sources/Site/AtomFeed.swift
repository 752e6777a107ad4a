import Foundation
import ReportModel

/// `feed.xml`: an Atom 1.0 feed of the reports, newest first (year descending, then the order
/// given), at most `maxEntries`.
///
/// - Entry ids are tag URIs `tag:sitegen,2024:<report.id>` (the feed's is `tag:sitegen,2024:feed`):
///   deterministic and independent of where the site is served.
/// - Links are absolute with a base URL; otherwise relative to the feed, which sits at the site
///   root, so an entry links to its route (`reports/a/2023/`).
/// - An entry's `updated` comes from the report's `published` when that reads as `YYYY-MM-DD`
///   (optionally followed by ` HH:MM[:SS]` or `THH:MM[:SS]`, taken as Beijing time, +08:00);
///   a bare date is `YYYY-MM-DDT00:00:00Z`. Otherwise it is 31 January of the following year
///   (`<year+1>-01-31T00:00:00Z`), when such reports are due.
/// - The feed's own `updated` is the parameter, so the output depends on the input only;
///   `latestUpdated(_:)` gives the natural value.
/// - All text is XML-escaped (`&`, `<`, `>`, `"`, `'`), so `]]>` cannot occur; control characters
///   are dropped (tab, CR and LF become spaces).
public enum AtomFeed {
    public static let maxEntries = 50

    public static func xml(reports: [Report], siteTitle: String, baseURL: String?, updated: String) -> Data {
        let base = Sitemap.normalizedBase(baseURL)
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"# + "\n"
        out += "  <title>\(escape(siteTitle))</title>\n"
        out += "  <id>\(tagPrefix)feed</id>\n"
        out += "  <updated>\(escape(updated))</updated>\n"
        if let base {
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(base + "/feed.xml"))\"/>\n"
            out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + "/"))\"/>\n"
        } else {
            out += "  <link rel=\"alternate\" type=\"text/html\" href=\"./\"/>\n"
        }
        out += "  <author><name>\(escape(siteTitle))</name></author>\n"
        out += "  <generator>sitegen</generator>\n"
        for report in entries(reports) {
            out += "  <entry>\n"
            out += "    <title>\(escape(title(of: report)))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(Sitemap.url(for: Routes.report(report), base: base)))\"/>\n"
            out += "    <id>\(escape(id(of: report)))</id>\n"
            out += "    <updated>\(entryUpdated(report))</updated>\n"
            if !report.agency.isEmpty {
                out += "    <author><name>\(escape(report.agency))</name></author>\n"
            }
            out += "    <summary>\(escape(summary(of: report)))</summary>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return Data(out.utf8)
    }

    /// The reports the feed lists, in feed order: year descending (unknown last), ties in the given order.
    public static func entries(_ reports: [Report]) -> [Report] {
        // Sorts (year, index) pairs, not the reports: moving whole `Report` values about cost
        // more than the comparisons. The index breaks ties, so the order is total.
        let keys = reports.indices.map { (year: reports[$0].year ?? Int.min, index: $0) }
        let ordered = keys.sorted { a, b in a.year != b.year ? a.year > b.year : a.index < b.index }
        return ordered.prefix(maxEntries).map { reports[$0.index] }
    }

    /// The latest entry `updated` of the feed's entries (by instant), nil when there are none.
    public static func latestUpdated(_ reports: [Report]) -> String? {
        entries(reports).map(entryUpdated).max { instant($0) < instant($1) }
    }

    static let tagPrefix = "tag:sitegen,2024:"

    static func id(of report: Report) -> String {
        tagPrefix + Sitemap.percentEncoded(report.id)
    }

    static func title(of report: Report) -> String {
        let title = report.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if !title.isEmpty { return title }
        return "\(report.agency)\(report.year.map { "\($0)年" } ?? "")政府信息公开工作年度报告"
    }

    /// `威海市科学技术局 2023年度：收到申请 70 件，予以公开 30 件` (figures only when present).
    static func summary(of report: Report) -> String {
        var head = report.agency
        if let year = report.year { head += (head.isEmpty ? "" : " ") + "\(year)年度" }
        var figures: [String] = []
        if let received = report.applications.number("newlyReceived", "total") {
            figures.append("收到申请 \(received) 件")
        }
        if let granted = report.applications.number("granted", "total") {
            figures.append("予以公开 \(granted) 件")
        }
        guard !figures.isEmpty else { return head }
        return (head.isEmpty ? "" : head + "：") + figures.joined(separator: "，")
    }

    /// RFC 3339 date of an entry (see the type's documentation).
    public static func entryUpdated(_ report: Report) -> String {
        if let published = report.published, let date = rfc3339(published) { return date }
        guard let year = report.year else { return "1970-01-01T00:00:00Z" }
        return "\(pad(year + 1, 4))-01-31T00:00:00Z"
    }

    /// `2021-01-25` → `2021-01-25T00:00:00Z`; `2020-01-20 15:22` → `2020-01-20T15:22:00+08:00`.
    static func rfc3339(_ text: String) -> String? {
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            let digits = s.prefix { $0.isASCII && $0.isNumber }.prefix(maxDigits)
            guard digits.count >= minDigits else { return nil }
            s.removeFirst(digits.count)
            return Int(digits)
        }
        func skip(_ c: Character) -> Bool {
            guard s.first == c else { return false }
            s.removeFirst()
            return true
        }
        guard let year = number(4, 4), skip("-"), let month = number(1, 2), skip("-"), let day = number(1, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if s.isEmpty { return date + "T00:00:00Z" }
        guard skip(" ") || skip("T") else { return nil }
        while skip(" ") {}
        guard let hour = number(1, 2), skip(":"), let minute = number(2, 2),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        if skip(":") {
            guard let value = number(2, 2), (0...59).contains(value) else { return nil }
            second = value
        }
        guard s.isEmpty else { return nil }
        return date + "T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))+08:00"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Seconds since 1970 of a date this type wrote (`…Z` or `…+08:00`), for ordering.
    private static func instant(_ date: String) -> Int {
        let parts = date.split(whereSeparator: { "-T:+Z".contains($0) }).compactMap { Int($0) }
        guard parts.count >= 6 else { return Int.min }
        // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
        let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let offset = date.hasSuffix("+08:00") ? 8 * 3600 : 0
        return days * 86_400 + parts[3] * 3600 + parts[4] * 60 + parts[5] - offset
    }

    /// XML text (the feed, the sitemap, inline SVG): escaped, control characters dropped (tab, CR, LF as spaces), noncharacters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                if c.properties.generalCategory == .control || c.value == 0xFFFE || c.value == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
