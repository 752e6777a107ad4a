import Foundation

/// One input file: its path relative to the content folder and its bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var data: Data
}

/// Finds every report under `Content/reports/` (any depth; `.txt`, `.md`, `.html`, `.htm`),
/// in a stable order. Symbolic links are not followed out of the content folder.
public enum ContentLoader {
    public static let reportExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    public static func reportFiles(in content: URL) throws -> [SourceFile] {
        let root = content.standardizedFileURL.resolvingSymlinksInPath()
        let reports = root.appendingPathComponent("reports")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reports.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError.missingFolder(reports.path)
        }
        var files: [SourceFile] = []
        let enumerator = FileManager.default.enumerator(at: reports, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        while let url = enumerator?.nextObject() as? URL {
            guard reportExtensions.contains(url.pathExtension.lowercased()) else { continue }
            let resolved = url.resolvingSymlinksInPath()
            // A link pointing outside the content folder is not read.
            guard resolved.path.hasPrefix(root.path + "/") else { continue }
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files.append(SourceFile(path: relative, data: try Data(contentsOf: resolved)))
        }
        return files.sorted { $0.path < $1.path }
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
