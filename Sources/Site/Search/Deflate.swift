import CLibdeflate
import CZlib
import Foundation

/// zlib-format compression of the search documents, by libdeflate at its level 1: about twice as
/// fast as zlib's own level 1, for documents no larger (zlib's level 6 took 0.65 s more CPU at
/// 10,000 reports for 6 % smaller documents, its level 9 twice that for the same size). Browsers
/// read them back with `DecompressionStream("deflate")`; zlib reads them back here.
enum Deflate {
    static func compress(_ data: some ContiguousBytes, level: Int32 = 1) -> Data {
        Compressor(level: level).compress(data)
    }

    /// One libdeflate compressor for many inputs, with its output buffer: making a compressor
    /// costs about a tenth of compressing a search document. One per thread.
    final class Compressor {
        private let compressor: OpaquePointer
        private var buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

        init(level: Int32 = 1) {
            guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate: no compressor") }
            self.compressor = compressor
        }

        deinit {
            libdeflate_free_compressor(compressor)
            buffer.deallocate()
        }

        func compress(_ data: some ContiguousBytes) -> Data {
            data.withUnsafeBytes { src in
                let bound = libdeflate_zlib_compress_bound(compressor, src.count)
                if buffer.count < bound {
                    buffer.deallocate()
                    buffer = .allocate(byteCount: bound, alignment: 16)
                }
                let size = libdeflate_zlib_compress(compressor, src.baseAddress, src.count, buffer.baseAddress, bound)
                precondition(size > 0, "libdeflate: compression failed")
                return Data(bytes: buffer.baseAddress!, count: size)
            }
        }
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
