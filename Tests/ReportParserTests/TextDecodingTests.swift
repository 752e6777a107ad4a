import Foundation
import XCTest
@testable import ReportParser

final class TextDecodingTests: XCTestCase {
    private let title = "威海市科学技术局2023年政府信息公开工作年度报告"
    private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    private func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: TextEncoding) {
        try TextDecoding.decode(Data(bytes))
    }

    private func assertThrows(_ bytes: [UInt8], _ expected: TextDecodingError,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decode(bytes), file: file, line: line) { error in
            XCTAssertEqual(error as? TextDecodingError, expected, file: file, line: line)
        }
    }

    private func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return littleEndian ? [low, high] : [high, low]
        }
    }

    // MARK: UTF-8

    func testUTF8() throws {
        let result = try decode(Array("\(title)\n一、总体情况\n".utf8))
        XCTAssertEqual(result.text, "\(title)\n一、总体情况\n")
        XCTAssertEqual(result.encoding, .utf8)
    }

    func testUTF8WithBOMStripsBOM() throws {
        let result = try decode([0xEF, 0xBB, 0xBF] + Array("\(title)\n".utf8))
        XCTAssertEqual(result.text, "\(title)\n")
        XCTAssertEqual(result.encoding, .utf8BOM)
    }

    func testRepeatedLeadingFEFFStripped() throws {
        let result = try decode([0xEF, 0xBB, 0xBF] + Array("\u{FEFF}\u{FEFF}标题\n".utf8))
        XCTAssertEqual(result.text, "标题\n")
        XCTAssertEqual(result.encoding, .utf8BOM)
        // U+FEFF later in the text is left alone.
        XCTAssertEqual(try decode(Array("标\u{FEFF}题".utf8)).text, "标\u{FEFF}题")
    }

    func testPureASCIIIsUTF8() throws {
        let result = try decode(Array("2023\t12\n".utf8))
        XCTAssertEqual(result.text, "2023\t12\n")
        XCTAssertEqual(result.encoding, .utf8)
    }

    // MARK: UTF-16

    func testUTF16LEWithBOM() throws {
        let result = try decode([0xFF, 0xFE] + utf16("\(title)\r\n一、总体情况", littleEndian: true))
        XCTAssertEqual(result.text, "\(title)\n一、总体情况")
        XCTAssertEqual(result.encoding, .utf16LE)
    }

    func testUTF16BEWithBOM() throws {
        let result = try decode([0xFE, 0xFF] + utf16("\(title)\n😀", littleEndian: false))
        XCTAssertEqual(result.text, "\(title)\n😀")
        XCTAssertEqual(result.encoding, .utf16BE)
    }

    func testUTF16LEWithoutBOM() throws {
        let result = try decode(utf16("\(title)\n一、本年新收政府信息公开申请数量\t23\t0\n", littleEndian: true))
        XCTAssertEqual(result.text, "\(title)\n一、本年新收政府信息公开申请数量\t23\t0\n")
        XCTAssertEqual(result.encoding, .utf16LE)
    }

    func testUTF16LEWithoutBOMMostlyChinese() throws {
        // 一 (U+4E00) and 开 (U+5F00) put NULs at even offsets too; few ASCII characters.
        let text = "一、政府信息公开工作开展情况。一是公开，二是开放，三是一体推进公开。\n"
        let result = try decode(utf16(text, littleEndian: true))
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.encoding, .utf16LE)
        let big = try decode(utf16(text, littleEndian: false))
        XCTAssertEqual(big.text, text)
        XCTAssertEqual(big.encoding, .utf16BE)
    }

    func testUTF16BEWithoutBOM() throws {
        let result = try decode(utf16("2023年 report\n", littleEndian: false))
        XCTAssertEqual(result.text, "2023年 report\n")
        XCTAssertEqual(result.encoding, .utf16BE)
    }

    func testUTF16WithBOMOddLengthIsUndecodable() {
        assertThrows([0xFF, 0xFE] + utf16("标题", littleEndian: true) + [0x41], .undecodable)
    }

    func testUTF16WithBOMUnpairedSurrogateIsUndecodable() {
        assertThrows([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], .undecodable)
    }

    func testUTF16BOMAloneIsEmpty() {
        assertThrows([0xFF, 0xFE], .empty)
    }

    // MARK: GB18030

    func testGB18030() throws {
        let text = "\(title)\n一、总体情况\n（一）主动公开\t规章\t13\n"
        let bytes = try XCTUnwrap(text.data(using: gb18030))
        XCTAssertNil(String(data: bytes, encoding: .utf8))
        let result = try TextDecoding.decode(bytes)
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.encoding, .gb18030)
    }

    func testGB18030FourByteSequencesAndCRLF() throws {
        let bytes = try XCTUnwrap("€ 𠀀 é\r\n统计\r".data(using: gb18030))
        let result = try TextDecoding.decode(bytes)
        XCTAssertEqual(result.text, "€ 𠀀 é\n统计\n")
        XCTAssertEqual(result.encoding, .gb18030)
    }

    func testGBKBytesWrittenByHand() throws {
        // 政府 in GBK: D5 FE B8 AE
        let result = try decode([0xD5, 0xFE, 0xB8, 0xAE, 0x0A])
        XCTAssertEqual(result.text, "政府\n")
        XCTAssertEqual(result.encoding, .gb18030)
    }

    func testControlBytesWithoutNULAreUndecodable() {
        assertThrows([0xD5, 0xFE, 0x01, 0x02, 0xB8, 0xAE], .undecodable)
    }

    func testTruncatedGB18030IsUndecodable() {
        assertThrows([0xD5, 0xFE, 0xB8], .undecodable)
    }

    // MARK: Line ends

    func testCRLFAndLoneCRBecomeLF() throws {
        let result = try decode(Array("第一行\r\n第二行\r第三行\n\r\n第五行\r\n".utf8))
        XCTAssertEqual(result.text, "第一行\n第二行\n第三行\n\n第五行\n")
        XCTAssertEqual(result.encoding, .utf8)
    }

    // MARK: Empty and binary

    func testZeroBytesIsEmpty() {
        assertThrows([], .empty)
    }

    func testWhitespaceOnlyIsEmpty() {
        assertThrows(Array(" \r\n\t\u{3000}\n".utf8), .empty)
        assertThrows([0xEF, 0xBB, 0xBF, 0x0A], .empty)
    }

    func testPDFIsBinary() {
        assertThrows(Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj\n".utf8), .binary)
    }

    func testZipAndDocxAreBinary() {
        assertThrows([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8), .binary)
    }

    func testImagesAreBinary() {
        assertThrows([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], .binary)
        assertThrows([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], .binary)
        assertThrows(Array("GIF89a".utf8) + [0x01, 0x00], .binary)
    }

    func testOldWordDocumentIsBinary() {
        assertThrows([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], .binary)
    }

    func testNULInUTF8TextIsBinary() {
        assertThrows(Array("政府信息\u{0}公开\u{0}年度报告 with more \u{0} and \u{0}".utf8), .binary)
    }

    func testStrayNULInLongUTF8TextIsBinary() {
        let text = String(repeating: "\(title)：本年新收政府信息公开申请23件。\n", count: 20)
        XCTAssertEqual(text.utf8.count % 2, 0)
        assertThrows(Array(text.utf8) + [0x00, 0x41] + Array(text.utf8), .binary)
    }

    func testRandomBytesAreBinary() {
        // A fixed linear congruential sequence: NUL bytes at both even and odd offsets.
        var state: UInt32 = 0x1234_5678
        let bytes: [UInt8] = (0..<4096).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 24)
        }
        XCTAssertGreaterThan(bytes.enumerated().filter { $0.offset % 2 == 0 && $0.element == 0 }.count, 2)
        XCTAssertGreaterThan(bytes.enumerated().filter { $0.offset % 2 == 1 && $0.element == 0 }.count, 2)
        assertThrows(bytes, .binary)
    }

    func testInvalidUTF8AfterBOMIsUndecodable() {
        assertThrows([0xEF, 0xBB, 0xBF, 0xD5, 0xFE, 0xC0], .undecodable)
    }
}
