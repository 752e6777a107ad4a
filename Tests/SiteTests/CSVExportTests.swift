import Foundation
import ReportModel
@testable import Site
import XCTest

final class CSVExportTests: XCTestCase {
    /// A 2019-template report (year 2020) whose agency starts with `=`, and a 2021-template one.
    func reports() -> [Report] {
        var old = Report(source: "reports/a.txt", title: "2020年报告", agency: "=SUM(A1)", agencySlug: "a",
                         region: ["威海市", "环翠区"], year: 2020, template: .v2019)
        old.activeDisclosure["regulations", "made"] = TableValue(1)
        old.activeDisclosure["licensing", "decisions"] = TableValue(7)
        old.activeDisclosure["fees", "change"] = TableValue(-3)
        old.activeDisclosure["procurement", "amount"] = TableValue(Decimal(string: "12.50")!)
        old.applications["newlyReceived", "total"] = TableValue(10)
        old.applications["other", "total"] = TableValue(2)
        old.reviewLitigation["review", "upheld"] = TableValue(1)
        old.reviewLitigation["review", "total"] = TableValue(1)

        var new = Report(source: "reports/b.txt", title: "2023年报告", agency: "威海市\"科技\"局, 办公室",
                         agencySlug: "b", region: ["威海市"], year: 2023, template: .v2021)
        new.activeDisclosure["regulations", "issued"] = .missing // a null cell
        new.activeDisclosure["regulations", "repealed"] = TableValue(0)
        new.activeDisclosure["licensing", "decisions"] = TableValue(4)
        new.activeDisclosure["fees", "amount"] = TableValue(Decimal(string: "0.75")!)
        new.applications["granted", "total"] = TableValue(5)
        new.applications["other.other", "total"] = TableValue(1)
        new.reviewLitigation["litigationAfterReview", "pending"] = TableValue(2)
        return [old, new]
    }

    func text(_ data: Data) throws -> String {
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        return try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
    }

    func lines(_ data: Data) throws -> [String] {
        let text = try text(data)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        // Every line feed is part of a CRLF.
        XCTAssertEqual(text.utf8.filter { $0 == 0x0A }.count, text.components(separatedBy: "\r\n").count - 1)
        return text.components(separatedBy: "\r\n").dropLast()
    }

    func testActiveDisclosureHeaderAndRows() throws {
        let lines = try lines(CSVExport.activeDisclosure(reports()))
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], "id,agency,agencySlug,region,year,template,"
            + "regulations.issued,regulations.repealed,regulations.inForce,"
            + "normativeDocuments.issued,normativeDocuments.repealed,normativeDocuments.inForce,"
            + "licensing.decisions,punishment.decisions,coercion.decisions,fees.amount,"
            + "regulations.made,regulations.published,regulations.total,"
            + "normativeDocuments.made,normativeDocuments.published,normativeDocuments.total,"
            + "licensing.previous,licensing.change,"
            + "otherServices.previous,otherServices.change,otherServices.decisions,"
            + "punishment.previous,punishment.change,coercion.previous,coercion.change,"
            + "fees.previous,fees.change,procurement.projects,procurement.amount")
        XCTAssertEqual(lines[1], "a/2020,'=SUM(A1),a,威海市 › 环翠区,2020,2019,"
            + ",,,,,,7,,,,"
            + "1,,,,,,,,,,,,,,,,-3,,12.5")
        XCTAssertEqual(lines[2], "b/2023,\"威海市\"\"科技\"\"局, 办公室\",b,威海市,2023,2021,"
            + ",0,,,,,4,,,0.75,"
            + ",,,,,,,,,,,,,,,,,,")
        for line in lines.dropFirst() {
            XCTAssertEqual(fields(line).count, 35, line)
        }
    }

    func testApplicationsColumnsAreTheUnionOfBothTemplates() throws {
        let lines = try lines(CSVExport.applications(reports()))
        let rows2021 = ["newlyReceived", "carriedOver", "granted", "partiallyGranted",
                        "denied.stateSecret", "denied.prohibitedByLaw", "denied.safetyStability",
                        "denied.thirdPartyRights", "denied.internalAffairs", "denied.processInformation",
                        "denied.enforcementFiles", "denied.administrativeQuery",
                        "unavailable.notHeld", "unavailable.needsCreation", "unavailable.unclear",
                        "notProcessed.complaint", "notProcessed.repeated", "notProcessed.publication",
                        "notProcessed.excessive", "notProcessed.confirmation",
                        "other.noCorrection", "other.feeUnpaid", "other.other",
                        "totalHandled", "carriedForward"]
        let columns = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"]
        let cells = (rows2021 + ["other"]).flatMap { row in columns.map { "\(row).\($0)" } }
        XCTAssertEqual(lines[0], (["id", "agency", "agencySlug", "region", "year", "template"] + cells).joined(separator: ","))
        XCTAssertEqual(Set(cells).count, cells.count, "column names are unique")

        func value(_ line: String, _ column: String) -> String {
            fields(line)[6 + cells.firstIndex(of: column)!]
        }
        XCTAssertEqual(fields(lines[1]).count, 6 + cells.count)
        XCTAssertEqual(value(lines[1], "newlyReceived.total"), "10")
        XCTAssertEqual(value(lines[1], "other.total"), "2")
        XCTAssertEqual(value(lines[1], "other.other.total"), "", "not in the 2019 template")
        XCTAssertEqual(value(lines[1], "granted.total"), "", "missing")
        XCTAssertEqual(value(lines[2], "granted.total"), "5")
        XCTAssertEqual(value(lines[2], "other.other.total"), "1")
        XCTAssertEqual(value(lines[2], "other.total"), "", "not in the 2021 template")
    }

    func testReviewLitigation() throws {
        let lines = try lines(CSVExport.reviewLitigation(reports()))
        XCTAssertEqual(lines, [
            "id,agency,agencySlug,region,year,template,"
                + "review.upheld,review.corrected,review.other,review.pending,review.total,"
                + "litigationDirect.upheld,litigationDirect.corrected,litigationDirect.other,"
                + "litigationDirect.pending,litigationDirect.total,"
                + "litigationAfterReview.upheld,litigationAfterReview.corrected,litigationAfterReview.other,"
                + "litigationAfterReview.pending,litigationAfterReview.total",
            "a/2020,'=SUM(A1),a,威海市 › 环翠区,2020,2019,1,,,,1,,,,,,,,,,",
            "b/2023,\"威海市\"\"科技\"\"局, 办公室\",b,威海市,2023,2021,,,,,,,,,,,,,,2,",
        ])
    }

    func testBOMAndCRLFBytes() throws {
        let data = CSVExport.reviewLitigation([])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(Array(data.suffix(2)), [0x0D, 0x0A])
        XCTAssertEqual(try text(data).components(separatedBy: "\r\n").count, 2, "header only")
    }

    func testTextFieldsAreNeutralisedAndQuoted() {
        XCTAssertEqual(CSVExport.text("=1+1"), "'=1+1")
        XCTAssertEqual(CSVExport.text("+86"), "'+86")
        XCTAssertEqual(CSVExport.text("-x"), "'-x")
        XCTAssertEqual(CSVExport.text("@cmd"), "'@cmd")
        XCTAssertEqual(CSVExport.text("\tx"), "'\tx")
        XCTAssertEqual(CSVExport.text("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVExport.text("a\r\nb"), "\"a\r\nb\"")
        XCTAssertEqual(CSVExport.text("a\nb"), "\"a\nb\"")
        XCTAssertEqual(CSVExport.text("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVExport.text("威海市科学技术局"), "威海市科学技术局")
        // Bidi controls go, and cannot hide a leading `=`.
        XCTAssertEqual(CSVExport.text("\u{202E}=cmd\u{2066}x\u{2069}"), "'=cmdx")
        XCTAssertEqual(CSVExport.text("a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{2067}f\u{2068}g"), "abcdefg")
    }

    func testNegativeNumbersAreNotTreatedAsFormulas() throws {
        var r = Report(source: "reports/a.txt", title: "t", agency: "局", agencySlug: "a",
                       region: ["威海市"], year: 2020, template: .v2019)
        r.activeDisclosure["licensing", "change"] = TableValue(-2)
        let text = try text(CSVExport.activeDisclosure([r]))
        XCTAssertTrue(text.contains(",-2,"))
        XCTAssertFalse(text.contains("'-2"))
    }

    func testDeterministic() {
        XCTAssertEqual(CSVExport.applications(reports()), CSVExport.applications(reports()))
    }

    /// Splits one CSV record (no embedded newlines in these tests).
    func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { current.append("\""); chars.removeFirst() } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current); current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
