import Foundation

/// One input file: its path relative to the content folder and its bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var data: Data
}

/// When and how big a file was, as the file system tells: a file whose stamp is unchanged since
/// the last build is taken as unchanged, as make and git do.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var inode: UInt64
}

extension FileStamp {
    init(_ info: stat) {
        self.init(size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }
}

/// A report file found under `Content/reports/`, not read yet.
public struct SourceEntry: Sendable {
    public var path: String
    /// The file's absolute path. (A URL made for each of ten thousand files cost more than the
    /// walk's system calls; a rebuild reads only the few that changed.)
    public var fullPath: String
    public var stamp: FileStamp

    public var url: URL { URL(fileURLWithPath: fullPath, isDirectory: false) }

    public func read() throws -> SourceFile {
        SourceFile(path: path, data: try Data(contentsOf: url))
    }
}

/// Finds every report under `Content/reports/` (any depth; `.txt`, `.md`, `.html`, `.htm`),
/// in a stable order. Symbolic links are not followed out of the content folder.
public enum ContentLoader {
    public static let reportExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    public static func reportFiles(in content: URL) throws -> [SourceFile] {
        try reportEntries(in: content).map { try $0.read() }
    }

    /// Every report file with its stamp, by a walk of the folder with plain system calls
    /// (Foundation's enumerator and symlink resolution took seconds for ten thousand files).
    public static func reportEntries(in content: URL) throws -> [SourceEntry] {
        let root = content.standardizedFileURL.resolvingSymlinksInPath()
        let reports = root.appendingPathComponent("reports")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reports.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError.missingFolder(reports.path)
        }
        var entries: [SourceEntry] = []
        walk(reports.path, relative: "reports", root: root.path, into: &entries)
        return entries.sorted { $0.path < $1.path }
    }

    private static func walk(_ directory: String, relative: String, root: String, into entries: inout [SourceEntry]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = directory + "/" + name
            let path = relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, relative: path, root: root, into: &entries)
            case S_IFREG:
                guard hasReportExtension(name) else { continue }
                entries.append(SourceEntry(path: path, fullPath: full, stamp: FileStamp(info)))
            case S_IFLNK:
                // A link is read only if it stays inside the content folder and is a file.
                guard hasReportExtension(name), let real = realpath(full, nil) else { continue }
                let resolved = String(cString: real)
                free(real)
                var target = stat()
                guard resolved.hasPrefix(root + "/"), stat(resolved, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append(SourceEntry(path: path, fullPath: resolved, stamp: FileStamp(target)))
            default:
                continue
            }
        }
    }

    private static func hasReportExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return reportExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}

extension ContentLoader {
    /// Markdown pages under `Content/pages/` (`about.md` → `pages/about/`), in name order.
    public static func pages(in content: URL) throws -> [SourceFile] {
        let folder = content.standardizedFileURL.appendingPathComponent("pages")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { name in
            SourceFile(path: "pages/" + name, data: try Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }
}
