import XCTest
final class MarkdownTestsPlaceholder: XCTestCase { func testNothing() {} }
