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

    /// A route's depth counted on bytes is the number of parts `Character` splitting gives.
    func testRouteDepthCountsLikeCharacters() {
        let routes = ["", "/", "//", "reports/", "reports/a/b/", "/years/2024/", "search/", "a//b", "a", "/a", "a/",
                      "页面/关于/", "years//\u{301}x/", "a/\u{301}/b", "中/"]
        for route in routes {
            XCTAssertEqual(Routes.depth(route), route.split(separator: "/").count, route)
            XCTAssertEqual(Routes.root(from: route), String(repeating: "../", count: route.split(separator: "/").count), route)
        }
    }
}
