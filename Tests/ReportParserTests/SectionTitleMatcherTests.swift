import Foundation
import TestSupport
import XCTest
@testable import ReportParser

/// `SectionTitleMatcher` must find exactly what `SectionHeading.titlePatterns` find.
final class SectionTitleMatcherTests: XCTestCase {
    /// Pieces of the patterns and of near misses; texts are made of a few of them.
    private let pieces = ["因", "政府信息公开", "行政复议", "行政诉讼", "的", "情况", "工作", "存在", "主要", "问题", "及", "和", "与",
                          "改进", "整改", "措施", "主动公开政府信息", "收到和处理", "收到与处理", "受理和处理", "政府信息公开申请",
                          "总体情况", "概述", "基本情况", "总体概况", "其他需要报告的事项", "其他需要报告事项", "其他事项",
                          "其他需要说明的事项", "其他需要", "。", "；", "，", ",", "及其", "等", "案件", "𠀀", "一二三四五六七八",
                          "行政", "复议", "诉讼", "问", "存"]

    private func regexLength(_ number: Int, _ text: String) -> Int? {
        guard let match = SectionHeading.titlePatterns[number]!.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)),
              match.range.length > 0 else { return nil }
        return text.matched(match.range).unicodeScalars.count
    }

    func testMatchesAsTheRegularExpressions() {
        var generator = SplitMix64(seed: 2026)   // the same texts on every run
        var texts = pieces.flatMap { a in pieces.map { b in a + b } }
        for _ in 0..<40_000 {
            let count = Int.random(in: 1...7, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        texts += ["因政府信息公开行政复议、行政诉讼情况", "行政复议和行政诉讼的情况", "政府信息公开行政复议、行政诉讼情况",
                  "因政府信息公开申请提起行政复议、提起行政诉讼情况", "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进措施",
                  "因政府信息公开引起的行政复议、行政诉讼情况", "主动公开政府信息的工作情况", "收到和处理政府信息公开申请的情况"]
        var matched = 0
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for number in 1...6 {
                let expected = regexLength(number, text)
                XCTAssertEqual(SectionTitleMatcher.length(number, in: scalars[...]), expected, "\(number) \(text)")
                if expected != nil { matched += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 1_000)
    }
}
