import XCTest
final class ReportParserTestsPlaceholder: XCTestCase { func testNothing() {} }
