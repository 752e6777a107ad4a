import Foundation

/// Splits digits that arrive with no separator between cells (`230000023` for seven cells)
/// into numbers, keeping only the splits that satisfy the table's own sums. A number never
/// has a leading zero, so `000` can only be 0, 0, 0.
enum DigitRunSplitter {
    enum Outcome: Equatable {
        case unique([Decimal])
        case ambiguous(count: Int)
        case impossible
    }

    /// Splits beyond this many are not explored; the run is then reported as ambiguous.
    static let budget = 200_000

    /// - Parameters:
    ///   - digits: digits and at most a few `.` (amounts), no spaces.
    ///   - count: how many numbers the row holds.
    ///   - accept: the table's sums over a candidate split.
    static func split(_ digits: String, count: Int, accept: ([Decimal]) -> Bool) -> Outcome {
        let (found, complete) = solutions(digits, count: count, limit: 2, accept: accept)
        if !complete { return .ambiguous(count: found.count) }
        switch found.count {
        case 0: return .impossible
        case 1: return .unique(found[0])
        default: return .ambiguous(count: found.count)
        }
    }

    /// Up to `limit` splits that satisfy `accept`; `complete` is false when the search stopped
    /// early (limit reached or budget spent), so more splits may exist.
    static func solutions(_ digits: String, count: Int, limit: Int, accept: ([Decimal]) -> Bool) -> (solutions: [[Decimal]], complete: Bool) {
        let chars = Array(digits)
        guard count > 0, chars.count >= count, chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
            return ([], true)
        }
        var solutions: [[Decimal]] = []
        var found = 0
        var steps = 0
        var current: [Decimal] = []
        func valid(_ piece: ArraySlice<Character>) -> Decimal? {
            guard let first = piece.first, first != ".", piece.last != "." else { return nil }
            if piece.filter({ $0 == "." }).count > 1 { return nil }
            // No leading zeros: "0" and "0.5" are numbers, "05" is not.
            if first == "0", piece.count > 1, piece[piece.startIndex + 1] != "." { return nil }
            return Decimal(string: String(piece), locale: Locale(identifier: "en_US_POSIX"))
        }
        func search(_ start: Int) {
            steps += 1
            if steps > budget || found >= limit { return }
            let remaining = count - current.count
            if remaining == 0 {
                if start == chars.count, accept(current) {
                    found += 1
                    solutions.append(current)
                }
                return
            }
            // Leave at least one character for each remaining number.
            let maxEnd = chars.count - (remaining - 1)
            guard start < maxEnd else { return }
            for end in (start + 1)...maxEnd {
                if remaining == 1 && end != chars.count { continue }
                guard let value = valid(chars[start..<end]) else {
                    if chars[start] == "0" && end > start + 1 && chars[start + 1] != "." { break }
                    continue
                }
                current.append(value)
                search(end)
                current.removeLast()
                if found >= limit { return }
            }
        }
        search(0)
        return (solutions, steps <= budget && found < limit)
    }
}
