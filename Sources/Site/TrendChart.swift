import Foundation

/// An inline SVG line chart drawn at build time (no script), for trends over years.
///
/// - Responsive: `viewBox="0 0 640 H"` and `width="100%"`, no pixel size; H grows with the
///   legend (260, 280 or 300 for 1–2, 3–4, 5–6 series).
/// - Accessible: `role="img"`, `<title>` and `<desc>`, `aria-labelledby` naming both. Their ids are
///   `<id>-title`/`<id>-desc`; pass `id` when one page has charts with equal title and description,
///   else it is `trend-` plus an FNV-1a hash (8 hex digits) of title and description.
/// - X axis: the years as labels (every n-th when there are more than 12). Y axis: 0 (or a round
///   value below the least negative value) to a round maximum, 4–5 ticks of 1, 2, 2.5 or 5 × 10ⁿ;
///   whole-number data gets whole-number ticks.
/// - Series: at most 6 (more are not drawn). Each is a `<g class="series series-i">` with one
///   `<polyline>` per run of consecutive values (a missing value breaks the line and has no
///   marker; a lone value, e.g. a single year, is a marker only) and a `<circle>` per value.
///   Each series has its own colour and dash pattern, so it reads in greyscale too. Colours are
///   presentation attributes, so the theme's CSS (`.series-0` … `.series-5`) overrides them;
///   axis text and grid use `currentColor`.
/// - No data (no years, no series, or no value at all): a small SVG with the text 无数据.
/// - Coordinates have at most one decimal; the output depends on the input only.
public enum TrendChart {
    public struct Series: Sendable, Hashable {
        public var label: String
        public var values: [Decimal?]

        public init(label: String, values: [Decimal?]) {
            self.label = label
            self.values = values
        }
    }

    public static let maxSeries = 6
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    /// nil: solid.
    static let dashes: [String?] = [nil, "8 4", "2 3", "8 3 2 3", "14 4", "4 2 1 2 1 2"]

    // Geometry of the 640-wide view box.
    static let width = 640.0
    static let left = 56.0, right = 624.0, top = 20.0, bottom = 200.0
    /// Space between the y axis and the first/last year.
    static let inset = 24.0

    public static func svg(years: [Int], series: [Series], title: String, description: String, id: String? = nil) -> String {
        let chartID = id.map(sanitizedID) ?? defaultID(title: title, description: description)
        let series = Array(series.prefix(maxSeries))
        let values = series.map { s in years.indices.map { $0 < s.values.count ? s.values[$0] : nil } }
        let all = values.flatMap { $0 }.compactMap { $0 }
        let labelling = #"role="img" aria-labelledby="\#(chartID)-title \#(chartID)-desc""#
        let heading = "<title id=\"\(chartID)-title\">\(escape(title))</title>"
            + "<desc id=\"\(chartID)-desc\">\(escape(description))</desc>"

        guard !years.isEmpty, !all.isEmpty else {
            return #"<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 640 40" width="100%" \#(labelling)>"#
                + heading
                + #"<text x="320" y="25" text-anchor="middle" font-size="14" fill="currentColor">无数据</text></svg>"#
        }

        let axis = Axis(values: all)
        let legendRows = (series.count + 1) / 2
        let height = 240 + legendRows * 20
        func x(_ index: Int) -> Double {
            years.count == 1 ? (left + right) / 2
                : left + inset + Double(index) * (right - left - 2 * inset) / Double(years.count - 1)
        }
        func y(_ value: Decimal) -> Double {
            bottom - (value - axis.min).chartDouble / (axis.max - axis.min).chartDouble * (bottom - top)
        }

        // Written as bytes and made a string once: some thousand appends to a string were most
        // of a chart.
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func put(_ coordinate: Double) { appendCoordinate(coordinate, to: &out) }

        put(#"<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 640 \#(height)" width="100%" font-size="12" \#(labelling)>"#)
        put(heading)

        // Grid and y axis labels.
        put(#"<g class="axis y-axis" fill="currentColor">"#)
        for tick in axis.ticks {
            let ty = y(tick)
            put(#"<line x1=""#); put(left); put(#"" y1=""#); put(ty); put(#"" x2=""#); put(right); put(#"" y2=""#); put(ty)
            put(#"" stroke="currentColor" stroke-opacity="\#(tick == 0 ? "0.6" : "0.15")"/>"#)
            put(#"<text x=""#); put(left - 6); put(#"" y=""#); put(ty)
            put(#"" dy="0.32em" text-anchor="end">\#(HTML.format(tick))</text>"#)
        }
        put("</g>")

        // X axis labels.
        let every = (years.count + 11) / 12
        put(#"<g class="axis x-axis" fill="currentColor" text-anchor="middle">"#)
        for (index, year) in years.enumerated() where index % every == 0 {
            put(#"<text x=""#); put(x(index)); put(#"" y=""#); put(bottom + 18); put(#"">\#(year)</text>"#)
        }
        put("</g>")

        // Series.
        for (i, s) in series.enumerated() {
            let dash = dashes[i].map { #" stroke-dasharray="\#($0)""# } ?? ""
            put(#"<g class="series series-\#(i)" stroke="\#(colours[i])" fill="\#(colours[i])">"#)
            // Runs of consecutive values: a polyline each when they have two points or more.
            var runStart = 0
            func flush(_ end: Int) {
                if end - runStart >= 2 {
                    put(#"<polyline fill="none" stroke-width="2"\#(dash) points=""#)
                    for index in runStart..<end {
                        if index > runStart { out.append(UInt8(ascii: " ")) }
                        put(x(index)); out.append(UInt8(ascii: ",")); put(y(values[i][index]!))
                    }
                    put(#""/>"#)
                }
                runStart = end + 1
            }
            for (index, value) in values[i].enumerated() where value == nil { flush(index) }
            flush(values[i].count)
            // A point's title is the label, the year and the value: only the label may need escaping.
            let label = escape(s.label)
            for (index, value) in values[i].enumerated() {
                guard let value else { continue }
                put(#"<circle cx=""#); put(x(index)); put(#"" cy=""#); put(y(value)); put(#"" r="3"><title>"#)
                put(label); out.append(UInt8(ascii: " ")); put(String(years[index])); put("："); put(HTML.format(value))
                put("</title></circle>")
            }
            put("</g>")
        }

        // Legend: two columns under the plot.
        put(#"<g class="legend">"#)
        for (i, s) in series.enumerated() {
            let lx = i % 2 == 0 ? left : 340.0
            let ly = 240.0 + Double(i / 2) * 20
            let dash = dashes[i].map { #" stroke-dasharray="\#($0)""# } ?? ""
            put(#"<g class="series series-\#(i)" stroke="\#(colours[i])" fill="\#(colours[i])">"#)
            put(#"<line x1=""#); put(lx); put(#"" y1=""#); put(ly); put(#"" x2=""#); put(lx + 28); put(#"" y2=""#); put(ly)
            put(#"" stroke-width="2"\#(dash)/>"#)
            put(#"<circle cx=""#); put(lx + 14); put(#"" cy=""#); put(ly); put(#"" r="3"/></g>"#)
            put(#"<text x=""#); put(lx + 36); put(#"" y=""#); put(ly); put(#"" dy="0.32em" fill="currentColor">\#(escape(s.label))</text>"#)
        }
        put("</g></svg>")
        return String(decoding: out, as: UTF8.self)
    }

    /// The y axis: round ticks from `min` (0 unless values are negative) to `max`.
    struct Axis {
        var min: Decimal
        var max: Decimal
        var ticks: [Decimal]

        init(values: [Decimal]) {
            let low = Swift.min(0, values.min()!), high = Swift.max(0, values.max()!)
            let wholeNumbers = values.allSatisfy { $0 == $0.chartRounded() }
            let step = Self.niceStep(atLeast: (high - low) / 4, wholeNumbers: wholeNumbers)
            let lowSteps = (low / step).chartFloor
            var highSteps = (high / step).chartCeiling
            // At least three intervals (four ticks); all-zero data gets 0…3.
            while highSteps - lowSteps < 3 { highSteps += 1 }
            let first = lowSteps * step
            min = first
            max = highSteps * step
            ticks = stride(from: 0, through: Int((highSteps - lowSteps).chartDouble), by: 1).map { first + Decimal($0) * step }
        }

        /// The least of 1, 2, 2.5, 5 × 10ⁿ that is ≥ `raw` (1 for non-positive input); a whole
        /// number of at least 1 when `wholeNumbers`.
        static func niceStep(atLeast raw: Decimal, wholeNumbers: Bool = false) -> Decimal {
            guard raw > 0 else { return 1 }
            if wholeNumbers && raw <= 1 { return 1 }
            var power = Decimal(1)
            while power > raw { power /= 10 }
            while power * 10 <= raw { power *= 10 }
            // Now power ≤ raw < power × 10.
            for factor in [Decimal(1), 2, Decimal(string: "2.5")!, 5] where power * factor >= raw
                && !(wholeNumbers && power * factor != (power * factor).chartRounded()) {
                return power * factor
            }
            return power * 10
        }
    }

    /// `trend-` and the 32-bit FNV-1a hash of title and description, in hex.
    static func defaultID(title: String, description: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in Array(title.utf8) + [0] + Array(description.utf8) {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return "trend-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Letters, digits, `-` and `_` only; `trend` when nothing is left.
    static func sanitizedID(_ id: String) -> String {
        let kept = String(id.unicodeScalars.filter {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
        }.map(Character.init))
        return kept.isEmpty ? "trend" : kept
    }

    /// A coordinate with at most one decimal: `12`, `12.5`, `-0.5`.
    static func fmt(_ value: Double) -> String {
        var out: [UInt8] = []
        appendCoordinate(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fmt(value)`, appended as bytes.
    static func appendCoordinate(_ value: Double, to out: inout [UInt8]) {
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        if tenths < 0 { out.append(UInt8(ascii: "-")) }
        let whole = magnitude / 10
        var divisor = 1
        while divisor <= whole / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(whole / divisor % 10))
            divisor /= 10
        } while divisor > 0
        if magnitude % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// SVG is XML: the feed's escaping applies. Most text has nothing it would change, and
    /// then is kept as it is without the scalar-by-scalar rebuild.
    static func escape(_ text: String) -> String {
        needsXMLEscape(text) ? AtomFeed.escape(text) : text
    }

    /// Whether `AtomFeed.escape` would change `text`: one of `&<>"'`, a control character
    /// (U+0000–U+001F, U+007F–U+009F, which takes in tab and newlines) or U+FFFE/U+FFFF.
    static func needsXMLEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case 0x00...0x1F, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                     UInt8(ascii: "\""), UInt8(ascii: "'"):
                    return true
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):  // C1 controls
                    return true
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE:  // U+FFFE, U+FFFF
                    return true
                default:
                    continue
                }
            }
            return false
        }
    }

}

private extension Decimal {
    var chartDouble: Double { NSDecimalNumber(decimal: self).doubleValue }

    func chartRounded(_ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, mode)
        return result
    }

    var chartFloor: Decimal { chartRounded(.down) }
    var chartCeiling: Decimal { chartRounded(.up) }
}
