import Foundation

extension String {
    /// `(self as NSString).substring(with: range)` for a range a regular expression matched in
    /// this string, by the string's own UTF-16 view: NSString's substring of a bridged String
    /// cost several times more. A range that cuts a scalar, or lies outside the string, is
    /// left to NSString, which decides it as before.
    func matched(_ range: NSRange) -> String {
        let utf16 = self.utf16
        if range.location != NSNotFound,
           let start = utf16.index(utf16.startIndex, offsetBy: range.location, limitedBy: utf16.endIndex),
           let end = utf16.index(start, offsetBy: range.length, limitedBy: utf16.endIndex),
           start.samePosition(in: unicodeScalars) != nil, end.samePosition(in: unicodeScalars) != nil {
            return String(self[start..<end])
        }
        return (self as NSString).substring(with: range)
    }
}
