import CLibdeflate
import CZlib
import Foundation

/// zlib-format compression of the search documents, by libdeflate at its level 1: about twice as
/// fast as zlib's own level 1, for documents no larger (zlib's level 6 took 0.65 s more CPU at
/// 10,000 reports for 6 % smaller documents, its level 9 twice that for the same size). Browsers
/// read them back with `DecompressionStream("deflate")`; zlib reads them back here.
enum Deflate {
    static func compress(_ data: some ContiguousBytes, level: Int32 = 1) -> Data {
        data.withUnsafeBytes { src in compress(src, level: level) }
    }

    static func compress(_ src: UnsafeRawBufferPointer, level: Int32 = 1) -> Data {
        guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate: no compressor") }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, src.count)
        var out = Data(count: bound)
        let size = out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) -> Int in
            libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, bound)
        }
        precondition(size > 0, "libdeflate: compression failed")
        out.count = size
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
