import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders of the last build's output that nothing has added to, removed from or renamed in
/// since that build finished: a folder's modification time changes with each of those, and the
/// build's marker file was written after every other file. A file of the last build that lies in
/// such a folder is still there without asking the file system: a one-change rebuild asked it
/// for each of 40,000 files, a tenth of its time, where there are a third as many folders.
///
/// A folder modified in the same tick of the file system's clock as the marker, or after, has
/// each of its files looked for as before; so has every file when the marker cannot be read.
/// (A clock set back after a build could make a later change look older than the marker;
/// `--clean` makes every file again.)
struct UnchangedFolders: Sendable {
    /// The folders, each by the digest of its path's bytes (`digest(ofFolderOf:)`): looked up for
    /// every file taken over, with no String made for its folder.
    private let folders: Set<UInt64>

    static let none = UnchangedFolders(folders: [])

    private init(folders: Set<UInt64>) { self.folders = folders }

    /// - Parameters:
    ///   - output: the last build's output folder.
    ///   - paths: its files.
    init(output: URL, paths: [OutputPath]) {
        let root = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else {
            self.init(folders: [])
            return
        }
        defer { close(root) }
        var marker = stat()
        guard fstatat(root, SiteWriter.marker, &marker, 0) == 0 else {
            self.init(folders: [])
            return
        }
        // Each folder once: its digest, and its path for the one `stat`.
        var seen = Set<UInt64>()
        var list: [(digest: UInt64, path: String)] = []
        for path in paths {
            let (digest, length) = Self.digest(ofFolderOf: path.string)
            if seen.insert(digest).inserted {
                list.append((digest, String(decoding: path.string.utf8.prefix(length), as: UTF8.self)))
            }
        }
        let unchanged = list.concurrentMap { folder -> Bool in
            var info = stat()
            guard fstatat(root, folder.path.isEmpty ? "." : folder.path, &info, AT_SYMLINK_NOFOLLOW) == 0,
                  info.st_mode & S_IFMT == S_IFDIR else { return false }
            return Self.nanoseconds(info.st_mtim) < Self.nanoseconds(marker.st_mtim)
        }
        self.init(folders: Set(zip(list, unchanged).filter(\.1).map(\.0.digest)))
    }

    /// Whether `path` (a file of the last build) lies in a folder nothing has changed since.
    func holds(_ path: String) -> Bool {
        !folders.isEmpty && folders.contains(Self.digest(ofFolderOf: path).digest)
    }

    var count: Int { folders.count }

    /// The digest of the bytes of `path` before its last `/` (none, for a file at the root),
    /// and how many bytes that is.
    private static func digest(ofFolderOf path: String) -> (digest: UInt64, length: Int) {
        var path = path
        return path.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] != UInt8(ascii: "/") { end -= 1 }
            let length = max(0, end - 1)
            var h = StableHash()
            h.add(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<length])))
            return (h.value, length)
        }
    }

    private static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }
}
