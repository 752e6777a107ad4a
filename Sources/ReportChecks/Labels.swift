import Foundation
import ReportModel

/// The words and numbers of the checker's messages.
enum Labels {
    static let numerals = ["一", "二", "三", "四", "五", "六"]

    /// The six section titles of the national template.
    static let sectionTitles = [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项",
    ]

    static func numeral(_ section: Int) -> String {
        numerals.indices.contains(section - 1) ? numerals[section - 1] : String(section)
    }

    static func sectionTitle(_ section: Int) -> String {
        sectionTitles.indices.contains(section - 1) ? sectionTitles[section - 1] : ""
    }

    static func circular(_ template: TemplateVersion) -> String {
        switch template {
        case .v2019: return "国办公开办函〔2019〕60号"
        case .v2021: return "国办公开办函〔2021〕30号"
        }
    }

    /// A row's template label; in section 三 without the explanatory parenthesis of （二）部分公开.
    static func row(_ row: TableShape.Row, in shape: TableShape) -> String {
        let label = row.label
        guard shape.name == "applications", label.hasPrefix("（"),
              let close = label.firstIndex(of: "）"),
              let note = label[close...].firstIndex(of: "（") else { return label }
        return String(label[..<note])
    }

    static func column(_ key: String, in shape: TableShape) -> String {
        shape.column(key)?.label ?? key
    }

    /// A number as written in a report: no trailing `.0`.
    static func number(_ value: Decimal) -> String { value.description }

    static func difference(_ a: Decimal, _ b: Decimal) -> String {
        number(a > b ? a - b : b - a)
    }
}
