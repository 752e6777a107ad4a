@testable import Site
import XCTest

/// A bitmap posting list changed where it stands is what `Postings.encode` makes of the changed
/// list, or says why it cannot be.
final class BitmapPatchTests: XCTestCase {
    let docCount = 20

    func bitmap(_ docs: [Int]) -> String { Postings.encode(docs.map { ($0, 1) }, docCount: docCount) }

    func testAddedAndRemovedDocumentsGiveTheListAFullBuildWrites() throws {
        let all = Array(0..<docCount)
        let before = bitmap(all)
        XCTAssertEqual(before.first, "B")
        let after = all.filter { $0 != 3 && $0 != 17 }
        XCTAssertEqual(BitmapPatch.apply(before, changes: [(3, 0), (17, 0)], docCount: docCount), .bitmap(bitmap(after)))
        XCTAssertEqual(BitmapPatch.apply(bitmap(after), changes: [(3, 2), (17, 1)], docCount: docCount), .bitmap(before))
        // A change of frequency alone leaves a bitmap as it was.
        XCTAssertEqual(BitmapPatch.apply(before, changes: [(5, 4)], docCount: docCount), .bitmap(before))
    }

    func testAListThatShrinksBelowItsBitmapSaysSo() throws {
        // 20 documents: a 3-byte bitmap; four documents take four bytes of varints, three take three.
        let four = [0, 5, 10, 15]
        XCTAssertEqual(bitmap(four).first, "B")
        XCTAssertEqual(Postings.encode([(0, 1), (5, 1), (10, 1)], docCount: docCount).first, "V")
        XCTAssertEqual(BitmapPatch.apply(bitmap(four), changes: [(15, 0)], docCount: docCount), .varints)
        XCTAssertEqual(BitmapPatch.apply(bitmap(four), changes: four.map { ($0, 0) }, docCount: docCount), .empty)
    }

    func testLongGapsCountAsLongVarints() throws {
        // Gaps of 40 and more take two bytes (gap << 2 ≥ 128): the same documents stay a bitmap.
        let docCount = 400
        let docs = [0, 100, 200, 299, 399]
        let list = Postings.encode(docs.map { ($0, 1) }, docCount: docCount)
        XCTAssertEqual(list.first, "V", "five documents, nine bytes, under a 50-byte bitmap")
        XCTAssertNil(BitmapPatch.apply(list, changes: [(1, 1)], docCount: docCount), "not a bitmap")
        let many = Array(stride(from: 0, to: docCount, by: 7))
        let full = Postings.encode(many.map { ($0, 1) }, docCount: docCount)
        XCTAssertEqual(full.first, "B")
        XCTAssertEqual(BitmapPatch.apply(full, changes: [(7, 0)], docCount: docCount),
                       .bitmap(Postings.encode(many.filter { $0 != 7 }.map { ($0, 1) }, docCount: docCount)))
    }

    func testADamagedOrForeignListIsRefused() {
        XCTAssertNil(BitmapPatch.apply("B!!!", changes: [], docCount: docCount))
        XCTAssertNil(BitmapPatch.apply(bitmap(Array(0..<docCount)), changes: [], docCount: 400), "bitmap of another size")
        XCTAssertNil(BitmapPatch.apply(bitmap(Array(0..<docCount)), changes: [(25, 1)], docCount: docCount))
    }
}
