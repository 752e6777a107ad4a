import Foundation
import ReportModel

/// `.sitegen-cache/`: what the last build read and made, so the next one redoes only what
/// changed. Three files, each read only when needed:
/// - `state.bin`: the global key, every source's stamp and content hash, the findings and counts
///   of the last build (all a rebuild with nothing changed needs);
/// - `reports-<k>.bin` (k < 64): the reports as parsed and checked, before the catalog, in
///   buckets by path, so a rebuild rewrites only the buckets of the reports that changed;
/// - `outputs.bin`: the dependency key of every output file, and the search index's state.
/// Files are replaced whole (written aside, then renamed), and one that cannot be read is
/// ignored: the build is then a full one.
struct BuildCache {
    static let format = "sitegen-cache 7"

    struct Source: Equatable, Sendable {
        var stamp: FileStamp
        var hash: UInt64
        /// `DependencyKeys.cellsKey` of the report parsed from it (0: not known).
        var cells: UInt64 = 0
    }

    struct State {
        var global: UInt64
        var buildID: UInt64
        var output: String
        var sources: [String: Source]
        var published: Int
        var files: Int
        var findings: [Diagnostic]
        /// Agency name → slug, as `Catalog` made them.
        var slugs: [String: String] = [:]
        /// Per bucket of reports: the stamp of its file (nil: none) and how many reports it holds.
        var buckets: [Bucket] = Array(repeating: Bucket(), count: BuildCache.bucketCount)
    }

    /// A bucket file is known by its stamp (size, time, inode), not by a digest of its bytes:
    /// every bucket file is new (written aside and renamed), so one left by another build, or
    /// written over, has another stamp; and hashing the whole cache made every page of it be
    /// read, where a rebuild needs little of the reports' text.
    struct Bucket: Equatable, Sendable {
        var stamp: FileStamp?
        var count = 0
    }

    static let bucketCount = 64

    static func bucket(of path: String) -> Int { Int(StableHash.of(path) % UInt64(bucketCount)) }

    struct Outputs {
        var keys: [OutputPath: UInt64]
        /// The files made without a key (remade by every build): with `keys`, every file of the
        /// output, so that a patched output loses the files a build no longer makes.
        var unkeyed: [String] = []
        var search: SearchState?
        /// `report.json` path → where its entry lies in `data/reports.json`.
        var openData: [String: OpenDataStream.Place] = [:]

        /// Every file of that output, each once (a file has a key or is unkeyed, not both).
        var allPaths: [OutputPath] { Array(keys.keys) + unkeyed.map(OutputPath.init) }
    }

    let folder: URL

    // MARK: reading

    func state() -> State? {
        read("state.bin") { r in
            let global = try r.uint64(), buildID = try r.uint64(), output = try r.string()
            var sources: [String: Source] = [:]
            let sourceCount = try r.int()
            sources.reserveCapacity(min(max(0, sourceCount), r.remaining))  // grown step by step, every path was hashed again and again
            for _ in 0..<sourceCount {
                let path = try r.string()
                let stamp = FileStamp(size: Int64(try r.int()), modified: Int64(try r.int()), inode: try r.uint64())
                sources[path] = Source(stamp: stamp, hash: try r.uint64(), cells: try r.uint64())
            }
            let published = try r.int(), files = try r.int()
            var findings: [Diagnostic] = []
            for _ in 0..<(try r.int()) {
                let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
                let rule = try r.string(), message = try r.string()
                let at = SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
                findings.append(Diagnostic(severity, rule: rule, message, at: at))
            }
            var slugs: [String: String] = [:]
            for _ in 0..<(try r.int()) {
                let name = try r.string()
                slugs[name] = try r.string()
            }
            var buckets: [Bucket] = []
            for _ in 0..<Self.bucketCount {
                let stamp = try r.bool() ? FileStamp(size: Int64(try r.int()), modified: Int64(try r.int()), inode: try r.uint64()) : nil
                buckets.append(Bucket(stamp: stamp, count: try r.int()))
            }
            return State(global: global, buildID: buildID, output: output, sources: sources, published: published,
                         files: files, findings: findings, slugs: slugs, buckets: buckets)
        }
    }

    /// A report read from the cache. (Its bytes are not kept: a bucket with a changed report is
    /// encoded again whole, which costs less than holding every report twice.)
    struct Cached: Sendable {
        var report: Report
    }

    /// Source path → the report parsed and checked from it. The buckets are read on every core;
    /// one whose bytes are not those the state recorded is left out (its reports are parsed).
    /// - Parameter callOff: once called off, the buckets not yet read are left out.
    func reports(of state: State, unless callOff: CallOff? = nil) -> [String: Cached] {
        let found = (0..<Self.bucketCount).map { $0 }.concurrentMap { k -> [Cached] in
            let expected = state.buckets[k]
            guard callOff?.isCalledOff != true, expected.count > 0, expected.stamp != nil,
                  var r = try? BinaryReader(contentsOf: folder.appendingPathComponent("reports-\(k).bin")),
                  r.stamp == expected.stamp else { return [] }
            var out: [Cached] = []
            do {
                for _ in 0..<expected.count {
                    out.append(Cached(report: try ReportCodec.decode(from: &r, previous: out.last?.report)))
                }
            } catch {
                return []
            }
            return r.atEnd ? out : []
        }
        var out: [String: Cached] = [:]
        for cached in found.joined() { out[cached.report.source] = cached }
        return out
    }

    func outputs(of state: State) -> Outputs? {
        read("outputs.bin", build: state.buildID) { r in
            var keys: [OutputPath: UInt64] = [:]
            let keyCount = try r.int()
            keys.reserveCapacity(min(max(0, keyCount), r.remaining))
            for _ in 0..<keyCount {
                let path = OutputPath(try r.string())
                keys[path] = try r.uint64()
            }
            let search = try r.bool()
                ? SearchState(shardCount: try r.int(), total: try r.int(), documents: try r.uint64()) : nil
            let unkeyed = try (0..<(try r.int())).map { _ in try r.string() }
            var openData: [String: OpenDataStream.Place] = [:]
            let placeCount = try r.int()
            openData.reserveCapacity(min(max(0, placeCount), r.remaining))
            for _ in 0..<placeCount {
                let path = try r.string()
                openData[path] = OpenDataStream.Place(offset: try r.int(), length: try r.int())
            }
            return Outputs(keys: keys, unkeyed: unkeyed, search: search, openData: openData)
        }
    }

    // MARK: writing

    /// - Parameter reports: each report, and whether it is the one read from the cache.
    ///   A bucket is written again only if one of its reports changed or its count did.
    /// What `save` records of a build's output (read back as `Outputs`).
    struct OutputsRecord {
        var keyed: [(path: OutputPath, key: UInt64)]
        var unkeyed: [String]
        var search: SearchState?
        var openData: [String: OpenDataStream.Place]
    }

    func save(_ state: State, reports: [(report: Report, unchanged: Bool)], previous: State?, outputs: OutputsRecord) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // outputs.bin does not depend on the buckets: encoded and written beside them.
        let outputsFile = BackgroundTask { try self.writeOutputs(outputs, build: state.buildID) }
        var members = [[(report: Report, unchanged: Bool)]](repeating: [], count: Self.bucketCount)
        for item in reports { members[Self.bucket(of: item.report.source)].append(item) }
        let buckets = try (0..<Self.bucketCount).map { $0 }.concurrentMap { k -> Result<Bucket, Error> in
            Result {
                let items = members[k]
                if let old = previous?.buckets[k], old.count == items.count, items.allSatisfy(\.unchanged) {
                    return old
                }
                var w = BinaryWriter()
                for (report, _) in items { ReportCodec.encode(report, into: &w) }
                return Bucket(stamp: try replace("reports-\(k).bin", w.data), count: items.count)
            }
        }.map { try $0.get() }

        try outputsFile.result()

        // Written last: a state without the other two files is never left behind.
        var w = BinaryWriter()
        w.uint64(state.global)
        w.uint64(state.buildID)
        w.string(state.output)
        w.int(state.sources.count)
        for (path, source) in state.sources {
            w.string(path)
            w.int(Int(source.stamp.size)); w.int(Int(source.stamp.modified)); w.uint64(source.stamp.inode)
            w.uint64(source.hash)
            w.uint64(source.cells)
        }
        w.int(state.published)
        w.int(state.files)
        w.int(state.findings.count)
        for d in state.findings {
            w.bool(d.severity == .error); w.string(d.rule); w.string(d.message)
            w.string(d.location.file); w.int(d.location.line); w.int(d.location.column)
        }
        w.int(state.slugs.count)
        for (name, slug) in state.slugs {
            w.string(name)
            w.string(slug)
        }
        for bucket in buckets {
            w.bool(bucket.stamp != nil)
            if let stamp = bucket.stamp { w.int(Int(stamp.size)); w.int(Int(stamp.modified)); w.uint64(stamp.inode) }
            w.int(bucket.count)
        }
        var head = BinaryWriter()
        head.string(Self.format)
        try replace("state.bin", head.data + w.data)
    }

    private func writeOutputs(_ outputs: OutputsRecord, build: UInt64) throws {
        var w = BinaryWriter()
        // In no particular order: the reader makes a table of them again, and sorting 40,000
        // paths was a tenth of a one-change rebuild's time.
        for (path, key) in outputs.keyed {
            w.string(path.string)
            w.uint64(key)
        }
        w.bool(outputs.search != nil)
        if let s = outputs.search { w.int(s.shardCount); w.int(s.total); w.uint64(s.documents) }
        w.int(outputs.unkeyed.count)
        for path in outputs.unkeyed { w.string(path) }
        w.int(outputs.openData.count)
        for (path, place) in outputs.openData {
            w.string(path); w.int(place.offset); w.int(place.length)
        }
        try write("outputs.bin", build: build, count: outputs.keyed.count, w.data)
    }

    /// `build` ties the file to the state of the same build: a build killed while saving leaves
    /// files of two builds, and those are not used together.
    private func write(_ name: String, build: UInt64, count: Int, _ body: Data) throws {
        var head = BinaryWriter()
        head.string(Self.format)
        head.uint64(build)
        head.int(count)
        try replace(name, head.data + body)
    }

    /// Writes the file aside and renames it into place; its stamp.
    @discardableResult
    private func replace(_ name: String, _ data: Data) throws -> FileStamp {
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier)")
        try data.write(to: temporary)
        var info = stat()
        guard stat(temporary.path, &info) == 0, rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SiteError.output("\(target.path)：\(reason)")
        }
        return FileStamp(info)
    }

    private func read<T>(_ name: String, build: UInt64? = nil, _ body: (inout BinaryReader) throws -> T) -> T? {
        guard var r = try? BinaryReader(contentsOf: folder.appendingPathComponent(name)) else { return nil }
        guard (try? r.string()) == Self.format else { return nil }
        if let build, (try? r.uint64()) != build { return nil }
        guard let value = try? body(&r), r.atEnd else { return nil }
        return value
    }
}
