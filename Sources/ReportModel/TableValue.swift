import Foundation

/// One cell of a report table: its number (nil when missing or unplaceable) and where it was read.
public struct TableValue: Hashable, Sendable {
    public var number: Decimal?
    public var location: SourceLocation?

    public init(_ number: Decimal?, at location: SourceLocation? = nil) {
        self.number = number
        self.location = location
    }

    public static let missing = TableValue(nil)
}

/// A table of a report keyed like the open-data schema: row key → column key → value.
/// Every template row and column is present; a value that could not be read is `.missing`.
///
/// Every parsed report stays in memory for the cross-report pages, so the cells are kept packed
/// (`PackedCell`, 8 bytes, where a `TableValue` takes 56): the number's bytes when its digits
/// fit 16 bits, line and column in 32 bits, and the file name once per table. A value that does
/// not fit (a location in another file, a line or column beyond those bits, a wider number) is
/// kept whole in the table's overflow: every value reads back exactly as it was set. Equality and
/// hashing are by the values, not by how they are stored.
///
/// The file, overflow and cells share one copy-on-write buffer, one allocation as the array of
/// cells was, so a table (its shape and that reference) is no wider than before.
///
/// `@unchecked Sendable`: the buffer is a class, but it is only ever changed while this table
/// holds the sole reference to it (copy on write), like the standard library's collections.
public struct ReportTable: Hashable, @unchecked Sendable {
    public let shape: TableShape
    private var storage: TableStorage

    public init(shape: TableShape) {
        self.shape = shape
        storage = TableStorage.make(count: shape.cellCount)
    }

    public subscript(row: String, column: String) -> TableValue {
        get {
            guard let i = shape.position(row, column) else { return .missing }
            return storage.value(at: i)
        }
        set {
            guard let i = shape.position(row, column) else {
                preconditionFailure("no cell \(row).\(column) in \(shape.name)")
            }
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.set(newValue, at: i)
        }
    }

    /// `self[row, column].number`, without making the cell's location.
    public func number(_ row: String, _ column: String) -> Decimal? {
        guard let i = shape.position(row, column) else { return nil }
        return storage.number(at: i)
    }

    /// The cell at `position` (`TableShape.position(_:_:)`): for writers that walk a shape's cells
    /// in an order of their own and look each position up once per shape, not once per cell.
    public func value(at position: Int) -> TableValue { storage.value(at: position) }

    /// `value(at: position).number`, without making the cell's location.
    public func number(at position: Int) -> Decimal? { storage.number(at: position) }

    /// The cell at `position` as a whole number, if its bits tell (see `PackedCell.whole`).
    func whole(at position: Int) -> PackedCell.Whole { storage.whole(at: position) }

    /// The number at `position` in a form to hash: a packed number's bits (a number's bits are
    /// a function of it, its location is not in them), else the `Decimal`. Equal forms mean
    /// equal numbers. Hashing the bits spares a `Decimal` per cell for keys of every table.
    public enum NumberKey: Equatable {
        case missing
        case packed(UInt32)
        case decimal(Decimal)
    }

    public func numberKey(at position: Int) -> NumberKey { storage.numberKey(at: position) }

    /// Sets the cell at `position`: for readers of a table stored cell by cell in the shape's order.
    public mutating func set(_ value: TableValue, at position: Int) {
        precondition(position >= 0 && position < shape.cellCount, "no cell \(position) in \(shape.name)")
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.set(value, at: position)
    }

    /// The cells as kept: each cell's packed bits, the file of the packed locations and the cells
    /// kept whole. The build cache writes and reads this form: unpacking and packing every value
    /// again was most of the time it took to read ten thousand cached reports.
    public struct Stored: Sendable {
        public var file: String?
        public var cells: [UInt64]
        public var overflow: [(position: Int, value: TableValue)]

        public init(file: String?, cells: [UInt64], overflow: [(position: Int, value: TableValue)]) {
            self.file = file
            self.cells = cells
            self.overflow = overflow
        }
    }

    public var stored: Stored {
        let head = storage.head.pointee
        return Stored(file: head.file, cells: (0..<storage.count).map { storage.cells[$0].bits },
                      overflow: head.overflow.sorted { $0.key < $1.key }.map { (position: $0.key, value: $0.value) })
    }

    /// The table `stored` came from; nil when it does not fit `shape` (a damaged cache).
    public init?(shape: TableShape, stored: Stored) {
        let count = shape.cellCount
        guard stored.cells.count == count else { return nil }
        let storage = TableStorage.make(count: count)
        var overflowed = 0, located = false
        for (i, bits) in stored.cells.enumerated() {
            let cell = PackedCell(bits: bits)
            storage.cells[i] = cell
            if cell.isOverflow { overflowed += 1 }
            if cell.hasLocation { located = true }
        }
        var overflow: [Int: TableValue] = [:]
        for (position, value) in stored.overflow {
            guard position >= 0, position < count, storage.cells[position].isOverflow else { return nil }
            overflow[position] = value
        }
        guard overflow.count == overflowed, stored.file != nil || !located else { return nil }
        storage.head.pointee.file = stored.file
        storage.head.pointee.overflow = overflow
        self.shape = shape
        self.storage = storage
    }

    /// One row's cells, looked up by column key: the row is found once, not once per cell.
    public struct RowCells {
        let positions: [String: Int]
        let storage: TableStorage

        public subscript(column: String) -> TableValue? { positions[column].map { storage.value(at: $0) } }

        /// `self[column]?.number`, without making the cell's location.
        public func number(_ column: String) -> Decimal? { positions[column].flatMap { storage.number(at: $0) } }
    }

    public func cells(inRow key: String) -> RowCells? {
        shape.positions[key].map { RowCells(positions: $0, storage: storage) }
    }

    /// Row → column → value: every cell, by key (builds dictionaries: not for hot paths).
    public var values: [String: [String: TableValue]] {
        var out: [String: [String: TableValue]] = [:]
        for row in shape.rows {
            out[row.key] = Dictionary(uniqueKeysWithValues: row.columns.map { ($0, self[row.key, $0]) })
        }
        return out
    }

    public var isEmpty: Bool { storage.isEmpty }

    /// How many cells are kept whole, not packed (for tests).
    var overflowCount: Int { storage.head.pointee.overflow.count }

    // MARK: Equality by value

    public static func == (a: ReportTable, b: ReportTable) -> Bool {
        a.shape == b.shape && (a.storage === b.storage || a.storage.equals(b.storage))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(shape)
        storage.hash(into: &hasher)
    }
}

/// What a table's cells share: their count, the file of their packed locations, the overflow.
struct TableHeader {
    let count: Int
    /// The file of the packed cells' locations: that of the first location set.
    var file: String?
    /// Position → value, for the cells marked `PackedCell.overflow`.
    var overflow: [Int: TableValue] = [:]
}

/// The buffer of a `ReportTable`. Changed only while uniquely referenced (copy on write).
/// Its cells are plain bits: nothing to deinitialize.
final class TableStorage: ManagedBuffer<TableHeader, PackedCell> {
    static func make(count: Int) -> TableStorage {
        let storage = create(minimumCapacity: count) { _ in TableHeader(count: count) } as! TableStorage
        storage.cells.initialize(repeating: .missing, count: count)
        return storage
    }

    /// The header and the cells, for as long as this buffer lives (read in its methods, and by
    /// a table that holds it): no closure per access.
    var head: UnsafeMutablePointer<TableHeader> { withUnsafeMutablePointerToHeader { $0 } }
    var cells: UnsafeMutablePointer<PackedCell> { withUnsafeMutablePointerToElements { $0 } }

    var count: Int { head.pointee.count }

    func copy() -> TableStorage {
        let count = self.count
        let new = TableStorage.create(minimumCapacity: count) { _ in head.pointee } as! TableStorage
        new.cells.initialize(from: cells, count: count)
        return new
    }

    func cell(_ position: Int) -> PackedCell {
        precondition(position >= 0 && position < count, "cell position out of range")
        return cells[position]
    }

    func value(at position: Int) -> TableValue {
        let cell = cell(position)
        if cell.isOverflow { return head.pointee.overflow[position]! }
        let location = cell.hasLocation ? SourceLocation(file: head.pointee.file!, line: cell.line, column: cell.column) : nil
        return TableValue(cell.decimal, at: location)
    }

    func number(at position: Int) -> Decimal? {
        let cell = cell(position)
        if cell.isOverflow { return head.pointee.overflow[position]!.number }
        return cell.decimal
    }

    func numberKey(at position: Int) -> ReportTable.NumberKey {
        let cell = cell(position)
        if cell.isOverflow { return head.pointee.overflow[position]!.number.map { .decimal($0) } ?? .missing }
        return cell.hasNumber ? .packed(cell.number) : .missing
    }

    /// The cell read as a whole number (see `PackedCell.whole`).
    func whole(at position: Int) -> PackedCell.Whole {
        let cell = cell(position)
        return cell.isOverflow ? .unknown : cell.whole
    }

    func set(_ value: TableValue, at position: Int) {
        precondition(position >= 0 && position < count, "cell position out of range")
        let head = self.head
        if head.pointee.file == nil, let location = value.location { head.pointee.file = location.file }
        if let packed = PackedCell(value, file: head.pointee.file) {
            cells[position] = packed
            if !head.pointee.overflow.isEmpty { head.pointee.overflow[position] = nil }
        } else {
            cells[position] = .overflow
            head.pointee.overflow[position] = value
        }
    }

    var isEmpty: Bool {
        for i in 0..<count where cells[i].hasNumber || (cells[i].isOverflow && head.pointee.overflow[i]!.number != nil) {
            return false
        }
        return true
    }

    func equals(_ other: TableStorage) -> Bool {
        guard count == other.count else { return false }
        let count = self.count, a = cells, b = other.cells
        // The same bits are the same values when the packed locations share one file name.
        if head.pointee.overflow.isEmpty, other.head.pointee.overflow.isEmpty, (0..<count).allSatisfy({ a[$0] == b[$0] }),
           head.pointee.file == other.head.pointee.file || !(0..<count).contains(where: { a[$0].hasLocation }) {
            return true
        }
        for i in 0..<count where value(at: i) != other.value(at: i) { return false }
        return true
    }

    func hash(into hasher: inout Hasher) {
        for i in 0..<count { hasher.combine(value(at: i)) }
    }
}

/// One cell of a `ReportTable`, packed into 8 bytes; what does not fit is in the table's overflow.
///
/// `number` holds a number's `Decimal` (20 bytes, five 32-bit words) when words 2–4 and the
/// upper halves of words 0 and 1 are zero: the lower halves are kept, which are the exponent,
/// length and flags, and the mantissa's low 16 bits. That is every number whose mantissa (its
/// digits without the point) is below 65,536, negatives and fractions too (`-3`, `12.5`,
/// `0.001`). The words are copied as they are, not rebuilt from the value, so the number reads
/// back bit for bit. Two values of `number` are no number: `noNumber` (the cell is missing) and
/// `overflowed` (the cell's value is in the overflow).
///
/// `place` is 0 when the cell has no location, else `line << 12 | column` plus 1, for a line
/// below 1,048,575 and a column below 4,096 in the table's file.
struct PackedCell: Equatable, Sendable {
    var number: UInt32
    var place: UInt32

    static let noNumber: UInt32 = 0xFFFF_FFFF
    static let overflowed: UInt32 = 0xFFFF_FFFE
    static let lineLimit = (1 << 20) - 1
    static let columnBits: UInt32 = 12
    static let columnLimit = 1 << 12

    static let missing = PackedCell(number: noNumber, place: 0)
    /// The mark of a cell whose value is in the overflow.
    static let overflow = PackedCell(number: overflowed, place: 0)

    private init(number: UInt32, place: UInt32) {
        self.number = number
        self.place = place
    }

    /// `value` packed, or nil when packing would lose something of it.
    init?(_ value: borrowing TableValue, file: borrowing String?) {
        number = Self.noNumber
        place = 0
        if let decimal = value.number {
            guard let packed = Self.pack(decimal) else { return nil }
            number = packed
        }
        // The location's parts are read where they are: binding the location (or the file)
        // copied it, a retain and release per cell.
        if value.location != nil {
            let line = value.location!.line, column = value.location!.column
            guard file != nil, Self.sameBytes(value.location!.file, file!),
                  line >= 0, line < Self.lineLimit, column >= 0, column < Self.columnLimit
            else { return nil }
            place = (UInt32(line) << Self.columnBits | UInt32(column)) + 1
        }
    }

    /// Both fields in one word, for the build cache (`ReportTable.Stored`).
    var bits: UInt64 { UInt64(number) | UInt64(place) << 32 }

    init(bits: UInt64) {
        number = UInt32(truncatingIfNeeded: bits)
        place = UInt32(truncatingIfNeeded: bits >> 32)
    }

    var isOverflow: Bool { number == Self.overflowed }
    /// Set for a number in `number`: not for a missing one, nor for an overflowed cell.
    var hasNumber: Bool { number < Self.overflowed }
    var hasLocation: Bool { place != 0 }
    var line: Int { Int((place - 1) >> Self.columnBits) }
    var column: Int { Int((place - 1) & (UInt32(Self.columnLimit) - 1)) }

    var decimal: Decimal? { hasNumber ? Self.unpack(number) : nil }

    enum Whole: Equatable {
        case missing
        case value(Int)
        /// Not read from the bits: a fraction, or a form of `Decimal` `wholeMarks` does not know.
        case unknown
    }

    /// The number as a whole number read straight from the packed bits, for sums that need
    /// no `Decimal` arithmetic: `.missing` for no number, `.value` for zero and for a mantissa
    /// times 10⁰…10⁴ in the form `Decimal(Int)` and `Decimal(string:)` give whole numbers.
    var whole: Whole {
        guard hasNumber else { return .missing }
        let low = number & 0xFFFF, mantissa = Int(number >> 16)
        if low == 0 { return mantissa == 0 ? .value(0) : .unknown }
        guard let marks = Self.wholeMarks, low & 0xFF < 5 else { return .unknown }
        let magnitude = mantissa * Self.powersOfTen[Int(low & 0xFF)]
        switch low & 0xFF00 {
        case marks.positive: return .value(magnitude)
        case marks.negative: return .value(-magnitude)
        default: return .unknown
        }
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000]

    /// The flag bits (above the exponent byte) of a positive and of a negative whole number,
    /// taken from `Decimal` itself and kept only if they read back a set of samples exactly;
    /// nil (nothing read from the bits) otherwise.
    private static let wholeMarks: (positive: UInt32, negative: UInt32)? = {
        guard let one = pack(Decimal(1)), let minusOne = pack(Decimal(-1)) else { return nil }
        let marks = (positive: one & 0xFF00, negative: minusOne & 0xFF00)
        guard marks.positive != marks.negative else { return nil }
        let posix = Locale(identifier: "en_US_POSIX")
        for sample in [0, 1, 7, 10, 100, 1_000, 10_000, 65_535, 655_350, 6_553_500, -3, -20, -65_535, 120_000] {
            for decimal in [Decimal(sample), Decimal(string: String(sample), locale: posix)!] {
                guard let bits = pack(decimal) else { continue }
                let cell = PackedCell(number: bits, place: 0)
                let low = bits & 0xFFFF, mantissa = Int(bits >> 16)
                let read: Int? = low == 0 ? (mantissa == 0 ? 0 : nil)
                    : low & 0xFF >= 5 ? nil
                    : low & 0xFF00 == marks.positive ? mantissa * powersOfTen[Int(low & 0xFF)]
                    : low & 0xFF00 == marks.negative ? -mantissa * powersOfTen[Int(low & 0xFF)] : nil
                guard cell.hasNumber, read == sample else { return nil }
            }
        }
        return marks
    }()

    private typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Decimal is five words on every platform Swift runs on; where not, nothing is packed.
    private static var packable: Bool { MemoryLayout<Decimal>.size == MemoryLayout<Words>.size }

    private static func unpack(_ packed: UInt32) -> Decimal {
        unsafeBitCast((packed & 0xFFFF, packed >> 16, 0, 0, 0) as Words, to: Decimal.self)
    }

    private static func pack(_ decimal: Decimal) -> UInt32? {
        guard packable else { return nil }
        let w = unsafeBitCast(decimal, to: Words.self)
        guard w.0 >> 16 == 0, w.1 >> 16 == 0, w.2 == 0, w.3 == 0, w.4 == 0 else { return nil }
        let packed = w.0 | w.1 << 16
        return packed < overflowed ? packed : nil
    }

    /// Byte for byte, not `==`: canonically equivalent names are equal Strings with other bytes.
    private static func sameBytes(_ a: borrowing String, _ b: borrowing String) -> Bool {
        let same = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
        return same.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }
}
