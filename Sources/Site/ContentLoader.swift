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
    public var stamp: FileStamp
    /// The content folder (one String shared by every entry).
    var root: String
    /// Where a symbolic link leads, when the entry is one.
    var resolved: String?

    /// The file's absolute path. (Made when asked: a rebuild reads only the files that changed,
    /// and a path and a URL made for each of ten thousand files cost more than the walk's
    /// system calls.)
    public var fullPath: String { resolved ?? root + "/" + path }

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

    /// Each entry is looked at relative to its open folder (`fstatat`), by the bytes of its
    /// name: a String and a full path are made only for the report files and the folders.
    private static func walk(_ directory: String, relative: String, root: String, into entries: inout [SourceEntry]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let folder = dirfd(dir)
        while let entry = readdir(dir) {
            var info = stat()
            let kind = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> mode_t? in
                let name = raw.prefix { $0 != 0 }
                if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) { return nil }
                guard fstatat(folder, raw.baseAddress!.assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW) == 0
                else { return nil }
                let kind = info.st_mode & S_IFMT
                return kind == S_IFDIR || hasReportExtension(UnsafeRawBufferPointer(rebasing: name)) ? kind : nil
            }
            guard let kind else { continue }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let path = relative + "/" + name
            switch kind {
            case S_IFDIR:
                walk(directory + "/" + name, relative: path, root: root, into: &entries)
            case S_IFREG:
                entries.append(SourceEntry(path: path, stamp: FileStamp(info), root: root))
            case S_IFLNK:
                // A link is read only if it stays inside the content folder and is a file.
                guard let real = realpath(directory + "/" + name, nil) else { continue }
                let resolved = String(cString: real)
                free(real)
                var target = stat()
                guard resolved.hasPrefix(root + "/"), stat(resolved, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append(SourceEntry(path: path, stamp: FileStamp(target), root: root, resolved: resolved))
            default:
                continue
            }
        }
    }

    /// Whether a file name ends in one of `reportExtensions` (any case), by its bytes.
    private static func hasReportExtension(_ name: UnsafeRawBufferPointer) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return false }
        let ext = name[(dot + 1)...]
        guard ext.count <= 8, ext.allSatisfy({ $0 < 0x80 }) else { return false }
        return reportExtensions.contains(String(decoding: ext.map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }, as: UTF8.self))
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
