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

    /// Writes a whole site held in memory (tests, small sites).
    public func write(_ files: [String: Data]) throws {
        let staging = try prepare()
        do {
            let out = OutputFolder(staging)
            for path in files.keys.sorted() { try out.write(path, files[path]!) }
            try commit(staging)
        } catch {
            discard(staging)
            throw error
        }
    }

    /// Checks that the output may be replaced and makes an empty staging folder beside it.
    public func prepare() throws -> URL {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteError.output(error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteError.output("\(output.path) 是一个文件，不是文件夹") }
            let owned = fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path)
            let empty = ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).isEmpty
            if !owned && !empty && !force {
                throw SiteError.output("\(output.path) 不是 sitegen 生成的文件夹（没有 \(Self.marker)），拒绝覆盖；确认无误可加 --force")
            }
        }
        Self.removeAbandoned(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteError.output(error.localizedDescription)
        }
        return staging
    }

    /// Puts the finished staging folder in the output's place.
    public func commit(_ staging: URL, marker: String = "sitegen\n") throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        do {
            try Data(marker.utf8).write(to: staging.appendingPathComponent(Self.marker))
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
            discard(staging)
            throw error
        } catch {
            discard(staging)
            throw SiteError.output("\(error.localizedDescription)")
        }
    }

    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}
