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

    private let data: [UInt8]
    private var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    /// A file's bytes, read straight into the reader's array: through `Data` they were copied
    /// once more, 80 MB of copying and fresh pages in every rebuild at 10,000 reports.
    init(contentsOf url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0 else { throw CocoaError(.fileReadUnknown) }
        let size = Int(info.st_size)
        data = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else { throw CocoaError(.fileReadUnknown) }
                if n == 0 { break }  // the file shrank: what was read is read as truncated
                count += n
            }
        }
    }

    /// `StableHash` of all the bytes (not only those still to read).
    var digest: UInt64 {
        var h = StableHash()
        data.withUnsafeBytes { h.add($0) }
        return h.value
    }

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
        return UInt64(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: UInt64.self) })
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
        return data.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)]), as: UTF8.self) }
    }

    /// A string left as its bytes until read (`DeferredText`): they stay in this reader's buffer.
    mutating func deferredString() throws -> DeferredText {
        let count = try int()
        guard count >= 0, offset + count <= data.count else { throw Truncated() }
        defer { offset += count }
        return DeferredText(utf8: data[offset..<(offset + count)])
    }

    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws -> [String] {
        let count = try int()
        guard count >= 0, count <= data.count - offset else { throw Truncated() }
        return try (0..<count).map { _ in try string() }
    }

    mutating func decimal() throws -> Decimal {
        let size = MemoryLayout<Decimal>.size
        guard offset + size <= data.count else { throw Truncated() }
        var value = Decimal()
        let start = offset
        withUnsafeMutableBytes(of: &value) { target in
            data.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + size)]))
            }
        }
        offset += size
        return value
    }
}
