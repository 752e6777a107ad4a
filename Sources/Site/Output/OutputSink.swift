import CSystem
import Foundation

/// The files of the last build that a new build may take over unchanged: its output folder and
/// the dependency key each file was made with.
struct PreviousOutput: Sendable {
    var folder: URL
    var keys: [OutputPath: UInt64]
    /// Folders whose files are all still there.
    var unchanged: UnchangedFolders = .none
}

/// Where the renderer puts each file of the site. Files are written to the staging folder as they
/// come (the site is never held in memory) and HTML pages are scanned for links on the way. A
/// file whose dependency key matches the last build's is taken over from the previous output
/// instead of being made again: the staging folder then holds only the files that changed, and
/// the previous output is patched with them (`SiteWriter.patch`). Safe to use from several threads.
final class OutputSink: @unchecked Sendable {
    let folder: OutputFolder
    let links = LinkLedger()
    let previous: PreviousOutput?
    private let lock = NSLock()
    /// Every file of the new site: its key (if it has one), and whether it is the previous build's.
    private var entries: [OutputPath: Entry] = [:]
    private var written: [String] = []

    private struct Entry {
        var key: UInt64?
        var reused: Bool
    }

    /// The previous output folder, open: whether a file is still there is asked relative to it,
    /// which spares the kernel walking the folder's own path for each of tens of thousands.
    private let previousFolder: Int32

    init(folder: OutputFolder, previous: PreviousOutput? = nil) {
        self.folder = folder
        self.previous = previous
        previousFolder = previous.map { open($0.folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
    }

    deinit {
        if previousFolder >= 0 { close(previousFolder) }
    }

    /// Takes `path` from the previous build if it was made from the same inputs (`key`) and is
    /// still there (its folder unchanged since, or the file found). (One table entry: a large portal takes over some 200,000 files.)
    func reuse(_ path: String, key: UInt64) -> Bool {
        let name = OutputPath(path)
        guard let previous, previous.keys[name] == key else { return false }
        let there = previous.unchanged.holds(path)
            || (previousFolder >= 0 ? faccessat(previousFolder, path, F_OK, 0) == 0
                : access(previous.folder.path + "/" + path, F_OK) == 0)
        guard there else { return false }
        lock.withLock { entries[name] = Entry(key: key, reused: true) }
        return true
    }

    /// The open-data entry of a `report.json` just taken from the previous build.
    func reusedEntry(_ path: String) -> Data? {
        previous.flatMap { try? Data(contentsOf: $0.folder.appendingPathComponent(path)) }.flatMap(OpenData.entry(inSingle:))
    }

    /// Writes a file; `key` (its inputs' digest) lets the next build take it over.
    func emit(_ path: String, _ data: Data, key: UInt64? = nil) throws {
        try folder.write(path, data)
        if path.hasSuffix(".html") { links.addPage(path, html: data) }
        let name = OutputPath(path)
        lock.withLock {
            entries[name] = Entry(key: key, reused: false)
            written.append(path)
        }
    }

    /// A file written in pieces (`data/reports.json`, hundreds of megabytes for a large portal).
    func stream(_ path: String) throws -> Appender {
        try folder.write(path, Data())
        let name = OutputPath(path)
        lock.withLock {
            entries[name] = Entry(key: nil, reused: false)
            written.append(path)
        }
        return try Appender(folder.root.appendingPathComponent(path))
    }

    /// Every file of the new site.
    var paths: [String] { lock.withLock { entries.keys.map(\.string) } }

    /// Whether the new site has `path` (the link check's question).
    func contains(_ path: String) -> Bool {
        let name = OutputPath(path)
        return lock.withLock { entries[name] != nil }
    }

    /// Those of `paths` this build neither made nor took over (under one lock).
    func missing(_ paths: [OutputPath]) -> [OutputPath] { lock.withLock { paths.filter { entries[$0] == nil } } }

    /// The files written into the staging folder (the others are the previous build's).
    var writtenPaths: [String] { lock.withLock { written } }
    var writtenCount: Int { lock.withLock { written.count } }

    /// Every file with its key, and every file without one, for the next build: in one pass and
    /// as lists (made into a table of keys, they were hashed once more only to be written out).
    var fileKeys: (keyed: [(path: OutputPath, key: UInt64)], unkeyed: [String]) {
        lock.withLock {
            var keyed: [(path: OutputPath, key: UInt64)] = [], unkeyed: [String] = []
            keyed.reserveCapacity(entries.count)
            for (path, entry) in entries {
                if let key = entry.key { keyed.append((path, key)) } else { unkeyed.append(path.string) }
            }
            return (keyed, unkeyed)
        }
    }

    /// Reads a finished file back (the link check of fragments into other pages).
    func read(_ path: String) -> Data? {
        let name = OutputPath(path)
        let taken = lock.withLock { entries[name]?.reused ?? false }
        let root = taken ? previous?.folder ?? folder.root : folder.root
        return try? Data(contentsOf: root.appendingPathComponent(path))
    }

    final class Appender {
        private let handle: FileHandle

        init(_ url: URL) throws {
            handle = try FileHandle(forWritingTo: url)
        }

        func append(_ data: Data) throws {
            try handle.write(contentsOf: data)
        }

        /// Appends `length` bytes of another file from `offset`; false if that file is shorter.
        func append(from source: FileHandle, offset: Int, length: Int) throws -> Bool {
            let copied = sitegen_copy_range(source.fileDescriptor, Int64(offset), handle.fileDescriptor, Int64(length))
            guard copied >= 0 else { throw SiteError.output("复制失败：\(String(cString: strerror(errno)))") }
            return copied == length
        }

        func close() throws {
            try handle.close()
        }
    }
}
