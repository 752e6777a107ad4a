import Foundation
import ReportParser

/// GFM's autolinks end only at white space, so in Chinese text a URL swallows the full-width
/// punctuation and words after it (`http://a.gov.cn）下载`). Bare URLs in report text are put
/// in angle brackets before Markdown rendering, ending at the first character a URL cannot hold.
enum URLDelimiter {
    static let bareURL = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9./@<(\["'=])((?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+)"#)

    static func delimit(_ text: String) -> String {
        guard text.containsBytes("http") || text.containsBytes("www.") else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in bareURL.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var url = ns.substring(with: match.range(at: 1))
            // Trailing sentence punctuation belongs to the sentence.
            while let c = url.last, ".,;:!?)'".contains(c) { url.removeLast() }
            guard url.count > 8 else { continue }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "<" + (url.hasPrefix("www.") ? "http://" + url : url) + ">"
            last = match.range.location + (url as NSString).length
        }
        return out + ns.substring(from: last)
    }
}
