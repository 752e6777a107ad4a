import Foundation
@testable import Site
import XCTest

/// `data/reports.json` made of new entries and entries copied from the last file by place.
final class OpenDataStreamTests: XCTestCase {
    func testCopiesRunsOfUnchangedEntriesAndRecordsEveryPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        func stream(_ name: String, previous: URL?, _ pieces: [(String, OpenDataStream.Piece)]) throws -> (Data, [String: OpenDataStream.Place]) {
            let url = folder.appendingPathComponent(name)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            let out = try OpenDataStream(try OutputSink.Appender(url), previous: previous)
            for (path, piece) in pieces { try out.append(piece, path: path) }
            try out.finish(unpublished: Data(#"{"u":1}"#.utf8))
            return (try Data(contentsOf: url), out.places)
        }
        let entries = [#"{"a":1}"#, #"{"bb":22}"#, #"{"c":"三"}"#, #"{"d":4}"#].map { Data($0.utf8) }
        let (first, places) = try stream("first.json", previous: nil, entries.enumerated().map { ("r\($0.offset)", .bytes($0.element)) })
        XCTAssertEqual(String(decoding: first, as: UTF8.self),
                       #"{"reports":[{"a":1},{"bb":22},{"c":"三"},{"d":4}],"schema":""# + OpenData.schemaVersion + #"","unpublished":[{"u":1}]}"# + "\n")
        for (i, entry) in entries.enumerated() {
            let place = try XCTUnwrap(places["r\(i)"])
            XCTAssertEqual(first.subdata(in: place.offset..<(place.offset + place.length)), entry)
        }

        // r1 changes, a new r9 comes first; r0, r2 and r3 are copied (r2 and r3 in one run).
        let changed = Data(#"{"bb":23}"#.utf8), added = Data(#"{"z":0}"#.utf8)
        let (second, newPlaces) = try stream("second.json", previous: folder.appendingPathComponent("first.json"), [
            ("r9", .bytes(added)), ("r0", .previous(places["r0"]!)), ("r1", .bytes(changed)),
            ("r2", .previous(places["r2"]!)), ("r3", .previous(places["r3"]!)),
        ])
        XCTAssertEqual(String(decoding: second, as: UTF8.self),
                       #"{"reports":[{"z":0},{"a":1},{"bb":23},{"c":"三"},{"d":4}],"schema":""# + OpenData.schemaVersion + #"","unpublished":[{"u":1}]}"# + "\n")
        for (path, entry) in [("r9", added), ("r0", entries[0]), ("r1", changed), ("r2", entries[2]), ("r3", entries[3])] {
            let place = try XCTUnwrap(newPlaces[path])
            XCTAssertEqual(second.subdata(in: place.offset..<(place.offset + place.length)), entry, path)
        }
    }
}
