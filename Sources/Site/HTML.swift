import Foundation

/// Escaping for text that Swift writes into HTML directly (templates escape their own `{{…}}`).
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number as the report wrote it, or an em dash marked as missing.
    static func cell(_ value: Decimal?) -> String {
        guard let value else { return #"<td class="missing" title="缺失">—</td>"# }
        return "<td>\(escape(format(value)))</td>"
    }

    static func format(_ value: Decimal) -> String {
        "\(value)"
    }
}
