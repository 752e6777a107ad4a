import Foundation
import ReportModel

/// Writes a report's open-data entry (schema `sitegen.reports/1`) as `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes it: keys in the order of their UTF-8 bytes
/// (swift-foundation's order), strings escaped by `JSONText`, numbers as `Decimal.description`,
/// missing cells `null`, an unknown `year` left out (synthesised `encodeIfPresent`).
struct OpenDataEntryWriter {
    var out: [UInt8] = []
    private let numbers = DecimalText.current

    init() {
        out.reserveCapacity(16 * 1024)
    }

    /// Appends the entry's object. The keys below are written in sorted order.
    mutating func write(_ report: Report, published: Bool) {
        key("activeDisclosure", first: true); table(report.activeDisclosure)
        key("agency"); string(report.agency)
        key("agencySlug"); string(report.agencySlug)
        key("applications"); table(report.applications)
        key("diagnostics"); array(report.diagnostics) { $0.diagnostic($1) }
        key("id"); string(report.id)
        key("region"); JSONText.appendStringArray(report.region, to: &out)
        key("reviewLitigation"); table(report.reviewLitigation)
        key("sections"); array(report.sections) { $0.section($1) }
        key("source"); string(report.source)
        key("template"); string(report.template.rawValue)
        key("title"); string(report.title)
        key("url"); string(published ? Routes.report(report) : "")
        if let year = report.year {
            key("year"); JSONText.appendInt(year, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func section(_ section: Section) {
        key("number", first: true); JSONText.appendInt(section.number, to: &out)
        key("text"); string(section.text)
        key("title"); string(section.title)
        out.append(UInt8(ascii: "}"))
    }

    private mutating func diagnostic(_ diagnostic: Diagnostic) {
        key("column", first: true); JSONText.appendInt(diagnostic.location.column, to: &out)
        key("file"); string(diagnostic.location.file)
        key("line"); JSONText.appendInt(diagnostic.location.line, to: &out)
        key("message"); string(diagnostic.message)
        key("rule"); string(diagnostic.rule)
        key("severity"); string(diagnostic.severity.rawValue)
        out.append(UInt8(ascii: "}"))
    }

    /// Row → column → number or null, rows and columns in key order: the layout's text with the
    /// table's numbers between its pieces.
    private mutating func table(_ table: ReportTable) {
        let layout = TableLayout.of(table.shape)
        layout.text.withUnsafeBufferPointer { text in
            var start = 0
            for slot in layout.slots {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<slot.offset]))
                if let number = table.number(at: slot.position) {
                    // Zero, most cells, prints "0" whatever its exponent: no memo lookup.
                    if number.isZero { out.append(UInt8(ascii: "0")) } else { numbers.append(number, to: &out) }
                } else {
                    out.append(contentsOf: "null".utf8)
                }
                start = slot.offset
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    /// `{` before an object's first key, `,` before the others; then `"key":`.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: "\":".utf8)
    }

    private mutating func string(_ value: String) {
        JSONText.appendString(value, to: &out)
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        out.append(UInt8(ascii: "]"))
    }
}

/// A table shape's rows and columns in the order `JSONEncoder` sorts their keys, with each
/// key's `"key":` text ready. Made once per shape (every report shares a few shapes).
struct TableLayout {
    struct Column {
        let key: String
        let head: [UInt8]
        /// The cell's place in the table (`TableShape.position`).
        let position: Int
    }

    struct Row {
        let key: String
        /// `"key":{`
        let head: [UInt8]
        let columns: [Column]
    }

    /// A value: its text goes after `text[..<offset]`, read from the cell at `position`.
    struct Slot {
        let offset: Int
        let position: Int
    }

    let rows: [Row]
    /// The table's object with its values left out (`slots` tell where they go): a report's
    /// table is a few copies of this text's pieces instead of appends per row and column.
    let text: [UInt8]
    let slots: [Slot]

    init(_ shape: TableShape) {
        rows = Self.sorted(shape.rows, by: \.key).map { row in
            Row(key: row.key, head: Self.head(row.key) + [UInt8(ascii: "{")],
                columns: Self.sorted(row.columns, by: \.self).map {
                    Column(key: $0, head: Self.head($0), position: shape.position(row.key, $0)!)
                })
        }
        var text: [UInt8] = [UInt8(ascii: "{")]
        var slots: [Slot] = []
        for (r, row) in rows.enumerated() {
            if r > 0 { text.append(UInt8(ascii: ",")) }
            text += row.head
            for (c, column) in row.columns.enumerated() {
                if c > 0 { text.append(UInt8(ascii: ",")) }
                text += column.head
                slots.append(Slot(offset: text.count, position: column.position))
            }
            text.append(UInt8(ascii: "}"))
        }
        text.append(UInt8(ascii: "}"))
        self.text = text
        self.slots = slots
    }

    /// By the UTF-8 bytes of the key, as swift-foundation's `JSONWriter` sorts. (A shape's keys
    /// are unique, which the tests check.)
    private static func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        items.sorted { key($0).utf8.lexicographicallyPrecedes(key($1).utf8) }
    }

    private static func head(_ key: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        return out
    }

    // The known shapes, looked up by equality: shapes are shared, so `==` finds their storage
    // identical and answers at once. Other shapes (none today) are laid out on every call.
    private static let known: [(TableShape, TableLayout)] = {
        let shapes: [TableShape] = [.activeDisclosure(.v2021), .activeDisclosure(.v2019),
                                    .applications(.v2021), .applications(.v2019), .reviewLitigation]
        return shapes.map { ($0, TableLayout($0)) }
    }()

    static func of(_ shape: TableShape) -> TableLayout {
        known.first { $0.0 == shape }?.1 ?? TableLayout(shape)
    }
}
