import Foundation

/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for the
/// cache's content hashes and the dependency keys of output files. FNV-1a, eight bytes at a time
/// (a build hashes every source file and the whole cache: byte by byte that was a tenth of a
/// rebuild); each step (xor, multiply by an odd number, xor-shift) is one-to-one, so two inputs
/// that differ in one word never meet at that step.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h ^= UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h &*= Self.prime
            h ^= h >> 29
            i += 8
        }
        while i < n {
            h ^= UInt64(bytes[i])
            h &*= Self.prime
            i += 1
        }
        value = h
    }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    /// Strings end with a separator byte, so ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt8(0xFF))
    }

    mutating func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { add($0) } }
    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    mutating func add(_ byte: UInt8) { withUnsafeBytes(of: byte) { add($0) } }

    static func of(_ data: Data) -> UInt64 {
        var h = StableHash()
        h.add(data)
        return h.value
    }

    static func of(_ parts: String...) -> UInt64 {
        var h = StableHash()
        for p in parts { h.add(p) }
        return h.value
    }
}
