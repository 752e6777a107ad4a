import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes, mapped read-only into memory and unmapped when the last reference goes. The
/// cache is read on every rebuild: read into fresh memory, its 80 MB at 10,000 reports were copied
/// and their pages zeroed first, a quarter of a one-change rebuild's kernel time; mapped, the
/// page cache's pages are used as they are, and the pages of text that nothing reads are never
/// touched. (The cache's files are replaced by renaming, never rewritten in place, so a mapping
/// keeps the bytes it was made from.)
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// The file's size, time and inode when it was mapped (nil for a copy).
    let stamp: FileStamp?
    /// False for a copy in allocated memory.
    private let mapped: Bool

    init(contentsOf url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0 else { throw CocoaError(.fileReadUnknown) }
        let size = Int(info.st_size)
        stamp = FileStamp(info)
        mapped = true
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw CocoaError(.fileReadUnknown)
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// A copy of `data`, for bytes that are not in a file (tests).
    init(copying data: Data) {
        let base = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 8)
        data.withUnsafeBytes { base.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(start: base.baseAddress, count: data.count)
        mapped = false
        stamp = nil
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }
}
