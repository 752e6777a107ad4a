import ReportModel
import ReportParser

/// The regions the agencies belong to, nested as their chains are (市 › 区/县).
struct RegionTree {
    struct Region {
        let chain: [String]
        let slug: String
        var name: String { chain.last! }
        var parent: [String]? { chain.count > 1 ? Array(chain.dropLast()) : nil }
        var children: [[String]] = []
        /// Agencies whose chain is this region or lies inside it.
        var agencySlugs: [String] = []
    }

    private(set) var regions: [[String]: Region] = [:]

    /// - Parameter slugs: `Slug.make` of region names already made (`Catalog.slugMemo`).
    init(_ agencies: [Catalog.Agency], slugs known: [String: String] = [:]) {
        var chains: Set<[String]> = []
        for agency in agencies where !agency.region.isEmpty {
            for depth in 1...agency.region.count { chains.insert(Array(agency.region.prefix(depth))) }
        }
        let sorted = chains.sorted { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") }
        let slugs = Slug.disambiguate(sorted.map { chain in
            known[Catalog.slugKey(regionChain: chain).key] ?? Slug.make(chain.joined(), readingApart: chain)
        })
        for (chain, slug) in zip(sorted, slugs) {
            regions[chain] = Region(chain: chain, slug: slug)
        }
        for chain in sorted where chain.count > 1 {
            regions[Array(chain.dropLast())]?.children.append(chain)
        }
        for agency in agencies where !agency.region.isEmpty {
            for depth in 1...agency.region.count {
                regions[Array(agency.region.prefix(depth))]?.agencySlugs.append(agency.slug)
            }
        }
    }

    /// Regions no other region contains, in name order.
    var roots: [Region] { ordered.filter { $0.chain.count == 1 } }

    /// Every region, parents before their children.
    var ordered: [Region] {
        regions.values.sorted { $0.chain.joined(separator: "\u{1}") < $1.chain.joined(separator: "\u{1}") }
    }

    subscript(chain: [String]) -> Region? { regions[chain] }
}
