/// An open-addressing hash map from `TokenKey` to a 32-bit value (a count, or a token number),
/// with linear probing and a multiplicative hash: much cheaper than a `Dictionary` for the
/// millions of lookups of indexing. It remembers its keys in insertion order and can be
/// emptied in time proportional to its size, so one table serves many documents.
struct TokenTable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var shift: UInt64
    /// Occupied slots, in insertion order.
    private(set) var slots: [Int32] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    var count: Int { slots.count }

    /// The slot of `key`, added with value 0 if it is new.
    @inline(__always)
    mutating func slot(of key: TokenKey) -> Int {
        if slots.count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key.raw &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[i]
            if k == key.raw { return i }
            if k == 0 {
                keys[i] = key.raw
                slots.append(Int32(i))
                return i
            }
            i = (i + 1) & mask
        }
    }

    /// The slot of `key`, or nil.
    func find(_ key: TokenKey) -> Int? {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key.raw &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[i] != 0 {
            if keys[i] == key.raw { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    @inline(__always)
    subscript(slot slot: Int) -> UInt32 {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    @inline(__always)
    func key(atSlot slot: Int) -> TokenKey { TokenKey(raw: keys[slot]) }

    mutating func removeAll() {
        for s in slots {
            keys[Int(s)] = 0
            values[Int(s)] = 0
        }
        slots.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let old = slots.map { (keys[Int($0)], values[Int($0)]) }
        self = TokenTable(capacity: keys.count)
        for (key, value) in old { self[slot: slot(of: TokenKey(raw: key))] = value }
    }
}
