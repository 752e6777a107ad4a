import Foundation
import ReportModel

/// Turns one report file into a `Report`: decode → lines → front matter → page furniture →
/// sections → metadata → tables. Never throws: what cannot be read becomes a diagnostic.
public struct ReportParser: Sendable {
    public init() {}

    /// - Parameter source: the file's path relative to the content folder (`reports/x.txt`).
    public func parse(_ data: Data, source: String) -> Report {
        let text: String
        do {
            text = try TextDecoding.decode(data).text
        } catch let error as TextDecodingError {
            let at = SourceLocation(file: source, line: 1)
            let diagnostic: Diagnostic
            switch error {
            case .empty: diagnostic = Diagnostic(.error, rule: "file.empty", "文件为空", at: at)
            case .binary: diagnostic = Diagnostic(.error, rule: "file.binary", "不是文本文件（可能是 PDF、Word 或图片），无法读取", at: at)
            case .undecodable: diagnostic = Diagnostic(.error, rule: "file.undecodable", "文件编码无法识别（不是 UTF-8、UTF-16 或 GB18030）", at: at)
            }
            return unreadable(source, diagnostic)
        } catch {
            return unreadable(source, Diagnostic(.error, rule: "file.undecodable", "文件无法读取：\(error)", at: SourceLocation(file: source, line: 1)))
        }
        return parse(text: text, source: source)
    }

    public func parse(text: String, source: String) -> Report {
        let lower = source.lowercased()
        let isHTML = lower.hasSuffix(".html") || lower.hasSuffix(".htm")
        var lines: [SourceLine]
        // Each plain-text line is a run of the text's bytes, so when the text holds no remnant
        // neither does any line, and none is rebuilt. (Decoding HTML can make remnants.)
        if isHTML || Self.mayHaveRemnants(text) {
            lines = isHTML ? HTMLText.lines(from: text) : Self.splitLines(text)
            lines = lines.map { SourceLine(Self.stripRemnants($0.text), number: $0.number, column: $0.column) }
        } else {
            lines = Self.splitLines(text)
        }

        var diagnostics: [Diagnostic] = []
        let (frontMatter, afterMatter, matterDiagnostics) = FrontMatter.split(lines, file: source)
        diagnostics += matterDiagnostics
        let furniture = PageFurniture(afterMatter)
        let split = SectionSplitter(furniture.body)

        let meta = MetadataReader(preamble: split.preamble, body: furniture.body, frontMatter: frontMatter,
                                  furniture: furniture, file: source)
        diagnostics += meta.diagnostics

        let tableLines = split.parts.filter { (2...3).contains($0.heading.number) }.flatMap(\.lines)
        let template = TemplateDetector.detect(lines: tableLines)
            ?? TemplateDetector.detect(lines: furniture.body)
            ?? meta.year.map(TemplateVersion.expected(forYear:)) ?? .v2021

        var report = Report(source: source, title: meta.title, agency: meta.agency, region: meta.region,
                            year: meta.year, template: template,
                            sourceURL: frontMatter?.sourceURL ?? furniture.sourceURL,
                            published: frontMatter?.published ?? furniture.published)
        report.agencySlug = frontMatter?.slug.flatMap(Slug.sanitize) ?? ""
        if let slug = frontMatter?.slug, Slug.sanitize(slug) == nil {
            diagnostics.append(Diagnostic(.error, rule: "meta.front-matter",
                "文件头 slug“\(slug)”不是有效的网址名（只允许小写字母、数字和连字符），已改用自动生成的名称",
                at: SourceLocation(file: source, line: 1)))
        }

        var extractor = TableExtractor(file: source)
        for part in split.parts {
            let number = part.heading.number
            let location = SourceLocation(file: source, line: part.headingLine.number, column: part.headingLine.column)
            var narrative = part.lines
            if (2...4).contains(number) {
                let reader = CellReader(part.lines, file: source)
                narrative = reader.narrative
                switch number {
                case 2:
                    extractor.extractLabelled(reader.rows, labels: .activeDisclosure(template), into: &report.activeDisclosure)
                case 3:
                    extractor.extractLabelled(reader.rows, labels: .applications(template), into: &report.applications,
                                              accept: TableExtractor.rowSum)
                default:
                    extractor.extractReviewLitigation(reader.rows, into: &report.reviewLitigation)
                }
            }
            report.sections.append(Section(number: number, title: part.heading.title,
                                           text: Self.paragraphs(narrative), location: location))
        }
        diagnostics += extractor.diagnostics
        report.diagnostics = diagnostics
        return report
    }

    private func unreadable(_ source: String, _ diagnostic: Diagnostic) -> Report {
        Report(source: source, template: .v2021, diagnostics: [diagnostic])
    }

    /// The text's lines, cut where the Character `\n` stands: at every LF byte that does not
    /// follow a CR (`\r\n` is one Character). By bytes: splitting by Characters was slow.
    static func splitLines(_ text: String) -> [SourceLine] {
        // Such an LF is a Character boundary on both sides, so each line is a run of whole
        // scalars: its bytes are copied into a new string (`utf8Slice`, not validated again).
        // LFs are found by memchr.
        var lines: [SourceLine] = []
        var text = text
        text.makeContiguousUTF8()
        let whole = text
        text.withUTF8 { b in
            var start = 0
            var from = 0
            while from < b.count, let hit = memchr(b.baseAddress! + from, 0x0A, b.count - from) {
                let i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - b.baseAddress!
                if i == 0 || b[i - 1] != 0x0D {
                    lines.append(SourceLine(whole.utf8Slice(start..<i), number: lines.count + 1))
                    start = i + 1
                }
                from = i + 1
            }
            lines.append(SourceLine(whole.utf8Slice(start..<b.count), number: lines.count + 1))
        }
        return lines
    }

    /// Word and PDF remnants that are never report text, and bidirectional-override
    /// characters, which only serve to disguise text.
    static func stripRemnants(_ line: String) -> String {
        var out = line
        if hasBidiControl(out) {
            out.unicodeScalars.removeAll(where: isBidiControl)
        }
        guard ByteSearch.contains(0x5B, in: out), out.utf8Offset(of: Self.bookmark) != nil else { return out }
        while let start = out.range(of: "[bookmark:"), let end = out[start.upperBound...].firstIndex(of: "]") {
            out.removeSubrange(start.lowerBound...end)
        }
        return out
    }

    private static let bookmark = Array("[bookmark:".utf8)

    /// Whether `stripRemnants` may change some part of `text`: it holds a bidi control or
    /// the bytes of `[bookmark:`.
    static func mayHaveRemnants(_ text: String) -> Bool {
        hasBidiControl(text) || (ByteSearch.contains(0x5B, in: text) && text.utf8Offset(of: Self.bookmark) != nil)
    }

    /// Whether `text` holds a bidi control (see `isBidiControl`), by their UTF-8 encodings:
    /// D8 9C, E2 80 8E/8F, E2 80 AA–AE, E2 81 A6–A9. The lead bytes are found by memchr:
    /// D8 is rare in reports, and E2 (quotes, dashes) is far apart.
    static func hasBidiControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            let n = b.count
            func next(_ byte: UInt8, from: Int) -> Int? {
                guard from < n, let hit = memchr(base + from, Int32(byte), n - from) else { return nil }
                return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            }
            var from = 0
            while let i = next(0xD8, from: from) {
                if i + 1 < n, b[i + 1] == 0x9C { return true }
                from = i + 1
            }
            from = 0
            while let i = next(0xE2, from: from) {
                if i + 2 < n {
                    let c = b[i + 2]
                    if b[i + 1] == 0x80, c == 0x8E || c == 0x8F || (0xAA...0xAE).contains(c) { return true }
                    if b[i + 1] == 0x81, (0xA6...0xA9).contains(c) { return true }
                }
                from = i + 1
            }
            return false
        }
    }

    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F
            || s.value == 0x061C
    }

    /// Narrative text: trimmed lines, paragraphs separated by one blank line.
    static func paragraphs(_ lines: [SourceLine]) -> String {
        var out: [String] = []
        var blank = false
        for line in lines {
            let t = TextNormalizer.trim(line.text)
            if t.isEmpty {
                blank = !out.isEmpty
                continue
            }
            if blank { out.append("") }
            out.append(t)
            blank = false
        }
        return joinedExactly(out)
    }

    /// `parts.joined(separator: "\n")` in a string of exactly its length: `joined` leaves spare
    /// capacity (about a third more for narrative text), and every report's sections stay in
    /// memory for the whole build.
    static func joinedExactly(_ parts: [String]) -> String {
        let count = parts.reduce(parts.count - 1) { $0 + $1.utf8.count }
        guard count > 15 else { return parts.joined(separator: "\n") }  // a small string holds it
        // Appending a String copies its bytes as they are; building the text from bytes
        // validated all of them again.
        var text = ""
        text.reserveCapacity(count)
        for (i, part) in parts.enumerated() {
            if i > 0 { text.append("\n") }
            text.append(part)
        }
        return text
    }
}
