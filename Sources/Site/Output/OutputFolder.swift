import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder files are written into from several threads: parent folders are made once, files
/// are written with plain system calls (Foundation's `Data.write` costs a stat and more per file).
final class OutputFolder: @unchecked Sendable {
    let root: URL
    private let rootPath: String
    private let lock = NSLock()
    private var made: Set<String> = [""]

    init(_ root: URL) {
        self.root = root
        rootPath = root.path
    }

    func write(_ path: String, _ data: Data) throws {
        try makeParent(of: path)
        let full = rootPath + "/" + path
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteError.output("\(full)：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SiteError.output("\(full)：\(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    private func makeParent(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        try makeFolder(String(path[..<slash]))
    }

    /// Makes folder `dir` (relative to the root) by one mkdir(2) (FileManager stats every part of
    /// the path first); its parents are made only when mkdir finds one missing.
    private func makeFolder(_ dir: String) throws {
        if lock.withLock({ made.contains(dir) }) { return }
        let full = rootPath + "/" + dir
        if mkdir(full, 0o777) != 0 && errno != EEXIST {
            guard errno == ENOENT else { throw SiteError.output("\(full)：\(String(cString: strerror(errno)))") }
            if let slash = dir.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try makeFolder(String(dir[..<slash]))
            } else {
                do {
                    try FileManager.default.createDirectory(atPath: rootPath, withIntermediateDirectories: true)
                } catch {
                    throw SiteError.output("\(rootPath)：\(error.localizedDescription)")
                }
            }
            if mkdir(full, 0o777) != 0 && errno != EEXIST {
                throw SiteError.output("\(full)：\(String(cString: strerror(errno)))")
            }
        }
        lock.withLock { _ = made.insert(dir) }
    }
}
