import Foundation

/// The tags of a Mustache template's source, read well enough to tell what a template looks up
/// and where it includes partials (`FramePartials`). Only the default `{{ }}` delimiters: a
/// template that changes them is not read at all (`tags(in:)` returns nil).
struct TemplateTag {
    enum Kind: Equatable {
        case variable          // {{name}}, {{{name}}}, {{&name}}
        case section           // {{#name}}
        case invertedSection   // {{^name}}
        case close             // {{/name}}
        case comment           // {{! … }}
        case partial           // {{> name}}
        case parent            // {{< name}}
        case block             // {{$ name}}
        case other             // delimiter change, pragma
    }

    var kind: Kind
    /// The tag's content without its sigil and surrounding spaces.
    var name: String
    /// Byte offsets of the whole tag (`{{` to `}}`) in the source's UTF-8.
    var range: Range<Int>

    /// The name a transform applies to: `empty(published)` → `published`.
    var lookedUpName: String {
        var name = Substring(self.name)
        while let open = name.firstIndex(of: "("), name.last == ")" {
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        return String(name)
    }

    static func tags(in source: String) -> [TemplateTag]? {
        let bytes = Array(source.utf8)
        var tags: [TemplateTag] = []
        var i = 0
        while let open = find([0x7B, 0x7B], in: bytes, from: i) {
            let triple = open + 2 < bytes.count && bytes[open + 2] == 0x7B
            let closer: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
            let contentStart = open + (triple ? 3 : 2)
            guard let close = find(closer, in: bytes, from: contentStart) else { return nil }
            var content = String(decoding: bytes[contentStart..<close], as: UTF8.self)
            var kind = Kind.variable
            if !triple, let sigil = content.first {
                let kinds: [Character: Kind] = ["#": .section, "^": .invertedSection, "/": .close, "!": .comment,
                                                ">": .partial, "<": .parent, "$": .block, "&": .variable,
                                                "=": .other, "%": .other]
                if let known = kinds[sigil] {
                    kind = known
                    content.removeFirst()
                }
            }
            // After a delimiter change the rest is not read with `{{ }}`.
            if kind == .other, bytes[contentStart] == 0x3D { return nil }
            tags.append(TemplateTag(kind: kind, name: content.trimmingCharacters(in: .whitespaces),
                                    range: open..<(close + closer.count)))
            i = close + closer.count
        }
        return tags
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for i in start...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) { return i }
        }
        return nil
    }
}
