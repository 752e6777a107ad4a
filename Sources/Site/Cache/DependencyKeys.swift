import Foundation
import ReportModel

/// The digests that decide whether an output file can be taken over from the last build. A page's
/// key covers everything it shows: the global key (sitegen itself, the theme, site.yml, the
/// Markdown pages) and the reports it is made from, each by its source bytes and what the
/// catalog added to it (the agency slug, the findings across years).
struct DependencyKeys: Sendable {
    let global: UInt64
    /// Source path → hash of its bytes.
    let content: [String: UInt64]
    /// Report source path → the report's key.
    private var reports: [String: UInt64] = [:]
    /// Report source path → the key of what comparison tables and CSV files show of it.
    private var tables: [String: UInt64] = [:]
    /// Report source path → the digest of its table cells (`cellsKey`), for the cache: a report
    /// read back from it has the same cells, and hashing every cell of ten thousand reports was
    /// a twentieth of a one-change rebuild.
    private(set) var cells: [String: UInt64] = [:]

    init(global: UInt64, content: [String: UInt64]) {
        self.global = global
        self.content = content
    }

    /// Keys for every report of the catalog, computed once.
    /// - Parameter knownCells: source path → `cellsKey` of reports read back from the cache.
    init(global: UInt64, content: [String: UInt64], catalog: Catalog, knownCells: [String: UInt64] = [:]) {
        self.init(global: global, content: content)
        let all = catalog.reports + catalog.unpublished
        let computed = all.concurrentMap { report in
            let cells = knownCells[report.source] ?? Self.cellsKey(report)
            return (Self.key(report, global: global, content: content[report.source] ?? 0), Self.tablesKey(report, cells: cells), cells)
        }
        reports.reserveCapacity(all.count)
        tables.reserveCapacity(all.count)
        cells.reserveCapacity(all.count)
        for (report, (key, tables, cells)) in zip(all, computed) {
            reports[report.source] = key
            self.tables[report.source] = tables
            self.cells[report.source] = cells
        }
    }

    /// A digest seeded with the global key and the kind of file.
    func start(_ kind: String) -> StableHash {
        var h = StableHash()
        h.add(global)
        h.add(kind)
        return h
    }

    func report(_ report: Report) -> UInt64 {
        reports[report.source] ?? Self.key(report, global: global, content: content[report.source] ?? 0)
    }

    /// The key of a report's metadata and table cells, without its text or findings: what a row
    /// of a year or region table, or of the CSV files, is made from. A report whose text changed
    /// but not its numbers leaves those files as they were.
    func tables(_ report: Report) -> UInt64 {
        tables[report.source] ?? Self.tablesKey(report, cells: Self.cellsKey(report))
    }

    private static func tablesKey(_ report: Report, cells: UInt64) -> UInt64 {
        var h = StableHash()
        h.add(report.source); h.add(report.title); h.add(report.agency); h.add(report.agencySlug)
        h.add(report.region.count)
        for name in report.region { h.add(name) }
        h.add(report.year ?? -1); h.add(report.template.rawValue)
        h.add(cells)
        return h.value
    }

    /// The digest of a report's table cells: the numbers only, not where they were read.
    static func cellsKey(_ report: Report) -> UInt64 {
        var h = StableHash()
        for table in [report.activeDisclosure, report.applications, report.reviewLitigation] {
            h.add(table.shape.name); h.add(table.shape.cellCount)
            for position in 0..<table.shape.cellCount {
                switch table.numberKey(at: position) {
                case .missing: h.add(UInt8(0))
                case .decimal(let number): h.add(UInt8(1)); withUnsafeBytes(of: number) { h.add($0) }
                case .packed(let bits): h.add(UInt8(2)); h.add(UInt64(bits))
                }
            }
        }
        return h.value
    }

    private static func key(_ report: Report, global: UInt64, content: UInt64) -> UInt64 {
        var h = StableHash()
        h.add(global)
        h.add(report.source)
        h.add(content)
        h.add(report.agencySlug)
        for d in report.diagnostics {
            h.add(d.rule); h.add(d.message); h.add(d.location.file); h.add(d.location.line); h.add(d.location.column)
        }
        return h.value
    }
}

/// A report source as the renderer needs it: copied into the site as it was read.
struct SourceRef: Sendable {
    var path: String
    /// The file's absolute path, when it is read from disk.
    var fullPath: String?
    var inline: Data?

    init(path: String, data: Data) {
        self.path = path
        inline = data
    }

    init(path: String, fullPath: String) {
        self.path = path
        self.fullPath = fullPath
    }

    /// Read again when needed rather than held: the page cache has it, memory need not.
    func data() throws -> Data {
        if let inline { return inline }
        return try Data(contentsOf: URL(fileURLWithPath: fullPath!, isDirectory: false))
    }
}

/// Everything the renderer works from.
struct RenderInputs {
    var catalog: Catalog
    var sources: [SourceRef]
    var pages: [SourceFile]
    var keys: DependencyKeys
    var previousSearch: SearchState? = nil
    /// Where each report's entry lies in the last build's `data/reports.json`.
    var previousOpenData: [String: OpenDataStream.Place] = [:]
    var search = true
}

/// What the next build needs to know of this one's output, besides each file's key.
struct RenderOutcome {
    var search: SearchState
    var openData: [String: OpenDataStream.Place]
}
