extension SimpleText {
    /// `text.split(whereSeparator:)` at spaces (U+0020), and with `tabsAndIdeographicSpaces`
    /// also at tabs and U+3000, empty pieces left out; nil unless `text` is simple. In simple
    /// text each of these scalars is a Character of its own and no other Character equals one,
    /// so the cuts are made by bytes (20, 09, E3 80 80): splitting Characters compared every
    /// one of them as a string.
    static func words(_ text: String, tabsAndIdeographicSpaces wide: Bool) -> [String]? {
        guard isSimple(text) else { return nil }
        return text.withUTF8Bytes { b in
            var words: [String] = []
            var start = 0
            var i = 0
            func cut() {
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) }
            }
            while i < b.count {
                let width: Int
                if b[i] == 0x20 || (wide && b[i] == 0x09) {
                    width = 1
                } else if wide, b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                    width = 3
                } else {
                    i += 1
                    continue
                }
                cut()
                i += width
                start = i
            }
            cut()
            return words
        }
    }
}
