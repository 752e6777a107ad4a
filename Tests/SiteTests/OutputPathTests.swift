@testable import Site
import XCTest

final class OutputPathTests: XCTestCase {
    func testPathsAreKeysByTheirText() {
        var keys: [OutputPath: UInt64] = [:]
        for i in 0..<1000 { keys[OutputPath("search/docs/\(i).z")] = UInt64(i) }
        XCTAssertEqual(keys.count, 1000)
        XCTAssertEqual(keys[OutputPath("search/docs/" + "417.z")], 417)
        XCTAssertNil(keys[OutputPath("search/docs/1000.z")])
        XCTAssertNotEqual(OutputPath("reports/a/2023/index.html"), OutputPath("reports/a/2024/index.html"))
        XCTAssertEqual([OutputPath("b"), OutputPath("a/z"), OutputPath("a")].sorted().map(\.string), ["a", "a/z", "b"])
    }
}
