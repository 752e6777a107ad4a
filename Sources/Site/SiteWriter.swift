import CSystem
import Foundation

/// Writes a finished site: everything goes into a staging folder beside the output, which
/// replaces the output only when complete, so a failed or killed build leaves the previous
/// site as it was. Only a folder that sitegen created (it holds the marker file) is replaced.
public struct SiteWriter {
    public static let marker = ".sitegen-output"
    public let output: URL
    public let force: Bool

    public init(output: URL, force: Bool = false) {
        self.output = output.standardizedFileURL
        self.force = force
    }

    /// Staging folders of builds that were killed (their process is gone) are removed.
    static func removeAbandoned(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            guard let pid = Int32(entry.split(separator: "-").last ?? "") else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    public func write(_ files: [String: Data]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw SiteError.output("\(output.path) 是一个文件，不是文件夹") }
            let owned = fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
            let empty = ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).isEmpty
            if !owned && !empty && !force {
                throw SiteError.output("\(output.path) 不是 sitegen 生成的文件夹（没有 \(Self.marker)），拒绝覆盖；确认无误可加 --force")
            }
        }
        let pid = ProcessInfo.processInfo.processIdentifier
        Self.removeAbandoned(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var made: Set<String> = []
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                let dir = url.deletingLastPathComponent().path
                if !made.contains(dir) {
                    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    made.insert(dir)
                }
                try files[path]!.write(to: url)
            }
            try Data("sitegen\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
            // Swap in one step where the kernel can (renameat2 RENAME_EXCHANGE), so the output
            // folder is never missing, even if the build is killed at this very moment.
            if exists, sitegen_exchange_paths(staging.path, output.path) == 0 {
                try? fm.removeItem(at: staging)  // now holds the previous site
                return
            }
            // Fallback: move the old site aside, then the new one into place.
            let old = parent.appendingPathComponent(".\(name).old-\(pid)")
            if exists {
                try fm.moveItem(at: output, to: old)
            }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if exists { try? fm.moveItem(at: old, to: output) }
                throw error
            }
            if exists { try? fm.removeItem(at: old) }
        } catch let error as SiteError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw SiteError.output("\(error.localizedDescription)")
        }
    }
}
