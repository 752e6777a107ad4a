@testable import ReportModel
import XCTest

/// `TableShape.position` scans keys instead of hashing them; it must answer as `positions` does.
final class TableShapeLookupTests: XCTestCase {
    let shapes: [TableShape] = [
        .activeDisclosure(.v2019), .activeDisclosure(.v2021),
        .applications(.v2019), .applications(.v2021), .reviewLitigation,
    ]

    func testPositionAgreesWithPositions() {
        for shape in shapes {
            let columnKeys = Set(shape.columns.map(\.key))
            for row in shape.rows {
                for column in columnKeys.union(["nope", ""]) {
                    XCTAssertEqual(shape.position(row.key, column), shape.positions[row.key]?[column], "\(row.key).\(column)")
                }
            }
            XCTAssertNil(shape.position("nope", columnKeys.first!))
        }
    }

    func testCanonicallyEquivalentKeyFallsBackToTheDictionary() {
        // U+212A KELVIN SIGN equals K as a String, with another UTF-8 length.
        let shape = TableShape(name: "t", rows: [.init(key: "Kx", label: "K", group: nil, columns: ["a", "a"])],
                               columns: [.init(key: "a", label: "A")])
        XCTAssertEqual(shape.position("\u{212A}x", "a"), shape.positions["Kx"]?["a"])
        XCTAssertEqual(shape.position("Kx", "a"), 1)  // a repeated column keeps its last place
    }

    func testRelationsAreMadeOnceAndEqualShapesStayEqual() {
        XCTAssertEqual(TableShape.applications(.v2021).relations.count, 7 * 2 + 25)
        let a = TableShape(name: "reviewLitigation", rows: TableShape.reviewLitigation.rows, columns: TableShape.reviewLitigation.columns)
        XCTAssertEqual(a, TableShape.reviewLitigation)
        XCTAssertEqual(a.relations, TableShape.reviewLitigation.relations)
    }
}
