import Foundation
@testable import ReportModel
import XCTest

/// `ReportTable` keeps its cells packed (`PackedCell`) with an overflow for what does not fit:
/// every value must read back exactly as it was set, and equality must not depend on the storage.
final class TableStorageTests: XCTestCase {
    let file = "reports/威海市/环翠区/科技局-2021.txt"
    let shape = TableShape.reviewLitigation

    /// Every cell of `shape`, in row then column order.
    var cells: [(row: String, column: String)] {
        shape.rows.flatMap { row in row.columns.map { (row.key, $0) } }
    }

    func at(_ line: Int, _ column: Int = 1, in file: String? = nil) -> SourceLocation {
        SourceLocation(file: file ?? self.file, line: line, column: column)
    }

    func bytes(_ number: Decimal?) -> [UInt8]? {
        number.map { n in withUnsafeBytes(of: n) { Array($0) } }
    }

    /// `value` set into a table (after a first cell in the table's own file, unless `first` is
    /// false), read back through every accessor: equal, and the number bit for bit.
    /// `packed`: whether the value should fit the packed cell (else it is kept in the overflow).
    func assertRoundTrip(_ value: TableValue, first: Bool = true, packed: Bool? = nil, line: UInt = #line) {
        var table = ReportTable(shape: shape)
        if first { table["review", "upheld"] = TableValue(1, at: at(3)) }
        table["litigationDirect", "other"] = value
        if let packed { XCTAssertEqual(table.overflowCount, packed ? 0 : 1, "packed", line: line) }
        let position = shape.position("litigationDirect", "other")!
        for read in [table["litigationDirect", "other"], table.value(at: position),
                     table.cells(inRow: "litigationDirect")!["other"]!] {
            XCTAssertEqual(read, value, line: line)
            XCTAssertEqual(bytes(read.number), bytes(value.number), "number bits", line: line)
            XCTAssertEqual(read.number?.description, value.number?.description, line: line)
            XCTAssertEqual(read.location.map { Array($0.file.utf8) }, value.location.map { Array($0.file.utf8) }, line: line)
            XCTAssertEqual(read.location?.line, value.location?.line, line: line)
            XCTAssertEqual(read.location?.column, value.location?.column, line: line)
        }
        XCTAssertEqual(bytes(table.number("litigationDirect", "other")), bytes(value.number), line: line)
        XCTAssertEqual(bytes(table.number(at: position)), bytes(value.number), line: line)
        XCTAssertEqual(bytes(table.cells(inRow: "litigationDirect")!.number("other")), bytes(value.number), line: line)
        XCTAssertEqual(table.values["litigationDirect"]?["other"], value, line: line)
        // The cell before it is untouched.
        XCTAssertEqual(table["review", "upheld"], first ? TableValue(1, at: at(3)) : .missing, line: line)
    }

    func testStrides() {
        print("MemoryLayout<TableValue>.stride = \(MemoryLayout<TableValue>.stride)")
        print("MemoryLayout<PackedCell>.stride = \(MemoryLayout<PackedCell>.stride)")
        print("MemoryLayout<ReportTable>.stride = \(MemoryLayout<ReportTable>.stride)")
        XCTAssertEqual(MemoryLayout<PackedCell>.stride, 8)
    }

    func testValuesWithAndWithoutLocation() {
        assertRoundTrip(TableValue(7), packed: true)
        assertRoundTrip(TableValue(7), first: false, packed: true)
        assertRoundTrip(TableValue(7, at: at(12, 30)), packed: true)
        assertRoundTrip(TableValue(7, at: at(12, 30)), first: false, packed: true)
        assertRoundTrip(TableValue(nil, at: at(12, 30)), packed: true)  // a blank cell where it was read
        assertRoundTrip(TableValue(0, at: at(1)), packed: true)
        assertRoundTrip(.missing, packed: true)
        assertRoundTrip(TableValue(0, at: at(0, 0)), packed: true)  // line 0, column 0 is a place, not "none"
    }

    func testNegativeFractionalAndWideNumbers() {
        let texts = ["-3", "12.5", "0.001", "-0.5", "1.0", "0", "65535", "65536", "1234.56", "4294967295",
                     "4294967296", "123456789012345678901234567890", "-98765.4321", "1e-20", "3.1e30", "0.000000001"]
        let packed: Set<String> = ["-3", "12.5", "0.001", "-0.5", "1.0", "0", "65535", "1e-20", "3.1e30", "0.000000001"]
        for text in texts {
            let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            assertRoundTrip(TableValue(number, at: at(40, 5)), packed: packed.contains(text))
            assertRoundTrip(TableValue(number), packed: packed.contains(text))
        }
        for number in [Decimal(-3), Decimal(Int.max), Decimal(Int.min), Decimal(65_535), Decimal(65_536),
                       Decimal(1) / Decimal(8), Decimal(2) / Decimal(3), Decimal.greatestFiniteMagnitude,
                       Decimal.leastFiniteMagnitude, Decimal.leastNonzeroMagnitude, Decimal(12.5), Decimal(0.001)] {
            assertRoundTrip(TableValue(number, at: at(40, 5)))
        }
        // The parser's fast path and its arithmetic (digit splitting) make these.
        assertRoundTrip(TableValue(Decimal(Int("000123")!)))
        assertRoundTrip(TableValue(Decimal(10) - Decimal(13), at: at(2, 2)))
    }

    func testLocationInAnotherFileOverflows() {
        var table = ReportTable(shape: shape)
        table["review", "upheld"] = TableValue(1, at: at(3))
        let elsewhere = TableValue(2, at: at(9, 4, in: "reports/other.txt"))
        table["review", "other"] = elsewhere
        XCTAssertEqual(table["review", "other"], elsewhere)
        XCTAssertEqual(table["review", "upheld"], TableValue(1, at: at(3)))
        assertRoundTrip(elsewhere, packed: false)
        assertRoundTrip(TableValue(2, at: at(9, 4, in: "reports/other.txt")), first: false, packed: true)  // names the file

        // A name equal as a String but not byte for byte (NFC é against NFD e + U+0301) is kept as written.
        var cafe = ReportTable(shape: shape)
        cafe["review", "upheld"] = TableValue(1, at: at(1, in: "caf\u{E9}.txt"))
        cafe["review", "total"] = TableValue(1, at: at(2, in: "cafe\u{301}.txt"))
        XCTAssertEqual(Array(cafe["review", "total"].location!.file.utf8), Array("cafe\u{301}.txt".utf8))
        XCTAssertEqual(Array(cafe["review", "upheld"].location!.file.utf8), Array("caf\u{E9}.txt".utf8))

        // Overwritten with a value that fits: the overflow no longer speaks for the cell.
        table["review", "other"] = TableValue(5, at: at(10))
        XCTAssertEqual(table["review", "other"], TableValue(5, at: at(10)))
        var plain = ReportTable(shape: shape)
        plain["review", "upheld"] = TableValue(1, at: at(3))
        plain["review", "other"] = TableValue(5, at: at(10))
        XCTAssertEqual(table, plain)
        XCTAssertEqual(table.hashValue, plain.hashValue)
    }

    /// The stored form the build cache writes (`ReportTable.Stored`) gives the same table back,
    /// packed cells and overflow alike; a form that does not fit the shape gives none.
    func testStoredFormRoundTrip() throws {
        var table = ReportTable(shape: shape)
        table["review", "upheld"] = TableValue(1, at: at(3, 7))
        table["review", "other"] = TableValue(Decimal(string: "123456789.25")!, at: at(4))   // too wide to pack
        table["review", "total"] = TableValue(2, at: at(9, 4, in: "reports/other.txt"))     // another file
        table["litigationDirect", "other"] = TableValue(Decimal(string: "-0.5")!)
        let stored = table.stored
        XCTAssertEqual(stored.file, file)
        XCTAssertEqual(stored.cells.count, shape.cellCount)
        XCTAssertEqual(stored.overflow.map(\.position),
                       [shape.position("review", "other")!, shape.position("review", "total")!].sorted())
        let back = try XCTUnwrap(ReportTable(shape: shape, stored: stored))
        XCTAssertEqual(back, table)
        for position in 0..<shape.cellCount {
            XCTAssertEqual(back.value(at: position), table.value(at: position))
            XCTAssertEqual(bytes(back.number(at: position)), bytes(table.number(at: position)))
        }
        XCTAssertEqual(ReportTable(shape: shape, stored: ReportTable(shape: shape).stored), ReportTable(shape: shape))

        var wrongCount = stored
        wrongCount.cells.removeLast()
        XCTAssertNil(ReportTable(shape: shape, stored: wrongCount))
        var missingOverflow = stored
        missingOverflow.overflow.removeLast()
        XCTAssertNil(ReportTable(shape: shape, stored: missingOverflow))
        var noFile = stored
        noFile.file = nil
        XCTAssertNil(ReportTable(shape: shape, stored: noFile))
        var outOfRange = stored
        outOfRange.overflow[0].position = shape.cellCount
        XCTAssertNil(ReportTable(shape: shape, stored: outOfRange))
    }

    func testLargeLinesAndColumns() {
        for (line, column) in [(1_048_574, 4_095), (1_048_575, 1), (1, 4_096), (2_000_000, 17), (Int(Int32.max), 1),
                               (Int(Int32.max) + 1, 1), (Int.max, Int.max), (-1, 1), (1, -1), (Int.min, 0)] {
            let fits = (0..<1_048_575).contains(line) && (0..<4_096).contains(column)
            assertRoundTrip(TableValue(3, at: at(line, column)), packed: fits)
            assertRoundTrip(TableValue(nil, at: at(line, column)), packed: fits)
        }
    }

    func testEqualityDoesNotDependOnOrderOrStorage() {
        let values: [TableValue] = cells.indices.map { i in
            switch i % 5 {
            case 0: return TableValue(Decimal(i), at: at(10 + i, 2 * i + 1))
            case 1: return TableValue(Decimal(string: "12.5")!, at: at(10 + i))
            case 2: return TableValue(Decimal(-3), at: at(10 + i, 1, in: "reports/other.txt"))
            case 3: return TableValue(Decimal(string: "123456789.5")!, at: at(3_000_000))
            default: return .missing
            }
        }
        var forward = ReportTable(shape: shape), backward = ReportTable(shape: shape)
        for (cell, value) in zip(cells, values) { forward[cell.row, cell.column] = value }
        for (cell, value) in zip(cells, values).reversed() { backward[cell.row, cell.column] = value }
        XCTAssertEqual(forward, backward)
        XCTAssertEqual(forward.hashValue, backward.hashValue)
        for (cell, value) in zip(cells, values) {
            XCTAssertEqual(forward[cell.row, cell.column], value)
            XCTAssertEqual(backward[cell.row, cell.column], value)
        }

        // The first location set names the packed file: here another file, so the report's own overflow.
        var otherFirst = ReportTable(shape: shape)
        otherFirst["review", "upheld"] = TableValue(9, at: at(1, in: "reports/other.txt"))
        otherFirst["review", "upheld"] = values[0]
        for (cell, value) in zip(cells, values).dropFirst() { otherFirst[cell.row, cell.column] = value }
        XCTAssertEqual(otherFirst, forward)
        XCTAssertEqual(otherFirst.hashValue, forward.hashValue)

        var changed = forward
        changed["review", "total"] = TableValue(99, at: at(1))
        XCTAssertNotEqual(changed, forward)
        XCTAssertNotEqual(ReportTable(shape: .applications(.v2021)), ReportTable(shape: .applications(.v2019)))
        XCTAssertEqual(ReportTable(shape: shape), ReportTable(shape: shape))
    }

    func testCopiesAreIndependent() {
        var a = ReportTable(shape: shape)
        a["review", "upheld"] = TableValue(1, at: at(3))
        var b = a
        b["review", "upheld"] = TableValue(2, at: at(4, in: "reports/other.txt"))
        b["review", "total"] = TableValue(5)
        XCTAssertEqual(a["review", "upheld"], TableValue(1, at: at(3)))
        XCTAssertEqual(a["review", "total"], .missing)
        XCTAssertEqual(b["review", "upheld"], TableValue(2, at: at(4, in: "reports/other.txt")))
        let rows = a.cells(inRow: "review")!
        a["review", "upheld"] = TableValue(8)
        XCTAssertEqual(rows["upheld"], TableValue(1, at: at(3)), "a row read before a change keeps its values")
    }

    /// `relationHolds` adds cells packed as whole numbers as integers: it must decide every sum
    /// as the `Decimal` sides do, whatever form the numbers take (fractions, negatives, numbers
    /// kept in the overflow, zeros written `0.0`, missing cells).
    func testRelationHoldsAgreesWithDecimalSides() {
        let posix = Locale(identifier: "en_US_POSIX")
        let numbers: [Decimal?] = [nil, 0, 1, 3, 10, 100, 120, 65_535, 65_536, 1_000_000, -3, -10]
            + ["0.0", "2.5", "0.5", "100.00", "1e3", "007", "-0", "123456789"].map { Decimal(string: $0, locale: posix) }
            + [Decimal(10) - Decimal(7), Decimal(2) + Decimal(3), Decimal(1) / Decimal(4) * Decimal(4)]
        let review = shape.relations.indices.first { shape.relations[$0].left.count == 4 }!
        let relation = shape.relations[review]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var table = ReportTable(shape: shape)
            for cell in relation.left + relation.right {
                // Mostly whole numbers, so that many sums hold.
                let pick = Int.random(in: 0..<(numbers.count * 2), using: &generator)
                let number = pick < numbers.count ? numbers[pick] : Decimal(pick % 4)
                table[cell.row, cell.column] = TableValue(number, at: at(5, pick))
            }
            XCTAssertEqual(table.relationHolds(review), table.sides(ofRelation: review).map { $0.left == $0.right })
        }
        // A sum that holds with whole numbers in several forms, and one that is off by one.
        var table = ReportTable(shape: shape)
        let terms: [Decimal] = [Decimal(string: "100", locale: posix)!, Decimal(20), Decimal(3), Decimal(0)]
        for (cell, number) in zip(relation.left, terms) { table[cell.row, cell.column] = TableValue(number) }
        table[relation.right[0].row, relation.right[0].column] = TableValue(Decimal(123))
        XCTAssertEqual(table.relationHolds(review), true)
        table[relation.right[0].row, relation.right[0].column] = TableValue(Decimal(124))
        XCTAssertEqual(table.relationHolds(review), false)
    }

    func testIsEmpty() {
        var table = ReportTable(shape: shape)
        XCTAssertTrue(table.isEmpty)
        table["review", "upheld"] = TableValue(nil, at: at(3))
        table["review", "other"] = TableValue(nil, at: at(3, 1, in: "reports/other.txt"))  // overflow, no number
        XCTAssertTrue(table.isEmpty)
        table["review", "total"] = TableValue(Decimal(string: "123456789")!)  // overflow, a number
        XCTAssertFalse(table.isEmpty)
        table["review", "total"] = .missing
        XCTAssertTrue(table.isEmpty)
        table["review", "total"] = TableValue(0)
        XCTAssertFalse(table.isEmpty)
    }
}
