import Foundation

/// `sitemap.xml` and `robots.txt`.
///
/// Sitemaps need absolute URLs, so without a base URL there is no sitemap (`xml` returns nil and
/// the caller writes none) and robots.txt names none. The base URL is used as given, minus
/// surrounding whitespace and trailing slashes; a blank one counts as none. Page paths are
/// site-relative (`reports/a/2023/`, `""` for the home page) and are percent-encoded as UTF-8
/// except for RFC 3986 unreserved characters and `/`.
///
/// Note: crawlers read robots.txt only at the host root; under a sub-path it is advisory.
public enum Sitemap {
    /// A `urlset` of the pages' absolute URLs, sorted and without duplicates; nil without a base URL.
    public static func xml(paths: [String], baseURL: String?) -> Data? {
        guard let base = normalizedBase(baseURL) else { return nil }
        let locations = Set(paths.map { url(for: $0, base: base) })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        for location in locations {
            out += "  <url><loc>\(escape(location))</loc></url>\n"
        }
        out += "</urlset>\n"
        return Data(out.utf8)
    }

    /// Allows everything; names the sitemap when there is a base URL.
    public static func robots(baseURL: String?) -> Data {
        var out = "User-agent: *\nAllow: /\n"
        if let base = normalizedBase(baseURL) {
            out += "Sitemap: \(base)/sitemap.xml\n"
        }
        return Data(out.utf8)
    }

    /// The base URL without surrounding whitespace and trailing slashes; nil when blank.
    static func normalizedBase(_ baseURL: String?) -> String? {
        guard var base = baseURL?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base.isEmpty ? nil : base
    }

    /// A site path as a link: `<base>/<encoded path>` with exactly one slash between, or the
    /// encoded path alone (relative to the site root) when `base` is nil.
    static func url(for path: String, base: String?) -> String {
        var path = Substring(path)
        while path.hasPrefix("/") { path.removeFirst() }
        let encoded = percentEncoded(String(path))
        guard let base = normalizedBase(base) else { return encoded }
        return base + "/" + encoded
    }

    /// UTF-8 percent-encoding of everything but RFC 3986 unreserved characters and `/`.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
