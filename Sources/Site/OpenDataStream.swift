import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes `data/reports.json` entry by entry, and remembers where each entry went. An entry
/// that has not changed since the last build is copied from the last build's file by its place
/// there, neighbours in one go, instead of being read back from that report's `report.json`
/// (ten thousand files for a large portal).
///
/// The file is written on a queue of its own, in order, while the caller goes on: where each
/// entry goes is known from the lengths alone. (Written on the caller's thread, copying the
/// unchanged 100 MB of a one-change rebuild held up the pages after it, a fifth of the rebuild.)
/// Used from one thread; `finish` or `waitUntilWritten` before the file is used or removed.
final class OpenDataStream: @unchecked Sendable {
    /// Where an entry lies in a `reports.json`: bytes `offset ..< offset + length`.
    struct Place: Equatable, Sendable {
        var offset: Int
        var length: Int
    }

    /// One entry of the stream: new bytes, or the place of the same bytes in the last file.
    enum Piece {
        case bytes(Data)
        case previous(Place)
    }

    private let appender: OutputSink.Appender
    private let previousFile: FileHandle?
    private let queue = DispatchQueue(label: "sitegen.open-data")
    /// The first error of the writes (read and set on `queue` only).
    private var failure: Error?
    /// Bytes written so far.
    private var offset = 0
    private var entryCount = 0
    /// A run of previous entries not yet copied: its place in the last file, its first entry's
    /// place in the new one, and the `report.json` path of each entry with its distance from the start.
    private var run: (old: Place, members: [(path: String, delta: Int)])?
    /// `report.json` path → the place of its entry in the new file.
    private(set) var places: [String: Place] = [:]

    init(_ appender: OutputSink.Appender, previous: URL?) throws {
        self.appender = appender
        previousFile = previous.flatMap { try? FileHandle(forReadingFrom: $0) }
        try write(Data(OpenData.prefix.utf8))
    }

    /// Whether entries can be copied from the last build's file.
    var canCopy: Bool { previousFile != nil }

    func append(_ piece: Piece, path: String) throws {
        switch piece {
        case .bytes(let entry):
            try flush()
            if entryCount > 0 { try write(Data(",".utf8)) }
            places[path] = Place(offset: offset, length: entry.count)
            try write(entry)
        case .previous(let place):
            // The entries of the last file were separated by one comma, as they are here.
            if let old = run?.old, old.offset + old.length + 1 == place.offset {
                // In place: a copy of `run` would copy its members on every entry.
                run!.members.append((path, place.offset - old.offset))
                run!.old.length = place.offset + place.length - old.offset
            } else {
                try flush()
                run = (place, [(path, 0)])
            }
        }
        entryCount += 1
        // A long run is copied now, beside the pages still to make, not all at the end.
        if let current = run, current.old.length >= Self.runLimit { try flush() }
    }

    /// The bytes of unchanged entries gathered before they are copied.
    private static let runLimit = 4 << 20

    /// The middle (unpublished reports) and the end of the file.
    func finish(unpublished: Data) throws {
        try flush()
        try write(Data(OpenData.middle.utf8))
        try write(unpublished)
        try write(Data(OpenData.suffix.utf8))
        try queue.sync {
            if let failure { throw failure }
            try appender.close()
            try previousFile?.close()
        }
    }

    /// Returns once every write asked for is done (or failed).
    func waitUntilWritten() { queue.sync {} }

    private func flush() throws {
        guard let current = run else { return }
        run = nil
        guard let previousFile else { throw SiteError.output("data/reports.json：上次的文件不可读") }
        // The run's first entry is already counted: a comma goes before it unless it is the first.
        if entryCount > current.members.count { try write(Data(",".utf8)) }
        let start = offset
        let appender = appender, old = current.old
        enqueue {
            guard try appender.append(from: previousFile, offset: old.offset, length: old.length) else {
                throw SiteError.output("data/reports.json：上次的文件比预期的短")
            }
        }
        offset += current.old.length
        for (i, member) in current.members.enumerated() {
            let end = i + 1 < current.members.count ? current.members[i + 1].delta - 1 : current.old.length
            places[member.path] = Place(offset: start + member.delta, length: end - member.delta)
        }
    }

    private func write(_ data: Data) throws {
        let appender = appender
        enqueue { try appender.append(data) }
        offset += data.count
    }

    /// Runs `work` on the queue, after the writes asked for before it; none after a failure.
    private func enqueue(_ work: @escaping @Sendable () throws -> Void) {
        queue.async { [self] in
            guard failure == nil else { return }
            do { try work() } catch { failure = error }
        }
    }
}
