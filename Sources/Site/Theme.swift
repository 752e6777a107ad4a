import Foundation
import Mustache

/// The templates and assets of a theme folder (`templates/*.mustache`, `assets/`).
/// A theme may hold only some templates; the rest come from the fallback (default) theme.
public struct Theme: Sendable {
    /// The templates as written.
    public let library: MustacheLibrary
    /// The templates with includes of frame-only partials read from `framePartials` (pages
    /// render with these).
    let pageLibrary: MustacheLibrary
    let framePartials: FramePartials
    /// Asset files, path relative to `assets/` → contents; the theme's own override the fallback's.
    public let assets: [String: Data]
    public let templateNames: Set<String>
    /// A digest of every template and asset: part of the build cache's global key.
    let digest: UInt64

    public init(directory: URL, fallback: URL? = nil) throws {
        var sources: [String: String] = [:]
        var assets: [String: Data] = [:]
        for folder in [fallback, directory].compactMap({ $0 }) {
            let templates = folder.appendingPathComponent("templates")
            for (name, url) in Self.files(in: templates) where name.hasSuffix(".mustache") {
                sources[String(name.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
            }
            for (name, url) in Self.files(in: folder.appendingPathComponent("assets")) {
                assets[name] = try Data(contentsOf: url)
            }
        }
        guard !sources.isEmpty else { throw SiteError.missingFolder(directory.appendingPathComponent("templates").path) }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            try Self.register(source, named: name, in: &library)
        }
        let qualifying = FramePartials.qualifying(sources)
        var pageLibrary = library
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            if let rewritten = FramePartials.rewrite(source, partials: qualifying) {
                try Self.register(rewritten, named: name, in: &pageLibrary)
            }
        }
        self.library = library
        self.pageLibrary = pageLibrary
        framePartials = FramePartials(fields: qualifying, library: library)
        self.assets = assets
        self.templateNames = Set(sources.keys)
        var h = StableHash()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) { h.add(name); h.add(source) }
        for (name, data) in assets.sorted(by: { $0.key < $1.key }) { h.add(name); h.add(data) }
        digest = h.value
    }

    private static func register(_ source: String, named name: String, in library: inout MustacheLibrary) throws {
        do {
            try library.register(HTMLEscaping.pragma + source, named: name)
        } catch let error as MustacheTemplate.ParserError {
            // Lines counted in the template as written, without the pragma line.
            let at = error.context
            throw SiteError.template(name: name, message: "第 \(at.lineNumber - 1) 行第 \(at.columnNumber) 列：\(error.error)（\(at.line.trimmingCharacters(in: .whitespaces))）")
        } catch {
            throw SiteError.template(name: name, message: "\(error)")
        }
    }

    /// Renders `context` with template `name`; a missing template is an error, not empty text.
    public func render(_ context: Any, template name: String) throws -> String {
        guard templateNames.contains(name) else { throw SiteError.template(name: name, message: "模板不存在") }
        let output: String?
        // A view model goes behind one reference (`TemplateRoot`); a value a transform may apply
        // to (`{{#empty(.)}}`, a dictionary's `count`) is handed over as it is. A page (a model
        // with a frame) reads frame-only partials from the memo.
        if !(context is MustacheTransformable), let model = context as? MustacheParent {
            if let frame = model.child(named: "frame") as? PageFrame {
                let partials = FramePartials.Bound(partials: framePartials, frame: frame)
                output = pageLibrary.render(TemplateRoot(model, partials: partials), withTemplate: name)
            } else {
                output = library.render(TemplateRoot(model), withTemplate: name)
            }
        } else {
            output = library.render(context, withTemplate: name)
        }
        guard let output else { throw SiteError.template(name: name, message: "模板不存在") }
        return output
    }

    private static func files(in folder: URL) -> [(String, URL)] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out: [(String, URL)] = []
        let base = folder.standardizedFileURL.path
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            out.append((String(url.standardizedFileURL.path.dropFirst(base.count + 1)), url))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
