/// One line of a report's text with its 1-based line number in the source file.
/// Everything after decoding works on these, so every value keeps its origin.
public struct SourceLine: Hashable, Sendable {
    public var text: String
    public var number: Int

    public init(_ text: String, number: Int) {
        self.text = text
        self.number = number
    }
}
