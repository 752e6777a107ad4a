import XCTest
final class SiteTestsPlaceholder: XCTestCase { func testNothing() {} }
