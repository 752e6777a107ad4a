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
        guard let slash = path.lastIndex(of: "/") else { return }
        let dir = String(path[..<slash])
        if lock.withLock({ made.contains(dir) }) { return }
        do {
            try FileManager.default.createDirectory(atPath: rootPath + "/" + dir, withIntermediateDirectories: true)
        } catch {
            throw SiteError.output("\(rootPath)/\(dir)：\(error.localizedDescription)")
        }
        lock.withLock { _ = made.insert(dir) }
    }
}
