import Foundation
import Yams

/// Site settings from `Content/site.yml`. Every field is optional in the file.
public struct SiteConfig: Hashable, Sendable {
    public var title = "政府信息公开工作年度报告"
    public var description = "各机关政府信息公开工作年度报告的汇编、核对与开放数据。"
    public var language = "zh-CN"
    /// Absolute URL the site is served from, used only where absolute URLs are required (sitemap, feed).
    public var baseURL: String?
    public var footer = ""

    public init() {}

    public static func load(from url: URL) throws -> SiteConfig {
        var config = SiteConfig()
        guard FileManager.default.fileExists(atPath: url.path) else { return config }
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let map = try Yams.load(yaml: text) as? [String: Any] else { return config }
        func string(_ key: String) -> String? {
            map[key].map { value in
                var text = "\(value)".trimmingCharacters(in: .whitespacesAndNewlines)
                // Bidirectional overrides only serve to disguise text.
                text.unicodeScalars.removeAll { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
                return text
            }.flatMap { $0.isEmpty ? nil : $0 }
        }
        config.title = string("title") ?? config.title
        config.description = string("description") ?? config.description
        config.language = string("language") ?? config.language
        config.baseURL = string("base_url")
        config.footer = string("footer") ?? config.footer
        return config
    }
}
