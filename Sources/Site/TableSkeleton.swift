import Foundation
import ReportModel

/// A report table's HTML for one shape with its value cells left open. Captions, headers, row
/// labels and spans are the same for every table of a shape, so they are written once per shape
/// (`TableHTML`), and each report only fills in its values: bytes copied between the slots
/// instead of hundreds of string appends, and no cell looked up by its row and column keys.
struct TableSkeleton: Sendable {
    /// A value cell: its text goes after `text[..<offset]`, read from the cell at `position`.
    struct Slot: Sendable {
        let offset: Int
        let position: Int
    }

    let shape: TableShape
    private(set) var text: [UInt8] = []
    private(set) var slots: [Slot] = []

    init(shape: TableShape) { self.shape = shape }

    static func += (skeleton: inout TableSkeleton, text: String) {
        skeleton.text.append(contentsOf: text.utf8)
    }

    /// The value cell at `row`, `column`: `<td`, then its colspan when above 1 (the first
    /// attribute), then the value. A cell the shape does not have is missing in every report, so
    /// it is written out here.
    mutating func cell(row: String, column: String, colspan: Int = 1) {
        self += "<td"
        if colspan > 1 { self += #" colspan=""# + String(colspan) + "\"" }
        if let position = shape.positions[row]?[column] {
            slots.append(Slot(offset: text.count, position: position))
        } else {
            self += TableHTML.missingCell
        }
    }

    /// The table of `table` (whose shape is this skeleton's), its values marked by `marks`.
    func render(_ table: ReportTable, marks: TableHTML.Marks) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16 * slots.count)
        var start = 0
        for slot in slots {
            out.append(contentsOf: text[start..<slot.offset])
            marks.appendValue(table, at: slot.position, to: &out)
            start = slot.offset
        }
        out.append(contentsOf: text[start...])
        return String(decoding: out, as: UTF8.self)
    }
}

extension TableSkeleton {
    /// Skeletons of one layout, made once for each of the shapes every report shares; a table of
    /// any other shape (none today) gets its skeleton made on every call.
    struct Memo: Sendable {
        private let known: [TableSkeleton]
        private let layout: @Sendable (TableShape) -> TableSkeleton

        init(_ shapes: [TableShape], layout: @escaping @Sendable (TableShape) -> TableSkeleton) {
            known = shapes.map(layout)
            self.layout = layout
        }

        /// Shapes are shared, so `==` finds their storage identical and answers at once.
        func skeleton(_ shape: TableShape) -> TableSkeleton {
            known.first { $0.shape == shape } ?? layout(shape)
        }
    }
}
