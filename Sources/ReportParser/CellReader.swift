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
        case cells([(text: String, offset: Int)])   // tab or pipe row
        case single(text: String, offset: Int, indented: Bool)
    }

    init(_ lines: [SourceLine], file: String) {
        self.file = file
        var block: [(text: String, line: SourceLine, offset: Int, indented: Bool)] = []
        func flushBlock() {
            if !block.isEmpty {
                rows.append(block.flatMap { tokens(of: $0.text, line: $0.line, offset: $0.offset) })
                block = []
            }
        }
        for line in lines {
            switch Self.classify(line.text) {
            case .blank:
                flushBlock()
            case .cells(let cells):
                flushBlock()
                rows.append(cells.flatMap { tokens(of: $0.text, line: line, offset: $0.offset) })
            case .single(let text, let offset, let indented):
                if Self.isProse(text) {
                    flushBlock()
                    narrative.append(line)
                    continue
                }
                // A wrapped cell: the continuation sits unindented under indented cells.
                if !indented, let last = block.last, last.indented, !TextNormalizer.trim(last.text).isEmpty,
                   !TextNormalizer.trim(text).isEmpty, !Self.looksNumeric(text), !Self.looksNumeric(last.text) {
                    block[block.count - 1].text += TextNormalizer.trim(text)
                    continue
                }
                block.append((text, line, offset, indented))
            }
        }
        flushBlock()
    }

    private static func classify(_ raw: String) -> LineKind {
        if raw.isEmpty { return .blank }
        if let scalars = SimpleText.scalars(raw) { return classify(scalars, raw) }
        let trimmed = TextNormalizer.trim(raw)
        if trimmed.hasPrefix("|") {
            if trimmed.allSatisfy({ "|-:– ".contains($0) }) { return .blank }
            return .cells(splitPipes(raw))
        }
        let chars = Array(raw)
        let tabs = chars.indices.filter { chars[$0] == "\t" }
        let firstContent = chars.firstIndex { $0 != "\t" && $0 != " " && $0 != "\u{3000}" }
        if tabs.count >= 2 || (tabs.count == 1 && firstContent != nil && tabs[0] > firstContent!) {
            var cells: [(String, Int)] = []
            var start = 0
            for t in tabs + [chars.count] {
                cells.append((String(chars[start..<t]), start))
                start = t + 1
            }
            return .cells(cells)
        }
        let offset = firstContent ?? 0
        return .single(text: String(chars[offset...]), offset: offset, indented: tabs.first == 0 || raw.hasPrefix(" "))
    }

    /// `classify` for simple text (see `SimpleText`), where scalars are characters.
    private static func classify(_ chars: [Unicode.Scalar], _ raw: String) -> LineKind {
        if let first = chars.first(where: { !TextNormalizer.isSpace($0) }), first == "|" {
            let trimmed = TextNormalizer.trim(raw)
            if trimmed.unicodeScalars.allSatisfy({ ruleScalars.contains($0) }) { return .blank }
            return .cells(splitPipes(chars))
        }
        var tabs = 0
        var firstTab: Int?
        var firstContent: Int?
        for (i, c) in chars.enumerated() {
            if c == "\t" {
                tabs += 1
                if firstTab == nil { firstTab = i }
            } else if firstContent == nil, c != " ", c != "\u{3000}" {
                firstContent = i
            }
        }
        if tabs >= 2 || (tabs == 1 && firstContent != nil && firstTab! > firstContent!) {
            var cells: [(String, Int)] = []
            var start = 0
            for (i, c) in chars.enumerated() where c == "\t" {
                cells.append((SimpleText.string(chars[start..<i]), start))
                start = i + 1
            }
            cells.append((SimpleText.string(chars[start...]), start))
            return .cells(cells)
        }
        let offset = firstContent ?? 0
        return .single(text: SimpleText.string(chars[offset...]), offset: offset, indented: firstTab == 0 || chars.first == " ")
    }

    /// What a Markdown rule row (`|---|:--|`) is made of.
    private static let ruleScalars: Set<Unicode.Scalar> = ["|", "-", ":", "–", " "]

    /// `splitPipes` for simple text.
    private static func splitPipes(_ chars: [Unicode.Scalar]) -> [(text: String, offset: Int)] {
        var cells: [(String, Int)] = []
        var start: Int? = nil
        for (i, c) in chars.enumerated() where c == "|" {
            if let s = start { cells.append((SimpleText.string(chars[s..<i]), s)) }
            start = i + 1
        }
        if let s = start, s < chars.count, chars[s...].contains(where: { !TextNormalizer.isSpace($0) }) {
            cells.append((SimpleText.string(chars[s...]), s))
        }
        return cells
    }

    private static func splitPipes(_ raw: String) -> [(text: String, offset: Int)] {
        let chars = Array(raw)
        var cells: [(String, Int)] = []
        var start: Int? = nil
        for (i, c) in chars.enumerated() where c == "|" {
            if let s = start { cells.append((String(chars[s..<i]), s)) }
            start = i + 1
        }
        if let s = start, s < chars.count, !TextNormalizer.trim(String(chars[s...])).isEmpty {
            cells.append((String(chars[s...]), s))
        }
        return cells
    }

    /// Sentences, not table cells.
    static func isProse(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { $0 == "。" || $0 == "；" }) { return true }
        if SimpleText.isSimple(text) {
            // Scalars are characters: a digit is an ASCII or full-width digit scalar.
            return text.utf8.count > 40 && !text.unicodeScalars.contains(where: isDigitScalar) && text.unicodeScalars.count > 40
        }
        let hasDigit = text.contains { CellNumber.isDigit($0) }
        return !hasDigit && text.count > 40
    }

    @inline(__always)
    private static func isDigitScalar(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    private static func looksNumeric(_ text: String) -> Bool {
        if case .text = CellReader.classifyCell(text) { return false }
        return true
    }

    /// `text` carries the trimmed cell, which `tokens` would otherwise trim again.
    private enum CellClass { case empty, numbers([String]), text(String) }

    private static func classifyCell(_ raw: String) -> CellClass {
        let text = TextNormalizer.trim(raw)
        switch CellNumber.read(text) {
        case .blank: return .empty
        case .number: return .numbers([text])
        case .notANumber:
            // Only a space, tab or U+3000 separates parts; without one the text is one part.
            guard hasSeparator(text) else { return .text(text) }
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
            if parts.count > 1, parts.allSatisfy({ if case .number = CellNumber.read($0) { return true } else { return false } }) {
                return .numbers(parts)
            }
            return .text(text)
        }
    }

    private static func isCellSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" }

    /// Whether `text` holds a space, a tab or U+3000 (encoded E3 80 80).
    private static func hasSeparator(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0xE3 } && text.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
    }

    /// Turns one cell into tokens; text with digits run into it is cut into labels and digit runs.
    private func tokens(of raw: String, line: SourceLine, offset: Int) -> [TableToken] {
        // Most cells start with content: then no Character is leading space.
        let leading = raw.unicodeScalars.first.map(Self.isCellSpace) == true
            ? raw.prefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }.count : 0
        let at = SourceLocation(file: file, line: line.number, column: line.column + offset + leading)
        switch Self.classifyCell(raw) {
        case .empty:
            return [TableToken(kind: .empty, location: at)]
        case .numbers(let parts):
            return [TableToken(kind: .numbers(parts, glued: parts.count > 1 && Self.isRunTogether(line.text)), location: at)]
        case .text(let trimmed):
            if Self.isRunTogether(line.text) {
                return Self.splitRun(trimmed, at: at)
            }
            return Self.splitTrailingNumbers(trimmed, at: at)
        }
    }

    /// In a cell of its own, only numbers set apart by spaces leave the label (`行政许可 5`);
    /// digits inside a label (`数据1`, `第1项`) stay with it.
    static func splitTrailingNumbers(_ text: String, at location: SourceLocation) -> [TableToken] {
        // Without a space there is one word, which stays the label.
        guard text.utf8.contains(0x20) else { return [TableToken(kind: .text(text), location: location)] }
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var numbers: [String] = []
        while let last = words.last, words.count > 1, case .number = CellNumber.read(last) {
            numbers.insert(last, at: 0)
            words.removeLast()
        }
        guard !numbers.isEmpty else { return [TableToken(kind: .text(text), location: location)] }
        let label = words.joined(separator: " ")
        return [TableToken(kind: .text(label), location: location),
                TableToken(kind: .numbers(numbers, glued: false),
                           location: shifted(location, label.count + 1))]
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
