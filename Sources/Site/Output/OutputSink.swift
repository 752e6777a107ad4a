import Foundation

/// The files of the last build that a new build may take over unchanged: its output folder and
/// the dependency key each file was made with.
struct PreviousOutput: Sendable {
    var folder: URL
    var keys: [String: UInt64]
}

/// Where the renderer puts each file of the site. Files are written to the staging folder as they
/// come (the site is never held in memory) and HTML pages are scanned for links on the way. A
/// file whose dependency key matches the last build's is linked from the previous output instead
/// of being made again. Safe to use from several threads.
final class OutputSink: @unchecked Sendable {
    let folder: OutputFolder
    let links = LinkLedger()
    let previous: PreviousOutput?
    private let lock = NSLock()
    private var keys: [String: UInt64] = [:]
    private var allPaths: Set<String> = []
    private(set) var writtenCount = 0

    init(folder: OutputFolder, previous: PreviousOutput? = nil) {
        self.folder = folder
        self.previous = previous
    }

    /// Takes `path` from the previous build if it was made from the same inputs (`key`).
    func reuse(_ path: String, key: UInt64) -> Bool {
        guard let previous, previous.keys[path] == key else { return false }
        do {
            try folder.reuse(path, from: previous.folder.appendingPathComponent(path))
        } catch {
            return false
        }
        links.addFile(path)
        lock.withLock {
            keys[path] = key
            allPaths.insert(path)
        }
        return true
    }

    /// The open-data entry of a `report.json` just taken from the previous build.
    func reusedEntry(_ path: String) -> Data? {
        (try? Data(contentsOf: folder.root.appendingPathComponent(path))).flatMap(OpenData.entry(inSingle:))
    }

    /// Writes a file; `key` (its inputs' digest) lets the next build take it over.
    func emit(_ path: String, _ data: Data, key: UInt64? = nil) throws {
        try folder.write(path, data)
        if path.hasSuffix(".html") { links.addPage(path, html: data) } else { links.addFile(path) }
        lock.withLock {
            if let key { keys[path] = key }
            allPaths.insert(path)
            writtenCount += 1
        }
    }

    /// A file written in pieces (`data/reports.json`, hundreds of megabytes for a large portal).
    func stream(_ path: String) throws -> Appender {
        try folder.write(path, Data())
        links.addFile(path)
        lock.withLock {
            allPaths.insert(path)
            writtenCount += 1
        }
        return try Appender(folder.root.appendingPathComponent(path))
    }

    /// Every file of the new site.
    var paths: [String] { lock.withLock { Array(allPaths) } }

    /// The key of every file that has one, for the next build.
    var fileKeys: [String: UInt64] { lock.withLock { keys } }

    /// Reads a finished file back (the link check of fragments into other pages).
    func read(_ path: String) -> Data? {
        try? Data(contentsOf: folder.root.appendingPathComponent(path))
    }

    final class Appender {
        private let handle: FileHandle

        init(_ url: URL) throws {
            handle = try FileHandle(forWritingTo: url)
        }

        func append(_ data: Data) throws {
            try handle.write(contentsOf: data)
        }

        func close() throws {
            try handle.close()
        }
    }
}
