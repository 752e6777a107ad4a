import Foundation
@testable import Site
import XCTest

final class StableHashTests: XCTestCase {
    /// Every one-byte change, in the word-at-a-time part and in the tail, changes the hash.
    func testAnyChangedByteChangesTheHash() {
        let base = Data((0..<45).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let original = StableHash.of(base)
        var seen: Set<UInt64> = [original]
        for i in base.indices {
            for delta: UInt8 in [1, 0x80] {
                var changed = base
                changed[i] = changed[i] &+ delta
                XCTAssertTrue(seen.insert(StableHash.of(changed)).inserted, "byte \(i) +\(delta)")
            }
        }
        XCTAssertEqual(StableHash.of(base), original, "the same bytes hash the same")
        XCTAssertNotEqual(StableHash.of(base), StableHash.of(base + Data([0])), "length counts")
    }

    func testStringsAreSeparated() {
        XCTAssertNotEqual(StableHash.of("ab", "c"), StableHash.of("a", "bc"))
        XCTAssertEqual(StableHash.of("威海", "环翠区"), StableHash.of("威海", "环翠区"))
    }
}
