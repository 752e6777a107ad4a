import CZlib
import Foundation

/// zlib-format compression of the search documents, at level 1: at 10,000 reports level 6 took
/// 0.65 s more CPU for 6 % smaller documents (34.8 → 32.9 MB), level 9 twice that for the same
/// size. Browsers read them back with `DecompressionStream("deflate")`.
enum Deflate {
    static func compress(_ data: some ContiguousBytes, level: Int32 = 1) -> Data {
        data.withUnsafeBytes { src in compress(src, level: level) }
    }

    static func compress(_ src: UnsafeRawBufferPointer, level: Int32 = 1) -> Data {
        var bound = compressBound(uLong(src.count))
        var out = Data(count: Int(bound))
        let status = out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) -> Int32 in
            compress2(dst.baseAddress!.assumingMemoryBound(to: Bytef.self), &bound,
                      src.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(src.count), level)
        }
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        out.count = Int(bound)
        return out
    }

    static func decompress(_ data: Data, expectedSize: Int) -> Data? {
        var size = uLongf(expectedSize)
        var out = Data(count: expectedSize)
        let status = out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) -> Int32 in
            data.withUnsafeBytes { (src: UnsafeRawBufferPointer) -> Int32 in
                uncompress(dst.baseAddress!.assumingMemoryBound(to: Bytef.self), &size,
                           src.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(data.count))
            }
        }
        guard status == Z_OK else { return nil }
        out.count = Int(size)
        return out
    }
}
