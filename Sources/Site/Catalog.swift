import Foundation
import ReportModel
import ReportParser

/// Groups parsed reports by agency and year, gives each agency one stable slug, and finds
/// two reports claiming the same agency and year.
public struct Catalog: Sendable {
    public struct Agency: Sendable {
        public var name: String
        public var slug: String
        public var region: [String]
        /// This agency's reports, oldest first.
        public var reports: [Report]
    }

    /// Published reports, sorted by agency slug, then year.
    public private(set) var reports: [Report] = []
    public private(set) var agencies: [Agency] = []
    /// Reports that cannot be published (unreadable, no agency or year, or a duplicate), with their findings.
    public private(set) var unpublished: [Report] = []

    /// - Parameter crossYear: findings between consecutive years of one agency, added to the later report.
    /// Agency and region name (`slugKey`) → its `Slug.make`, for the next build (the pinyin transform is slow).
    public private(set) var slugMemo: [String: String] = [:]

    /// - Parameter slugMemo: slugs made by an earlier build, by agency name.
    public init(_ parsed: [Report], crossYear: ((_ previous: Report, _ current: Report) -> [Diagnostic])? = nil,
                slugMemo memo: [String: String] = [:]) {
        var byAgency: [String: [Report]] = [:]
        for report in parsed {
            guard !report.agency.isEmpty, report.year != nil else {
                unpublished.append(report)
                continue
            }
            byAgency[AgencyName.normalized(report.agency), default: []].append(report)
        }
        let names = byAgency.keys.sorted()
        // Each agency's reports by year (and path, for two of one year).
        let groups = names.map { byAgency[$0]!.sorted { ($0.year!, $0.source) < ($1.year!, $1.source) } }
        // A slug set in front matter wins; otherwise the pinyin of the name, its regions read
        // apart (the region of its latest report).
        let keys = names.indices.map { Self.slugKey(names[$0], parts: groups[$0].last!.region) }
        var made = [String?](repeating: nil, count: names.count)
        made.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: names.count) { i in
                (base + i).pointee = memo[keys[i].key] ?? Slug.make(names[i], readingApart: keys[i].parts)
            }
        }
        slugMemo = Dictionary(uniqueKeysWithValues: zip(keys.map(\.key), made.map { $0! }))
        let wanted = names.indices.map { i in
            byAgency[names[i]]!.sorted { $0.source < $1.source }.lazy.map(\.agencySlug).first { !$0.isEmpty } ?? made[i]!
        }
        let slugs = Slug.disambiguate(wanted)
        // Agencies do not depend on one another: each one's reports are sorted out and checked
        // across years on every core (one after another, they were most of the catalog's time).
        let built = Array(zip(groups, slugs)).concurrentMap { group, slug -> (agency: Agency, duplicates: [Report]) in
            var kept: [Report] = [], duplicates: [Report] = []
            for var report in group {
                report.agencySlug = slug
                if let previous = kept.last, previous.year == report.year {
                    report.diagnostics.append(Diagnostic(.error, rule: "file.duplicate",
                        "\(report.agency) \(report.year!) 年的报告重复：\(previous.source) 与 \(report.source)，只发布前者",
                        at: SourceLocation(file: report.source, line: 1)))
                    duplicates.append(report)
                    continue
                }
                kept.append(report)
            }
            if let crossYear {
                for i in kept.indices.dropFirst() {
                    kept[i].diagnostics += crossYear(kept[i - 1], kept[i])
                }
            }
            return (Agency(name: kept.last!.agency, slug: slug, region: kept.last!.region, reports: kept), duplicates)
        }
        agencies = built.map(\.agency)
        unpublished += built.flatMap(\.duplicates)
        agencies.sort { $0.slug < $1.slug }
        reports = agencies.flatMap(\.reports)
        unpublished.sort { $0.source < $1.source }
        // The regions' (each prefix of a chain) too: `RegionTree` makes their slugs.
        var chains: Set<[String]> = []
        for agency in agencies where !agency.region.isEmpty {
            for depth in 1...agency.region.count { chains.insert(Array(agency.region.prefix(depth))) }
        }
        let missing = chains.map { Self.slugKey(regionChain: $0) }.filter { slugMemo[$0.key] == nil }.sorted { $0.key < $1.key }
        for (key, slug) in zip(missing, missing.concurrentMap { memo[$0.key] ?? Slug.make($0.parts.joined(), readingApart: $0.parts) }) {
            slugMemo[key.key] = slug
        }
    }

    /// What `slugMemo` keeps a slug under: the name and the parts it was read apart in.
    static func slugKey(_ name: String, parts: [String]) -> (key: String, parts: [String]) {
        (parts.isEmpty ? name : ([name] + parts).joined(separator: "\u{1F}"), parts)
    }

    static func slugKey(regionChain chain: [String]) -> (key: String, parts: [String]) {
        slugKey(chain.joined(), parts: chain)
    }
}
