import Foundation
import ReportModel

/// A compact, fast byte format for the build cache. The cache is read on every rebuild, and
/// Foundation's JSON and property-list coders are too slow for ten thousand reports.
struct BinaryWriter {
    /// Bytes, not `Data`: Data's append of a byte or a few goes through checks and copies that
    /// were a tenth of a one-change rebuild (the cache saves 40,000 output keys each time).
    private var bytes: [UInt8] = []

    var data: Data { Data(bytes) }

    mutating func int(_ value: Int) {
        // LEB128 of the zigzag form: small numbers, positive or negative, take one byte.
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8($0) }
    }

    /// A string's bytes, as `string(_:)` writes them.
    mutating func utf8(_ text: UnsafeBufferPointer<UInt8>) {
        int(text.count)
        bytes.append(contentsOf: text)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }

    /// A Decimal's own bytes: exact, whatever its scale.
    mutating func decimal(_ value: Decimal) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `BinaryWriter` wrote; a truncated or foreign file throws rather than crashes.
struct BinaryReader {
    struct Truncated: Error {}

    /// Keeps `data` alive: text read as `DeferredText` points into it.
    private let file: MappedFile
    private let data: UnsafeRawBufferPointer
    private var offset = 0

    init(_ data: Data) { self.init(file: MappedFile(copying: data)) }

    /// A file's bytes, mapped (`MappedFile`).
    init(contentsOf url: URL) throws { self.init(file: try MappedFile(contentsOf: url)) }

    private init(file: MappedFile) {
        self.file = file
        data = file.bytes
    }

    /// The size, time and inode of the file read (nil for bytes in memory).
    var stamp: FileStamp? { file.stamp }

    var atEnd: Bool { offset >= data.count }

    /// A bound on how many more items the data can hold (each takes a byte at least): for
    /// reserving room without trusting a count read from a damaged file.
    var remaining: Int { data.count - offset }


    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < data.count, shift < 64 else { throw Truncated() }
            let byte = data[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let v = Int64(bitPattern: result)
        return Int((v >> 1) ^ -(v & 1))
    }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= data.count else { throw Truncated() }
        let start = offset
        offset += 8
        return UInt64(littleEndian: data.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    /// `count` values written by `uint64(_:)`, copied at once (a table's cells: thousands of
    /// instructions per table one by one).
    mutating func uint64s(_ count: Int) throws -> [UInt64] {
        guard count >= 0, count <= (data.count - offset) / 8 else { throw Truncated() }
        let start = offset
        offset += count * 8
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, filled in
            if count > 0 {
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: data[start..<(start + count * 8)]))
                #if _endian(big)
                for i in 0..<count { buffer[i] = UInt64(littleEndian: buffer[i]) }
                #endif
            }
            filled = count
        }
    }

    mutating func bool() throws -> Bool {
        guard offset < data.count else { throw Truncated() }
        offset += 1
        return data[offset - 1] != 0
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= data.count else { throw Truncated() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: data[offset..<(offset + count)]), as: UTF8.self)
    }

    /// A string, or `candidate` itself when it has the same bytes: a String shared with another
    /// report (a section title, a region's name) costs no allocation and no UTF-8 check.
    mutating func string(reusing candidate: String?) throws -> String {
        guard var candidate else { return try string() }
        let count = try int()
        guard count >= 0, offset + count <= data.count else { throw Truncated() }
        defer { offset += count }
        let bytes = UnsafeRawBufferPointer(rebasing: data[offset..<(offset + count)])
        if candidate.utf8.count == count, count == 0 || candidate.withUTF8({ memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0 }) {
            return candidate
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A string left as its bytes until read (`DeferredText`): they stay in this reader's file,
    /// which the text keeps.
    mutating func deferredString() throws -> DeferredText {
        let count = try int()
        guard count >= 0, offset + count <= data.count else { throw Truncated() }
        defer { offset += count }
        let bytes = UnsafeBufferPointer(start: data.baseAddress.map { ($0 + offset).assumingMemoryBound(to: UInt8.self) }, count: count)
        return DeferredText(utf8: bytes, owner: file)
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func decimal() throws -> Decimal {
        let size = MemoryLayout<Decimal>.size
        guard offset + size <= data.count else { throw Truncated() }
        var value = Decimal()
        let start = offset
        withUnsafeMutableBytes(of: &value) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: data[start..<(start + size)]))
        }
        offset += size
        return value
    }
}
