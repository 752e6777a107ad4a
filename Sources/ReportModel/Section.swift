/// One of the six numbered sections of a report.
public struct Section: Hashable, Sendable {
    /// 1…6 as in the national template.
    public var number: Int
    /// The heading as written, without its numbering (e.g. 总体情况).
    public var title: String
    /// The section's narrative text; for table sections, the text around the table.
    public var text: String
    public var location: SourceLocation

    public init(number: Int, title: String, text: String, location: SourceLocation) {
        self.number = number
        self.title = title
        self.text = text
        self.location = location
    }
}
