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

    /// The staging and backup folders of killed builds beside the output are removed (a build
    /// does this when it starts writing; one with nothing to write calls it itself).
    func removeAbandoned() {
        Self.removeAbandoned(in: output.deletingLastPathComponent(), name: output.lastPathComponent)
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

    /// Puts the files of an incremental build (`written`, in the staging folder) into the previous
    /// output and removes the files the build no longer makes: a few system calls per changed
    /// file instead of a whole new tree. The marker says "updating" meanwhile, so a build killed
    /// half-way is never trusted by the next one (which then builds everything). On an error,
    /// every file is put back as it was.
    public func patch(_ staging: URL, written: [String], removed: [String], marker: String) throws {
        let fm = FileManager.default
        let name = output.lastPathComponent
        let backup = output.deletingLastPathComponent().appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        let markerFile = output.appendingPathComponent(Self.marker)
        try? fm.removeItem(at: backup)
        let previousMarker = (try? Data(contentsOf: markerFile)) ?? Data()
        let out = output.path, saved = backup.path, new = staging.path
        var folders = FolderMaker()
        var replaced: [(path: String, hadOld: Bool)] = []
        var gone: [String] = []
        do {
            try Self.replace(markerFile, with: Data("sitegen\nupdating\n".utf8), scratch: staging)
            for path in written {
                try folders.makeParent(of: saved + "/" + path)
                // A hard link keeps the old file for a rollback; none means a new file.
                let hadOld = link(out + "/" + path, saved + "/" + path) == 0
                if !hadOld && errno != ENOENT { throw Self.failure("link", out + "/" + path) }
                try folders.makeParent(of: out + "/" + path)
                guard rename(new + "/" + path, out + "/" + path) == 0 else { throw Self.failure("rename", out + "/" + path) }
                replaced.append((path, hadOld))
            }
            for path in removed {
                try folders.makeParent(of: saved + "/" + path)
                if rename(out + "/" + path, saved + "/" + path) == 0 {
                    gone.append(path)
                } else if errno != ENOENT {
                    throw Self.failure("rename", out + "/" + path)
                }
            }
            try Self.replace(markerFile, with: Data(marker.utf8), scratch: staging)
        } catch {
            for path in gone.reversed() { rename(saved + "/" + path, out + "/" + path) }
            for (path, hadOld) in replaced.reversed() {
                if hadOld { rename(saved + "/" + path, out + "/" + path) } else { unlink(out + "/" + path) }
            }
            try? Self.replace(markerFile, with: previousMarker, scratch: staging)
            try? fm.removeItem(at: backup)
            discard(staging)
            if let error = error as? SiteError { throw error }
            throw SiteError.output(error.localizedDescription)
        }
        // Folders left empty by removed files go too, as a full build would not make them.
        for path in removed {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(out + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        try? fm.removeItem(at: backup)
        discard(staging)
    }

    /// Makes parent folders once each.
    private struct FolderMaker {
        var made: Set<String> = []

        mutating func makeParent(of path: String) throws {
            let folder = (path as NSString).deletingLastPathComponent
            guard made.insert(folder).inserted else { return }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SiteError.output("\(folder)：\(error.localizedDescription)")
            }
        }
    }

    private static func failure(_ call: String, _ path: String) -> SiteError {
        SiteError.output("\(path)：\(call) \(String(cString: strerror(errno)))")
    }

    /// Writes a small file in one step: a file written in `scratch` (the staging folder, on the
    /// same file system and never published) is renamed over it.
    private static func replace(_ file: URL, with data: Data, scratch: URL) throws {
        let temporary = scratch.appendingPathComponent(".marker-\(data.count)")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw failure("rename", file.path) }
    }

    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}
