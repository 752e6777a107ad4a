/// One of the six numbered sections of a report.
public struct Section: Hashable, Sendable {
    /// 1…6 as in the national template.
    public var number: Int
    /// The heading as written, without its numbering (e.g. 总体情况).
    public var title: String
    /// The section's narrative text; for table sections, the text around the table.
    public var text: String {
        get {
            switch body {
            case .string(let s): s
            case .deferred(let d): d.string
            }
        }
        set { body = .string(newValue) }
    }
    public var location: SourceLocation

    /// The text as a String, or as bytes read back from the cache and not yet needed.
    private enum Body: Sendable {
        case string(String)
        case deferred(DeferredText)
    }
    private var body: Body

    public init(number: Int, title: String, text: String, location: SourceLocation) {
        self.number = number
        self.title = title
        self.body = .string(text)
        self.location = location
    }

    /// A section whose text is made a String only when read (see `DeferredText`).
    public init(number: Int, title: String, text: DeferredText, location: SourceLocation) {
        self.number = number
        self.title = title
        self.body = .deferred(text)
        self.location = location
    }

    /// The text's UTF-8 bytes, without making a deferred text a String.
    public func withTextUTF8<R>(_ read: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch body {
        case .string(var s): return try s.withUTF8(read)
        case .deferred(let d): return try d.withUTF8(read)
        }
    }

    // Equal by text, however it is held.
    public static func == (a: Section, b: Section) -> Bool {
        a.number == b.number && a.title == b.title && a.location == b.location && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(title)
        hasher.combine(text)
        hasher.combine(location)
    }
}
