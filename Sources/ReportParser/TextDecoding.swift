import Foundation

/// Why a report file could not be read as text.
public enum TextDecodingError: Error, Equatable {
    /// No bytes, or nothing but whitespace.
    case empty
    /// A PDF, a ZIP/DOCX, an image or another binary file (NUL bytes, not UTF-16).
    case binary
    /// Neither UTF-8, UTF-16 nor GB18030 yields plausible text.
    case undecodable
}

/// The encoding a report file was read in.
public enum TextEncoding: String, Sendable {
    case utf8, utf8BOM, utf16LE, utf16BE, gb18030
}

/// Turns the bytes of a report file into text. Reports arrive as UTF-8 (with or without
/// BOM), UTF-16 (Windows “Unicode” text, usually with BOM) or GBK/GB2312/GB18030.
///
/// Order of the checks:
/// 1. zero bytes → `.empty`;
/// 2. a known binary signature (PDF, ZIP/DOCX/XLSX, OLE2 .doc/.xls, images, gzip, RAR, 7z) → `.binary`;
/// 3. a BOM: UTF-8, UTF-16LE, UTF-16BE;
/// 4. UTF-16 without BOM, recognised by nearly every byte at one parity being a plausible high
///    half of a character, or by NUL bytes piling up at odd (LE) or even (BE) offsets;
/// 5. any other NUL byte → `.binary`;
/// 6. valid UTF-8;
/// 7. GB18030 (a superset of GBK and GB2312), accepted only when the bytes hold no control
///    characters other than tab, LF, CR and form feed and the decoder accepts them.
///
/// The text returned has no leading U+FEFF and only `\n` line ends (`\r\n` and lone `\r`
/// become `\n`). Text that is only whitespace throws `.empty`.
public enum TextDecoding {
    /// kCFStringEncodingGB_18030_2000 as a Foundation encoding (works in swift-corelibs-foundation).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) throws -> (text: String, encoding: TextEncoding) {
        let (raw, encoding): (String, TextEncoding) = try data.withUnsafeBytes { raw in
            try decodeRaw(raw.bindMemory(to: UInt8.self))
        }
        let text = cleaned(raw)
        if text.unicodeScalars.allSatisfy(isBlank) { throw TextDecodingError.empty }
        return (text, encoding)
    }

    // MARK: Detection

    private static func decodeRaw(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (String, TextEncoding) {
        if bytes.isEmpty { throw TextDecodingError.empty }
        if hasBinarySignature(bytes) { throw TextDecodingError.binary }

        if startsWith(bytes, [0xEF, 0xBB, 0xBF]) {
            let body = UnsafeBufferPointer(rebasing: bytes[3...])
            if body.contains(0) { throw TextDecodingError.binary }
            guard let text = utf8(body) else { throw TextDecodingError.undecodable }
            return (text, .utf8BOM)
        }
        if startsWith(bytes, [0xFF, 0xFE]) {
            guard let text = utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: true) else {
                throw TextDecodingError.undecodable
            }
            return (text, .utf16LE)
        }
        if startsWith(bytes, [0xFE, 0xFF]) {
            guard let text = utf16(UnsafeBufferPointer(rebasing: bytes[2...]), littleEndian: false) else {
                throw TextDecodingError.undecodable
            }
            return (text, .utf16BE)
        }

        // The profile only matters when a NUL is present; memchr finds out much faster.
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            let profile = ByteProfile(bytes)
            if let littleEndian = profile.utf16ByteOrder(count: bytes.count),
               let text = utf16(bytes, littleEndian: littleEndian) {
                return (text, littleEndian ? .utf16LE : .utf16BE)
            }
            throw TextDecodingError.binary
        }

        if let text = utf8(bytes) { return (text, .utf8) }

        guard !bytes.contains(where: isForbiddenControl),
              let text = String(data: Data(buffer: bytes), encoding: gb18030)
        else { throw TextDecodingError.undecodable }
        return (text, .gb18030)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    private static let binarySignatures: [[UInt8]] = [
        Array("%PDF-".utf8),
        [0x50, 0x4B, 0x03, 0x04],                           // ZIP, DOCX, XLSX, ODT
        [0x50, 0x4B, 0x05, 0x06],                           // empty ZIP
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],   // OLE2: .doc, .xls, .wps
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],   // PNG
        [0xFF, 0xD8, 0xFF],                                 // JPEG
        Array("GIF87a".utf8), Array("GIF89a".utf8),
        [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], // TIFF
        [0x1F, 0x8B],                                       // gzip
        Array("Rar!".utf8),
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],               // 7z
    ]

    private static func hasBinarySignature(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if binarySignatures.contains(where: { startsWith(bytes, $0) }) { return true }
        // RIFF....WEBP
        if bytes.count >= 12, startsWith(bytes, Array("RIFF".utf8)),
           Array(bytes[8..<12]) == Array("WEBP".utf8) { return true }
        return false
    }

    /// What UTF-16 without BOM looks like: the byte that holds each character's high half
    /// (odd offsets in LE, even in BE) is NUL for ASCII and, for Chinese text, one of a few
    /// values (see `isHighHalf`); the low halves are spread over all values.
    private struct ByteProfile {
        var evenNUL = 0, oddNUL = 0
        var evenHighHalf = 0, oddHighHalf = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = bytes.count
            while i + 1 < n {
                let a = bytes[i], b = bytes[i + 1]
                if a == 0 { evenNUL += 1 }
                if b == 0 { oddNUL += 1 }
                if Self.isHighHalf(a) { evenHighHalf += 1 }
                if Self.isHighHalf(b) { oddHighHalf += 1 }
                i += 2
            }
            if i < n, bytes[i] == 0 { evenNUL += 1 }
        }

        /// The high byte of a character a Chinese report plausibly holds: ASCII and Latin-1,
        /// pinyin (U+01xx), punctuation and symbols (U+20xx–U+27xx), CJK punctuation to CJK
        /// ideographs (U+30xx–U+9Fxx), surrogates, compatibility ideographs and full-width forms.
        private static func isHighHalf(_ b: UInt8) -> Bool {
            switch b {
            case 0x00, 0x01, 0x20...0x27, 0x30...0x9F, 0xD8...0xDF, 0xF9, 0xFA, 0xFE, 0xFF: return true
            default: return false
            }
        }

        /// The byte order of UTF-16 without BOM (true: little-endian), or nil when the bytes
        /// look like a binary file's. First: only one parity has (nearly) all its bytes
        /// plausible high halves — this holds for Chinese-heavy text, where 一 U+4E00 and
        /// 开 U+5F00 also put NULs at the other parity. Then: NULs piling up at one parity,
        /// at least one character in ten (ASCII-heavy text, where both parities may look
        /// plausible); a stray NUL or two in UTF-8 text does not make it UTF-16.
        func utf16ByteOrder(count: Int) -> Bool? {
            guard count % 2 == 0 else { return nil }
            let pairs = count / 2
            let little = oddHighHalf * 100 >= pairs * 95, big = evenHighHalf * 100 >= pairs * 95
            if little != big { return little }
            let high = max(evenNUL, oddNUL), low = min(evenNUL, oddNUL)
            if high * 10 >= pairs, low * 4 < high { return oddNUL > evenNUL }
            return nil
        }
    }

    // MARK: Decoders

    /// Strictly validated UTF-8, or nil.
    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Strictly validated UTF-16 (no unpaired surrogates), with no NUL or other control
    /// characters but tab, LF, CR and form feed; nil otherwise.
    private static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            let unit = littleEndian ? (b << 8 | a) : (a << 8 | b)
            if unit < 0x80, isForbiddenControl(UInt8(unit)) { return nil }
            units.append(unit)
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// C0 controls and DEL, except tab, LF, CR and form feed. In GB18030 a byte below 0x80
    /// is always an ASCII character (trail bytes are 0x30–0x39 or 0x40–0xFE), so such a
    /// byte means the file is not text.
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        default: return false
        }
    }

    // MARK: Clean-up

    /// Drops leading U+FEFF and turns `\r\n` and lone `\r` into `\n`.
    private static func cleaned(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" {
            text = String(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
        }
        // memchr: iterating the UTF-8 view to find out took longer than all of decoding.
        guard ByteSearch.contains(0x0D, in: text) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A, previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
    }
}
