extension String {
    /// The bytes `range` of this string's UTF-8 as a string of their own; both ends must be
    /// scalar boundaries. The bytes are copied as they are: `String(decoding:as:)` of the same
    /// bytes validated them again, which was a tenth of splitting a report into lines.
    /// (A range that is the whole string gives the string itself, sharing its storage.)
    func utf8Slice(_ range: Range<Int>) -> String {
        let view = utf8
        let start = view.index(view.startIndex, offsetBy: range.lowerBound)
        let end = view.index(start, offsetBy: range.count)
        return String(self[start..<end])
    }
}
