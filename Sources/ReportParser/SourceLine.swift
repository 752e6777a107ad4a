/// One line of a report's text with its 1-based line number in the source file.
/// Everything after decoding works on these, so every value keeps its origin.
public struct SourceLine: Hashable, Sendable {
    public var text: String
    public var number: Int
    /// 1-based column (in characters) where `text` begins in the source line; lines cut out
    /// of a longer line (web text with the whole body on one line) start further right.
    public var column: Int

    public init(_ text: String, number: Int, column: Int = 1) {
        self.text = text
        self.number = number
        self.column = column
    }
}
