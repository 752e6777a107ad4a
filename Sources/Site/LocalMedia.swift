import Foundation
import ReportParser

/// Report text may reference images on other hosts; no page may load anything from another
/// host, so such images become plain links.
enum LocalMedia {
    static let externalImage = try! NSRegularExpression(pattern: #"<img src="((?:https?:)?//[^"]*)" alt="([^"]*)"[^>]*>"#)

    static func neutralize(_ html: String) -> String {
        // By bytes: Foundation's `contains` folds character clusters and is slow on whole pages.
        guard html.containsBytes("<img") else { return html }
        let range = NSRange(html.startIndex..., in: html)
        return externalImage.stringByReplacingMatches(in: html, range: range,
                                                      withTemplate: #"<a href="$1">[图片：$2]</a>"#)
    }
}
