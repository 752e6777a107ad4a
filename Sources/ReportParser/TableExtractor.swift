import Foundation
import ReportModel

/// Fills a template table from the cell reader's rows. Rows are found by their labels; the
/// values after a label are fitted to the template's columns without ever moving a number
/// into another row or column: what cannot be placed stays missing and is reported.
struct TableExtractor {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Rows whose digits split several ways; the table's column sums may still decide them.
    private var undecided: [(key: String, digits: String, location: SourceLocation)] = []

    init(file: String) { self.file = file }

    // MARK: Labelled tables (sections 二 and 三)

    mutating func extractLabelled(_ rows: [[TableToken]], labels: RowLabels, into table: inout ReportTable,
                                  accept: @escaping ([Decimal]) -> Bool = { _ in true }) {
        var group: String?
        var sawOutcome = false
        // Rows already given values, by index in the shape (a row key has one index: its first row).
        var assigned = [Bool](repeating: false, count: table.shape.rows.count)
        var pending: [TableToken] = []      // values after a bare group label
        var pendingGroup: String?

        // The values after the open row's label. One array for all rows, emptied but kept:
        // one allocated per row (and again after each label) was a hot spot.
        var items: [TableToken] = []
        for row in rows {
            var open: OpenRow?
            items.removeAll(keepingCapacity: true)
            items.reserveCapacity(row.count)
            var lastText: String?
            var orphans: [TableToken] = []
            func close() {
                guard let current = open else { return }
                let label = row[current.labelIndex]
                if items.allSatisfy({ if case .empty = $0.kind { return true } else { return false } }),
                   !pending.isEmpty, pendingGroup == group {
                    // A group label carried its first sub-row's numbers on its own line.
                    let values = pending
                    pending = []
                    pendingGroup = nil
                    assign(current.key, values, label: label, table: &table, assigned: &assigned, accept: accept)
                } else {
                    pending = []
                    pendingGroup = nil
                    assign(current.key, items, label: label, table: &table, assigned: &assigned, accept: accept)
                }
                open = nil
                items.removeAll(keepingCapacity: true)
            }
            for (index, token) in row.enumerated() {
                switch token.kind {
                case .text(let text):
                    lastText = text
                    let hits = labels.scan(text, group: group, sawOutcome: sawOutcome)
                    guard !hits.isEmpty else {
                        // Header or note text ends the values of the row before it.
                        if open != nil, !items.isEmpty { close() }
                        continue
                    }
                    close()
                    for hit in hits {
                        switch hit {
                        case .group(let g):
                            group = g
                            pending = []
                            pendingGroup = g
                            open = nil
                        case .row(let key):
                            open = OpenRow(key: key, labelIndex: index)
                            if table.shape.row(key)?.group != nil, key != "totalHandled" { sawOutcome = true }
                        }
                    }
                    if case .group = hits.last! { open = nil }
                case .empty, .number, .numbers:
                    if open != nil {
                        items.append(token)
                    } else if pendingGroup != nil {
                        pending.append(token)
                    } else if token.holdsNumbers {
                        orphans.append(token)
                    }
                }
            }
            close()
            if !orphans.isEmpty {
                // Numbers under a label that is no template row: reported, never dropped silently.
                let numbers = orphans.flatMap { token -> [String] in
                    switch token.kind {
                    case .number(let text): return [text]
                    case .numbers(let parts, _): return parts
                    case .text, .empty: return []
                    }
                }.joined(separator: " ")
                let label = lastText.map { "“\($0)”" } ?? "没有行名的一行"
                diagnostics.append(Diagnostic(.warning, rule: "parse.unplaced-values",
                    "\(label)的数值“\(numbers)”不属于模板中的任何一行，未采用", at: orphans[0].location))
            }
        }
        resolveUndecided(&table, accept: accept)
    }

    /// The template row whose label was read last, waiting for its values. A struct, not a
    /// tuple: an optional tuple was copied and destroyed through the runtime's generic witnesses.
    /// The label is its token's index in the row: copying the token itself cost more.
    private struct OpenRow {
        var key: String
        var labelIndex: Int
    }

    /// Tries every combination of the undecided rows' splits against the table's own column
    /// sums (勾稽关系); a single combination that keeps every checkable sum is taken.
    private mutating func resolveUndecided(_ table: inout ReportTable, accept: ([Decimal]) -> Bool) {
        defer { undecided = [] }
        guard !undecided.isEmpty else { return }
        let shape = table.shape
        var options: [[[Decimal]]] = []
        var complete = true
        for entry in undecided {
            let (found, done) = DigitRunSplitter.solutions(entry.digits, count: shape.row(entry.key)!.columns.count,
                                                           limit: 64, accept: accept)
            options.append(found)
            complete = complete && done
        }
        let combinations = options.reduce(1) { $0 * max($1.count, 1) }
        let relations = shape.relations.filter { relation in
            // Only sums across rows decide between splits; each split already keeps its row's sum.
            Set((relation.left + relation.right).map(\.row)).count > 1
        }
        var matches: [[Int]] = []
        if complete, combinations <= 100_000, !relations.isEmpty {
            var choice = Array(repeating: 0, count: options.count)
            outer: while true {
                var trial = table
                for (i, entry) in undecided.enumerated() {
                    for (column, value) in zip(shape.row(entry.key)!.columns, options[i][choice[i]]) {
                        trial[entry.key, column] = TableValue(value, at: entry.location)
                    }
                }
                let involved = Set(undecided.map(\.key))
                let decided = relations.filter { r in (r.left + r.right).contains { involved.contains($0.row) } }
                if decided.contains(where: { $0.holds(in: trial) != nil }), decided.allSatisfy({ $0.holds(in: trial) != false }) {
                    matches.append(choice)
                    if matches.count > 1 { break }
                }
                var i = 0
                while i < choice.count {
                    choice[i] += 1
                    if choice[i] < options[i].count { continue outer }
                    choice[i] = 0
                    i += 1
                }
                break
            }
        }
        if matches.count == 1 {
            for (i, entry) in undecided.enumerated() {
                for (column, value) in zip(shape.row(entry.key)!.columns, options[i][matches[0][i]]) {
                    table[entry.key, column] = TableValue(value, at: entry.location)
                }
            }
            return
        }
        for entry in undecided {
            let row = shape.row(entry.key)!
            diagnostics.append(Diagnostic(.error, rule: "parse.ambiguous-digits",
                "“\(row.label)”一行的数字“\(entry.digits)”连在一起，无法唯一拆分为\(row.columns.count)个数（有多种拆法，表内合计关系也无法确定），已留空",
                at: entry.location))
        }
    }

    private mutating func assign(_ key: String, _ items: [TableToken], label: TableToken, table: inout ReportTable,
                                 assigned: inout [Bool], accept: ([Decimal]) -> Bool) {
        let shape = table.shape
        guard let rowIndex = shape.rowIndex(key) else { return }
        let row = shape.rows[rowIndex]
        let labelText: String = { if case .text(let t) = label.kind { return t } else { return row.label } }()
        if assigned[rowIndex] {
            if items.contains(where: \.holdsNumbers) {
                diagnostics.append(Diagnostic(.warning, rule: "parse.duplicate-row",
                    "“\(row.label)”一行出现了两次，后一处（\(labelText)）的数值未采用", at: label.location))
            }
            return
        }
        guard !items.isEmpty else {
            // The label with nothing after it: the cells were lost in copying, or sit elsewhere.
            return
        }
        assigned[rowIndex] = true
        switch fit(items, count: row.columns.count, accept: accept) {
        case .values(let values):
            // `table[key, column] = value`, at the positions the shape made once.
            for (position, value) in zip(shape.rowPositions[rowIndex], values) {
                guard let position else { preconditionFailure("no cell \(key) in \(shape.name)") }
                table.set(value, at: position)
            }
        case .ambiguous(let raw, _):
            undecided.append((key, raw, items[0].location))
        case .impossible(let raw):
            diagnostics.append(Diagnostic(.error, rule: "parse.ambiguous-digits",
                "“\(row.label)”一行的数字“\(raw)”无法拆分为\(row.columns.count)个符合表内合计关系的数，已留空",
                at: items[0].location))
        case .mismatch(let found, let raw):
            diagnostics.append(Diagnostic(.error, rule: "parse.cell-count",
                "“\(row.label)”一行读到\(found)个单元格（\(raw)），模板应有\(row.columns.count)个，无法确定各数所在列，已留空",
                at: items[0].location))
        case .notANumber(let raw, let location):
            diagnostics.append(Diagnostic(.error, rule: "parse.not-a-number",
                "“\(row.label)”一行的单元格“\(raw)”不是数字，已留空", at: location))
        }
    }

    // MARK: Section 四 (fifteen numbers, usually without row labels)

    mutating func extractReviewLitigation(_ rows: [[TableToken]], into table: inout ReportTable) {
        let shape = table.shape
        let columns = shape.columns.map(\.key)
        var labelled: [String: [TableToken]] = [:]
        var sequence: [TableToken] = []
        for row in rows {
            guard let lastText = row.lastIndex(where: { !$0.isValue }) ?? (row.isEmpty ? nil : -1) as Int? else { continue }
            let trailing = Array(row[(lastText + 1)...])
            guard trailing.contains(where: \.holdsNumbers) else { continue }
            // A row labelled 行政复议 / 直接起诉 / 复议后起诉 with its own five values.
            if lastText >= 0, case .text(let text) = row[lastText].kind, let key = Self.reviewRow(text),
               Self.flatCount(trailing) == columns.count, labelled[key] == nil {
                labelled[key] = trailing
                continue
            }
            sequence += trailing
        }
        if !labelled.isEmpty, labelled.count < 3, !sequence.isEmpty {
            diagnostics.append(Diagnostic(.warning, rule: "parse.cell-count",
                "行政复议、行政诉讼表一部分按行名读取，其余数值无法对应，已留空", at: sequence[0].location))
            sequence = []
        }
        for (key, items) in labelled {
            if case .values(let values) = fit(items, count: columns.count, accept: Self.rowSum) {
                for (column, value) in zip(columns, values) { table[key, column] = value }
            }
        }
        guard labelled.isEmpty, !sequence.isEmpty else { return }
        let keys = shape.rows.map(\.key)
        let count = keys.count * columns.count
        let label = "行政复议、行政诉讼"
        switch fit(sequence, count: count, accept: Self.reviewSums) {
        case .values(let values):
            for (i, value) in values.enumerated() {
                table[keys[i / columns.count], columns[i % columns.count]] = value
            }
        case .ambiguous(let raw, _), .impossible(let raw):
            diagnostics.append(Diagnostic(.error, rule: "parse.ambiguous-digits",
                "\(label)表的数字“\(raw)”连在一起，无法唯一拆分为\(count)个符合合计关系的数，已留空", at: sequence[0].location))
        case .mismatch(let found, let raw):
            diagnostics.append(Diagnostic(.error, rule: "parse.cell-count",
                "\(label)表读到\(found)个单元格（\(raw)），模板应有\(count)个，无法确定各数所在列，已留空", at: sequence[0].location))
        case .notANumber(let raw, let location):
            diagnostics.append(Diagnostic(.error, rule: "parse.not-a-number",
                "\(label)表的单元格“\(raw)”不是数字，已留空", at: location))
        }
    }

    private static func reviewRow(_ text: String) -> String? {
        let key = TextNormalizer.key(text)
        if key.contains("复议后起诉") { return "litigationAfterReview" }
        if key.contains("直接起诉") || key.contains("未经复议") { return "litigationDirect" }
        if key.hasSuffix("行政复议") || key == "复议" { return "review" }
        return nil
    }

    /// 总计 = 维持 + 纠正 + 其他 + 尚未审结, for each group of five.
    static func reviewSums(_ v: [Decimal]) -> Bool {
        stride(from: 0, to: v.count, by: 5).allSatisfy { rowSum(Array(v[$0..<($0 + 5)])) }
    }

    static func rowSum(_ v: [Decimal]) -> Bool {
        v.dropLast().reduce(0, +) == v.last!
    }

    // MARK: Fitting values to columns

    enum Fit {
        case values([TableValue])
        case ambiguous(raw: String, solutions: Int)
        case impossible(raw: String)
        case mismatch(found: Int, raw: String)
        case notANumber(raw: String, at: SourceLocation)
    }

    private static func flatCount(_ items: [TableToken]) -> Int {
        items.reduce(0) { total, token in
            if case .numbers(let parts, _) = token.kind { return total + parts.count }
            return total + 1    // a blank, a number or a label
        }
    }

    private func fit(_ items: [TableToken], count: Int, accept: ([Decimal]) -> Bool) -> Fit {
        if let fit = Self.asWritten(items, count: count) { return fit }
        // Each cell refers to its token for the location: copying a location per cell (its file
        // name) cost more than the rest of the cell.
        var flat: [(raw: String?, token: Int, glued: Bool)] = []
        flat.reserveCapacity(Self.flatCount(items))
        for (index, token) in items.enumerated() {
            switch token.kind {
            case .empty: flat.append((nil, index, false))
            case .number(let text): flat.append((text, index, false))
            case .numbers(let parts, let glued): for part in parts { flat.append((part, index, glued)) }
            case .text: break
            }
        }
        // Cells beyond the template's are blank cells of merged labels (colspan) or trailing
        // separators; drop blanks at the start, then at the end. A slice, so that `flat` stays
        // as read (for a mismatch) without being copied.
        var start = 0, end = flat.count
        while end - start > count, flat[start].raw == nil { start += 1 }
        while end - start > count, flat[end - 1].raw == nil { end -= 1 }
        let cells = flat[start..<end]
        if cells.count == count, !(cells.allSatisfy(\.glued) && !Self.wellFormed(cells.compactMap(\.raw))) {
            var values: [TableValue] = []
            values.reserveCapacity(count)
            for cell in cells {
                let location = items[cell.token].location
                guard let text = cell.raw else {
                    values.append(TableValue(nil, at: location))
                    continue
                }
                guard case .number(let n) = CellNumber.read(text) else {
                    return .notANumber(raw: text, at: location)
                }
                values.append(TableValue(n, at: location))
            }
            return .values(values)
        }
        // Digits run together: re-split by the table's sums, only where no cell boundary is known.
        if let first = cells.first, cells.allSatisfy({ $0.glued && $0.raw != nil }) {
            let digits = cells.compactMap(\.raw).joined()
            switch DigitRunSplitter.split(digits, count: count, accept: accept) {
            case .unique(let numbers):
                return .values(numbers.map { TableValue($0, at: items[first.token].location) })
            case .ambiguous(let n):
                return .ambiguous(raw: digits, solutions: n)
            case .impossible:
                return .impossible(raw: digits)
            }
        }
        return .mismatch(found: cells.count, raw: flat.map { $0.raw ?? "空" }.joined(separator: " "))
    }

    /// `fit` for the usual row: exactly `count` cells, not all of them glued, so each is taken
    /// as written; nil for any other row. Reads the tokens in place: listing the cells first
    /// (copying each number's text) cost as much as reading them.
    private static func asWritten(_ items: [TableToken], count: Int) -> Fit? {
        var cells = 0
        var allGlued = true
        for token in items {
            switch token.kind {
            case .empty, .number:
                cells += 1
                allGlued = false
            case .numbers(let parts, let glued):
                cells += parts.count
                allGlued = allGlued && glued
            case .text:
                break
            }
        }
        guard cells == count, !allGlued else { return nil }
        var values: [TableValue] = []
        values.reserveCapacity(count)
        for token in items {
            switch token.kind {
            case .empty:
                values.append(TableValue(nil, at: token.location))
            case .number(let text):
                guard case .number(let n) = CellNumber.read(text) else {
                    return .notANumber(raw: text, at: token.location)
                }
                values.append(TableValue(n, at: token.location))
            case .numbers(let parts, _):
                for part in parts {
                    guard case .number(let n) = CellNumber.read(part) else {
                        return .notANumber(raw: part, at: token.location)
                    }
                    values.append(TableValue(n, at: token.location))
                }
            case .text:
                break
            }
        }
        return .values(values)
    }

    /// Glued numbers that already number `count` are taken as written when none has a
    /// leading zero (`0 0 5`); `000023` shows the spaces are not cell boundaries.
    private static func wellFormed(_ parts: [String]) -> Bool {
        parts.allSatisfy { part in
            guard case .number = CellNumber.read(part) else { return false }
            return !(part.count > 1 && part.first == "0" && !part.hasPrefix("0."))
        }
    }
}
