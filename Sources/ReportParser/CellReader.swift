import ReportModel

/// Reads the lines of a table section into rows of tokens, whatever the layout:
/// tab-separated cells, pipe tables, one cell per line (rows split by blank lines,
/// wrapped cells continued on an unindented line), numbers after a label on one line,
/// and web text with every cell run together. Lines that are prose go to `narrative`.
struct CellReader {
    private(set) var rows: [[TableToken]] = []
    private(set) var narrative: [SourceLine] = []
    let file: String

    private enum LineKind {
        case blank
        case cells([Cell])   // tab or pipe row
        case single(text: String, offset: Int, indented: Bool)
    }

    // Structs, not tuples: arrays of tuples holding strings were copied and destroyed
    // through the runtime's generic tuple witnesses, element by element.

    /// A cell of a tab or pipe row, and where it starts in its line (in characters).
    private struct Cell {
        var text: String
        var offset: Int
    }

    /// A one-cell line in the block of lines that makes one row.
    private struct BlockCell {
        var text: String
        var line: SourceLine
        var offset: Int
        var indented: Bool
        var simple: Bool
    }

    init(_ lines: [SourceLine], file: String) {
        self.file = file
        var block: [BlockCell] = []
        func flushBlock() {
            if !block.isEmpty {
                var row: [TableToken] = []
                row.reserveCapacity(block.count)    // each cell makes one token or more
                for cell in block {
                    // A single-cell line has no tab; it is run together when it has no pipe either.
                    tokens(of: cell.text, line: cell.line, offset: cell.offset, simple: cell.simple,
                           runTogether: Self.isRunTogether(cell.line.text), into: &row)
                }
                rows.append(row)
                // Kept for the next block: most blocks are a few lines, and growing a new
                // array for each one allocated again and again.
                block.removeAll(keepingCapacity: true)
            }
        }
        for line in lines {
            let simple = SimpleText.isSimple(line.text)
            switch Self.classify(line.text, simple: simple) {
            case .blank:
                flushBlock()
            case .cells(let cells):
                flushBlock()
                // A tab or pipe row holds a tab or a pipe: never run together.
                var row: [TableToken] = []
                row.reserveCapacity(cells.count)
                for cell in cells {
                    tokens(of: cell.text, line: line, offset: cell.offset, simple: simple, runTogether: false, into: &row)
                }
                rows.append(row)
            case .single(let text, let offset, let indented):
                // The text is the line from its first content on: simple when the line is.
                if Self.isProse(text, simple: simple) {
                    flushBlock()
                    narrative.append(line)
                    continue
                }
                // A wrapped cell: the continuation sits unindented under indented cells.
                if !indented, let last = block.last, last.indented, !TextNormalizer.trim(last.text).isEmpty,
                   !TextNormalizer.trim(text).isEmpty, !Self.looksNumeric(text), !Self.looksNumeric(last.text) {
                    block[block.count - 1].text += TextNormalizer.trim(text)
                    // Both parts are simple only if this line is too.
                    block[block.count - 1].simple = last.simple && simple
                    continue
                }
                block.append(BlockCell(text: text, line: line, offset: offset, indented: indented, simple: simple))
            }
        }
        flushBlock()
    }

    private static func classify(_ raw: String, simple: Bool) -> LineKind {
        if raw.isEmpty { return .blank }
        if simple { return classifySimple(raw) }
        let trimmed = TextNormalizer.trim(raw)
        if trimmed.hasPrefix("|") {
            if trimmed.allSatisfy({ "|-:– ".contains($0) }) { return .blank }
            return .cells(splitPipes(raw))
        }
        let chars = Array(raw)
        let tabs = chars.indices.filter { chars[$0] == "\t" }
        let firstContent = chars.firstIndex { $0 != "\t" && $0 != " " && $0 != "\u{3000}" }
        if tabs.count >= 2 || (tabs.count == 1 && firstContent != nil && tabs[0] > firstContent!) {
            var cells: [Cell] = []
            var start = 0
            for t in tabs + [chars.count] {
                cells.append(Cell(text: String(chars[start..<t]), offset: start))
                start = t + 1
            }
            return .cells(cells)
        }
        let offset = firstContent ?? 0
        return .single(text: String(chars[offset...]), offset: offset, indented: tabs.first == 0 || raw.hasPrefix(" "))
    }

    /// `classify` for simple text (see `SimpleText`), where scalars are characters. Works on
    /// the UTF-8 bytes: a scalar starts at every byte that is not a continuation byte, so
    /// offsets in characters are counts of such bytes, and cells are cut at the ASCII `|`
    /// and tab bytes without decoding.
    private static func classifySimple(_ raw: String) -> LineKind {
        return raw.withUTF8Bytes { b in
            // The first scalar that is not a space (`TextNormalizer.isSpace`) is `|`.
            var firstNonSpace = 0
            while firstNonSpace < b.count, case let (scalar, width) = TextNormalizer.scalar(in: b, at: firstNonSpace), TextNormalizer.isSpace(scalar) {
                firstNonSpace += width
            }
            if firstNonSpace < b.count, b[firstNonSpace] == 0x7C {
                if isRule(b) { return .blank }
                return .cells(splitPipes(b))
            }
            var tabs = 0
            var firstTab: Int?
            var firstContent: Int?          // in characters
            var firstContentByte = 0
            var index = 0                   // characters before byte i
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte & 0xC0 == 0x80 { i += 1; continue }
                if byte == 0x09 {
                    tabs += 1
                    if firstTab == nil { firstTab = index }
                } else if firstContent == nil, byte != 0x20, !isIdeographicSpace(b, at: i) {
                    firstContent = index
                    firstContentByte = i
                }
                index += 1
                i += 1
            }
            if tabs >= 2 || (tabs == 1 && firstContent != nil && firstTab! > firstContent!) {
                var cells: [Cell] = []
                cells.reserveCapacity(tabs + 1)
                var start = 0, startByte = 0
                index = 0
                for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
                    if b[i] == 0x09 {
                        cells.append(trimmedCell(b, startByte..<i, at: start))
                        start = index + 1
                        startByte = i + 1
                    }
                    index += 1
                }
                cells.append(trimmedCell(b, startByte..<b.count, at: start))
                return .cells(cells)
            }
            // A line that starts with its content is its own text: not copied.
            let text = firstContentByte == 0 ? raw : string(b, firstContentByte..<b.count)
            return .single(text: text, offset: firstContent ?? 0, indented: firstTab == 0 || b[0] == 0x20)
        }
    }

    /// The cell of simple text in bytes `range` of `b`, `index` characters into its line, made
    /// trimmed (`TextNormalizer.trim`) at once: copying it whole, then trimming the copy, made
    /// two strings of most cells. Its offset moves past the spaces, tabs and U+3000 it starts
    /// with, where `tokens` places a cell (so the trimmed cell gives the same columns).
    private static func trimmedCell(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at index: Int) -> Cell {
        let leading = leadingSpaces(b, range)
        var start = range.lowerBound
        while start < range.upperBound {
            let (s, width) = TextNormalizer.scalar(in: b, at: start)
            if !TextNormalizer.isSpace(s) { break }
            start += width
        }
        var end = range.upperBound
        while end > start {
            var lead = end - 1
            while b[lead] & 0xC0 == 0x80 { lead -= 1 }
            if !TextNormalizer.isSpace(TextNormalizer.scalar(in: b, at: lead).0) { break }
            end = lead
        }
        return Cell(text: string(b, start..<end), offset: index + leading)
    }

    /// U+3000 is E3 80 80.
    @inline(__always)
    private static func isIdeographicSpace(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        b[i] == 0xE3 && i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// Whether the trimmed line is made only of what a Markdown rule row (`|---|:--|`) is made
    /// of: `|`, `-`, `:`, `–` (E2 80 93) and spaces. Trimming only removes spaces, and a space
    /// other than U+0020 is no rule scalar, so every scalar between the first and the last that
    /// is not a space must be one, and any inner space must be U+0020.
    private static func isRule(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var sawContent = false
        var pendingSpace = false        // a space other than U+0020 since the last rule scalar
        while i < b.count {
            let (s, width) = TextNormalizer.scalar(in: b, at: i)
            i += width
            if s == "|" || s == "-" || s == ":" || s == "–" || s == " " {
                if s != " " {
                    if pendingSpace { return false }
                    sawContent = true
                }
                continue
            }
            guard TextNormalizer.isSpace(s) else { return false }
            // Leading spaces are trimmed; any later one is trimmed only if nothing follows it.
            if sawContent { pendingSpace = true }
        }
        return true
    }

    /// `splitPipes` for simple text, by bytes: offsets count the scalars before each cell.
    private static func splitPipes(_ b: UnsafeBufferPointer<UInt8>) -> [Cell] {
        var cells: [Cell] = []
        // A cell ends at each pipe after the first, and one may follow the last: at most as
        // many cells as pipes. One allocation, not one per doubling.
        var pipes = 0
        for byte in b where byte == 0x7C { pipes += 1 }
        cells.reserveCapacity(pipes)
        var start: (index: Int, byte: Int)? = nil
        var index = 0
        for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
            if b[i] == 0x7C {
                if let s = start { cells.append(trimmedCell(b, s.byte..<i, at: s.index)) }
                start = (index + 1, i + 1)
            }
            index += 1
        }
        // The text after the last pipe is a cell when it holds something other than spaces.
        if let s = start, s.byte < b.count {
            var i = s.byte
            while i < b.count {
                let (scalar, width) = TextNormalizer.scalar(in: b, at: i)
                if !TextNormalizer.isSpace(scalar) {
                    cells.append(trimmedCell(b, s.byte..<b.count, at: s.index))
                    break
                }
                i += width
            }
        }
        return cells
    }

    private static func splitPipes(_ raw: String) -> [Cell] {
        let chars = Array(raw)
        var cells: [Cell] = []
        var start: Int? = nil
        for (i, c) in chars.enumerated() where c == "|" {
            if let s = start { cells.append(Cell(text: String(chars[s..<i]), offset: s)) }
            start = i + 1
        }
        if let s = start, s < chars.count, !TextNormalizer.trim(String(chars[s...])).isEmpty {
            cells.append(Cell(text: String(chars[s...]), offset: s))
        }
        return cells
    }

    /// Sentences, not table cells. `simple`: the text is known to be simple (see `SimpleText`).
    static func isProse(_ text: String, simple: Bool = false) -> Bool {
        guard simple || SimpleText.isSimple(text) else {
            if text.unicodeScalars.contains(where: { $0 == "。" || $0 == "；" }) { return true }
            let hasDigit = text.contains { CellNumber.isDigit($0) }
            return !hasDigit && text.count > 40
        }
        // Simple text, in one pass over its bytes: scalars are characters, a digit is an ASCII
        // (30–39) or full-width (EF BC 90–99) digit scalar, 。 is E3 80 82 and ； EF BC 9B.
        return text.withUTF8Bytes { b in
            var digit = false
            var scalars = 0
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte >= 0x30 && byte <= 0x39 {
                    digit = true
                } else if byte == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x82 {
                    return true
                } else if byte == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC {
                    let last = b[i + 2]
                    if last == 0x9B { return true }
                    if last >= 0x90 && last <= 0x99 { digit = true }
                }
                i += 1
            }
            return b.count > 40 && !digit && scalars > 40
        }
    }

    private static func looksNumeric(_ text: String) -> Bool {
        if case .text = CellReader.classifyCell(text) { return false }
        return true
    }

    /// `text` carries the trimmed cell, which `tokens` would otherwise trim again; `numbers`
    /// holds two numbers or more (one is a `number`).
    private enum CellClass { case empty, number(String), numbers([String]), text(String) }

    private static func classifyCell(_ raw: String) -> CellClass {
        let text = TextNormalizer.trim(raw)
        // Most cells are a short run of ASCII digits: a number, without building it.
        if CellNumber.isShortDigits(text) { return .number(text) }
        switch CellNumber.read(text) {
        case .blank: return .empty
        case .number: return .number(text)
        case .notANumber:
            // Only a space, tab or U+3000 separates parts; without one the text is one part.
            guard hasSeparator(text) else { return .text(text) }
            let parts = SimpleText.words(text, tabsAndIdeographicSpaces: true)
                ?? text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
            if parts.count > 1, parts.allSatisfy({ if case .number = CellNumber.read($0) { return true } else { return false } }) {
                return .numbers(parts)
            }
            return .text(text)
        }
    }

    /// Whether `text` holds a space, a tab or U+3000 (encoded E3 80 80), by bytes.
    private static func hasSeparator(_ text: String) -> Bool {
        return text.withUTF8Bytes { b in
            // Most cells are labels of CJK ideographs (lead bytes E4–E9, three bytes each),
            // which are stepped over whole.
            var i = 0
            let n = b.count
            while i < n {
                let byte = b[i]
                if byte >= 0xE4 && byte <= 0xE9 { i += 3; continue }
                if byte == 0x20 || byte == 0x09 || (byte == 0xE3 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Turns one cell into tokens, appended to `row`; text with digits run into it is cut into
    /// labels and digit runs. `simple`: the cell is simple text (see `SimpleText`);
    /// `runTogether`: its line is (see `isRunTogether`).
    private func tokens(of raw: String, line: SourceLine, offset: Int, simple: Bool, runTogether: Bool,
                        into row: inout [TableToken]) {
        // Most cells start with content: then no Character is leading space. In simple text
        // the leading space Characters are the leading space scalars.
        var leading = 0
        if Self.startsWithCellSpace(raw) {
            leading = simple ? Self.leadingCellSpaces(raw)
                : raw.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count
        }
        let at = SourceLocation(file: file, line: line.number, column: line.column + offset + leading)
        switch Self.classifyCell(raw) {
        case .empty:
            row.append(TableToken(kind: .empty, location: at))
        case .number(let text):
            row.append(TableToken(kind: .number(text), location: at))
        case .numbers(let parts):
            // Several numbers in one cell are glued when the line is run together.
            row.append(TableToken(kind: .numbers(parts, glued: runTogether), location: at))
        case .text(let trimmed):
            if runTogether {
                row += Self.splitRun(trimmed, at: at)
            } else {
                Self.splitTrailingNumbers(trimmed, at: at, into: &row)
            }
        }
    }

    /// Whether the first scalar of `text` is a space, a tab or U+3000 (E3 80 80), by bytes: the
    /// scalar view's `first` cost more than the rest of an ordinary cell's check.
    private static func startsWithCellSpace(_ text: String) -> Bool {
        return text.withUTF8Bytes { b in
            guard let first = b.first else { return false }
            return first == 0x20 || first == 0x09 || (first == 0xE3 && b.count >= 3 && b[1] == 0x80 && b[2] == 0x80)
        }
    }

    /// How many scalars at the start of `text` are spaces, tabs or U+3000 (E3 80 80), by bytes.
    private static func leadingCellSpaces(_ text: String) -> Int {
        return text.withUTF8Bytes { b in leadingSpaces(b, 0..<b.count) }
    }

    /// How many scalars at the start of `b[range]` are spaces, tabs or U+3000 (E3 80 80).
    private static func leadingSpaces(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0, i = range.lowerBound
        while i < range.upperBound {
            if b[i] == 0x20 || b[i] == 0x09 {
                i += 1
            } else if b[i] == 0xE3, i + 2 < range.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                i += 3
            } else {
                break
            }
            count += 1
        }
        return count
    }

    /// In a cell of its own, only numbers set apart by spaces leave the label (`行政许可 5`);
    /// digits inside a label (`数据1`, `第1项`) stay with it.
    static func splitTrailingNumbers(_ text: String, at location: SourceLocation, into tokens: inout [TableToken]) {
        // Without a space there is one word, which stays the label.
        guard ByteSearch.contains(0x20, in: text) else { return tokens.append(TableToken(kind: .text(text), location: location)) }
        let simpleWords = SimpleText.words(text, tabsAndIdeographicSpaces: false)
        var words = simpleWords ?? text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var numbers: [String] = []
        while let last = words.last, words.count > 1, case .number = CellNumber.read(last) {
            numbers.insert(last, at: 0)
            words.removeLast()
        }
        guard !numbers.isEmpty else { return tokens.append(TableToken(kind: .text(text), location: location)) }
        let label = words.joined(separator: " ")
        tokens.append(TableToken(kind: .text(label), location: location))
        // In simple text the label's characters are its scalars.
        let labelLength = simpleWords == nil ? label.count : label.unicodeScalars.count
        tokens.append(TableToken(kind: .numbers(numbers, glued: false), location: shifted(location, labelLength + 1)))
    }

    /// Web text keeps a whole table on one line; numbers there are not reliably separated.
    private static func isRunTogether(_ line: String) -> Bool {
        !line.utf8.contains(where: { $0 == 0x09 || $0 == 0x7C })
    }

    /// Cuts `规章000规范性文件898989` into text and digit runs. A digit followed by `.`/`、`
    /// and a character starts a numbered label (`2.其他法律…`), not a value; digits followed
    /// by 年/月/日/号 are part of the text.
    static func splitRun(_ text: String, at location: SourceLocation) -> [TableToken] {
        let chars = Array(text)
        var tokens: [TableToken] = []
        var i = 0
        var textStart = 0
        func emitText(_ end: Int) {
            let piece = TextNormalizer.trim(String(chars[textStart..<end]))
            if !piece.isEmpty {
                tokens.append(TableToken(kind: .text(piece), location: shifted(location, textStart)))
            }
        }
        while i < chars.count {
            guard CellNumber.isDigit(chars[i]) || ((chars[i] == "-" || chars[i] == "－") && i + 1 < chars.count && CellNumber.isDigit(chars[i + 1]) && i == textStart) else {
                i += 1
                continue
            }
            // Scan a run of digits, '.', ',' and spaces.
            var j = i
            var lastDigit = i
            if !CellNumber.isDigit(chars[j]) { j += 1 }
            while j < chars.count {
                let c = chars[j]
                if CellNumber.isDigit(c) { lastDigit = j; j += 1; continue }
                if (c == "." || c == "．" || c == ",") && j + 1 < chars.count && CellNumber.isDigit(chars[j + 1]) { j += 1; continue }
                if c == " " || c == "\u{3000}" { j += 1; continue }
                break
            }
            var runEnd = lastDigit + 1
            let after = runEnd < chars.count ? chars[runEnd] : nil
            if let after, "年月日号届期〕）)".contains(after) {
                i = runEnd
                continue
            }
            if let after, ".．、".contains(after), runEnd + 1 < chars.count, !CellNumber.isDigit(chars[runEnd + 1]) {
                // The last digit numbers the next label: keep it with the text.
                runEnd -= 1
                if runEnd <= i {
                    i = lastDigit + 1
                    continue
                }
            }
            emitText(i)
            let run = String(chars[i..<runEnd])
            let parts = run.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map { CellNumber.fold(String($0)) }
            if !parts.isEmpty {
                tokens.append(TableToken(kind: .numbers(parts, glued: true), location: shifted(location, i)))
            }
            textStart = runEnd
            i = runEnd
        }
        emitText(chars.count)
        return tokens
    }

    private static func shifted(_ location: SourceLocation, _ by: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: location.line, column: location.column + by)
    }
}
