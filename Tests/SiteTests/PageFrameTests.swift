@testable import Site
import XCTest

final class PageFrameTests: XCTestCase {
    /// The byte split of an ASCII route gives the first part `Character` splitting gives.
    func testFirstSegmentSplitsLikeCharacters() {
        let routes = ["", "/", "//", "reports/", "reports/a/b/", "/years/2024/", "search/", "pages/about/", "agencies",
                      "a//b", "页面/关于/", "years/\u{301}x/", "中/"]
        for route in routes {
            XCTAssertEqual(PageFrame.firstSegment(route), route.split(separator: "/").first.map(String.init) ?? "", route)
        }
    }
}
