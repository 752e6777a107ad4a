import Foundation

/// Reads one cell's number. Counts are integers; amounts (万元) may carry decimals.
enum CellNumber {
    enum Reading: Equatable {
        case number(Decimal)
        /// A dash, slash or 无: the cell is visibly blank.
        case blank
        case notANumber
    }

    static let placeholders: Set<String> = ["-", "－", "—", "——", "–", "/", "／", "\\", "无", "空", "×", "/ ", "--"]
    static let units = ["万元", "元", "件", "个", "条", "项", "次", "%", "％"]

    static func read(_ raw: String) -> Reading {
        // Most cells are a short run of ASCII digits.
        if let value = shortDigitsValue(raw) {
            return .number(Decimal(value))
        }
        if startsAsLabel(raw) { return .notANumber }
        var text = fold(TextNormalizer.trim(raw))
        // No placeholder is longer than 6 bytes or has a canonically equivalent spelling, so
        // longer text (most labels) skips hashing.
        if text.isEmpty || (text.utf8.count <= 6 && placeholders.contains(text)) { return .blank }
        // A number starts with a digit or a sign (units and separators only go at its end or
        // inside), so anything else is no number; this settles most labels at once.
        guard let first = text.utf8.first, isASCIIDigit(first) || first == 0x2B || first == 0x2D else { return .notANumber }
        if let unit = unitSuffix(of: text) {
            text = TextNormalizer.trim(String(text.dropLast(unit.count)))
        }
        if ByteSearch.contains(0x2C, in: text) {
            // Thousands separators only: 1,234,567
            let groups = text.split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 || ($0.count > 3 && $0.dropFirst(3).first == ".") })
            else { return .notANumber }
            text.unicodeScalars.removeAll { $0 == "," }
        }
        guard isNumeral(text) else { return .notANumber }
        return Decimal(string: text, locale: posix).map(Reading.number) ?? .notANumber
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// One to nine ASCII digits: a number that `read` takes at once.
    @inline(__always)
    static func isShortDigits(_ raw: String) -> Bool {
        shortDigitsValue(raw) != nil
    }

    /// The value of one to nine ASCII digits (`Int(raw)`), read in the same pass over the bytes
    /// that checks them; nil for any other text.
    @inline(__always)
    static func shortDigitsValue(_ raw: String) -> Int? {
        raw.withUTF8Bytes { b in
            guard !b.isEmpty, b.count <= 9 else { return nil }
            var value = 0
            for byte in b {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
    }

    /// Whether `raw` starts with a CJK ideograph (U+4000–U+9FFF, lead byte E4–E9) other than
    /// 无 and 空, or with `（` (EF BC 88). Such a scalar is no space, sign or digit, `fold` keeps
    /// it, it has no canonical decomposition, and no placeholder starts with it, so the text
    /// reads as no number: most labels are settled here.
    private static func startsAsLabel(_ raw: String) -> Bool {
        var iterator = raw.utf8.makeIterator()
        guard let b0 = iterator.next(), b0 >= 0xE4,
              let b1 = iterator.next(), let b2 = iterator.next() else { return false }
        if b0 == 0xEF { return b1 == 0xBC && b2 == 0x88 }
        return b0 <= 0xE9 && !(b0 == 0xE6 && b1 == 0x97 && b2 == 0xA0) && !(b0 == 0xE7 && b1 == 0xA9 && b2 == 0xBA)
    }

    /// The first unit `text` ends in, leaving something before it.
    private static func unitSuffix(of text: String) -> String? {
        guard SimpleText.isSimple(text) else {
            return units.first { text.hasSuffix($0) && text.count > $0.count }
        }
        // Simple text: characters are scalars, so suffixes compare as bytes; the text has more
        // scalars than the unit when it has more bytes than the unit's and a scalar before it.
        return text.withUTF8Bytes { bytes in
            for (unit, unitBytes) in zip(units, unitBytes) where bytes.count > unitBytes.count {
                let start = bytes.count - unitBytes.count
                guard unitBytes.withUnsafeBufferPointer({ u in memcmp(bytes.baseAddress! + start, u.baseAddress!, u.count) == 0 }) else { continue }
                return unit
            }
            return nil
        }
    }

    private static let unitBytes = units.map { Array($0.utf8) }

    /// `[+-]?digits(.digits)?`, ASCII digits only. Any non-ASCII byte belongs to a Character
    /// that is neither ASCII nor a sign nor `.`, so a byte check decides.
    static func isNumeral(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == 0x2D || first == 0x2B { bytes = bytes.dropFirst() }
        var parts = 1
        var partLength = 0
        for b in bytes {
            if b == 0x2E {
                guard partLength > 0, parts == 1 else { return false }
                parts += 1
                partLength = 0
            } else if isASCIIDigit(b) {
                partLength += 1
            } else {
                return false
            }
        }
        return partLength > 0
    }

    /// The Character version of `isNumeral`, kept to document (and test) what it decides.
    static func isNumeralByCharacters(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Full-width digits and signs to ASCII.
    static func fold(_ text: String) -> String {
        guard mayFold(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF10...0xFF19: out.append(UInt8(s.value - 0xFEE0))
            case 0xFF0E: out.append(UInt8(ascii: "."))
            case 0xFF0C: out.append(UInt8(ascii: ","))
            case 0xFF0D, 0x2212: out.append(UInt8(ascii: "-"))
            case 0xFF0B: out.append(UInt8(ascii: "+"))
            default: UTF8.encode(s) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds a scalar `fold` changes, by its UTF-8: U+FF0B–U+FF0E are EF BC 8B–8E,
    /// U+FF10–U+FF19 are EF BC 90–99, U+2212 is E2 88 92. Full-width brackets (EF BC 88/89)
    /// in labels no longer make every label be rebuilt.
    static func mayFold(_ text: String) -> Bool {
        return text.withUTF8Bytes { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0xEF, b[i + 1] == 0xBC, (0x8B...0x8E).contains(b[i + 2]) || (0x90...0x99).contains(b[i + 2]) { return true }
                if b[i] == 0xE2, b[i + 1] == 0x88, b[i + 2] == 0x92 { return true }
                i += 1
            }
            return false
        }
    }

    @inline(__always)
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isDigit(_ c: Character) -> Bool {
        c.isASCII ? c.isNumber : ("０"..."９").contains(c)
    }
}
