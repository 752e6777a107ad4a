extension SearchDocument {
    /// The document file's JSON, as `JSONEncoder` (sorted keys, slashes unescaped) writes the
    /// `Encodable` conformance: keys in byte order, `year` left out when there is none.
    func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sections.reduce(256) { $0 + $1.text.utf8.count + $1.title.utf8.count + 64 })
        func key(_ name: StaticString, first: Bool = false) {
            out.append(contentsOf: first ? [UInt8(ascii: "{"), UInt8(ascii: "\"")] : [UInt8(ascii: ","), UInt8(ascii: "\"")])
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        key("agency", first: true)
        JSONText.appendString(agency, to: &out)
        key("kind")
        JSONText.appendString(kind, to: &out)
        key("region")
        JSONText.appendStringArray(region, to: &out)
        key("sections")
        out.append(UInt8(ascii: "["))
        for (i, part) in sections.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            key("anchor", first: true)
            JSONText.appendString(part.anchor, to: &out)
            key("text")
            JSONText.appendString(part.text, to: &out)
            key("title")
            JSONText.appendString(part.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key("title")
        JSONText.appendString(title, to: &out)
        key("url")
        JSONText.appendString(url, to: &out)
        if let year {
            key("year")
            JSONText.appendInt(year, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
