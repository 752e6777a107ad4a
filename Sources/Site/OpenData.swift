import Foundation
import ReportModel

/// `data/reports.json`: the portal's open data in the stable schema `sitegen.reports/1`
/// (see DESIGN.md). Missing values are null, never 0.
///
/// The JSON is written by hand (`OpenDataEntryWriter`), byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` gives for the schema's `Encodable` model; the tests
/// hold it to that model (`OpenDataReference`). The encoder took most of the writers' time.
public struct OpenData {
    public static let schemaVersion = "sitegen.reports/1"

    let reports: [Report]
    /// Files that could not be published (unreadable, no agency or year, a duplicate), with
    /// whatever was read and their findings; `url` is empty.
    let unpublished: [Report]

    public init(reports: [Report], unpublished: [Report] = []) {
        self.reports = reports
        self.unpublished = unpublished
    }

    // The file written piece by piece: keys are sorted, so `reports` comes first, then
    // `schema`, then `unpublished`.
    static let prefix = #"{"reports":["#
    static let middle = #"],"schema":""# + schemaVersion + #"","unpublished":["#
    static let suffix = "]}\n"

    /// One report's entry, as it appears inside the `reports` array.
    static func entry(_ report: Report, published: Bool = true) throws -> Data {
        var writer = OpenDataEntryWriter()
        writer.write(report, published: published)
        return Data(writer.out)
    }

    /// The entries of `reports`, comma-separated.
    static func entries(_ reports: [Report], published: Bool) throws -> Data {
        var writer = OpenDataEntryWriter()
        for (i, report) in reports.enumerated() {
            if i > 0 { writer.out.append(UInt8(ascii: ",")) }
            writer.write(report, published: published)
        }
        return Data(writer.out)
    }

    /// A `report.json`: the open data of one published report.
    static func single(_ entry: Data) -> Data {
        var out = Data(prefix.utf8)
        out.append(entry)
        out.append(contentsOf: middle.utf8)
        out.append(contentsOf: suffix.utf8)
        return out
    }

    /// The entry inside a `report.json` written by `single`, or nil if the file is not one.
    static func entry(inSingle data: Data) -> Data? {
        let head = Data(prefix.utf8), tail = Data((middle + suffix).utf8)
        guard data.count > head.count + tail.count, data.starts(with: head), data.suffix(tail.count).elementsEqual(tail) else { return nil }
        return data.subdata(in: (data.startIndex + head.count)..<(data.endIndex - tail.count))
    }

    /// Deterministic JSON: sorted keys, no escaped slashes, a final line feed.
    public func json() throws -> Data {
        var out = Data(Self.prefix.utf8)
        out.append(try Self.entries(reports, published: true))
        out.append(contentsOf: Self.middle.utf8)
        out.append(try Self.entries(unpublished, published: false))
        out.append(contentsOf: Self.suffix.utf8)
        return out
    }
}
