/// An open-addressing hash map from `TokenKey` to a 32-bit value (a count, or a list number),
/// with linear probing and a multiplicative hash: much cheaper than a `Dictionary` for the
/// millions of lookups of indexing. It remembers its keys in insertion order and can be
/// emptied in time proportional to its size, so one table serves many documents.
///
/// A class over raw memory, so the hot loop pays no copy-on-write checks: each table has one
/// owner (one per thread) and is never shared.
final class TokenTable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<UInt32>
    /// Occupied slots, in insertion order; at most half the slots are ever occupied.
    private var occupied: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var size: Int
    private var shift: UInt64

    init(capacity: Int = 1024) {
        size = 16
        while size < capacity * 2 { size <<= 1 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        occupied = .allocate(capacity: size / 2)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        occupied.deallocate()
    }

    /// Occupied slots, in insertion order.
    var slots: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: occupied, count: count) }

    /// The slot of `key`, added with value 0 if it is new.
    @inline(__always)
    func slot(of key: TokenKey) -> Int {
        if count * 2 >= size - 2 { grow() }
        let mask = size - 1
        var i = Int(truncatingIfNeeded: (key.raw &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[i]
            if k == key.raw { return i }
            if k == 0 {
                keys[i] = key.raw
                occupied[count] = Int32(i)
                count += 1
                return i
            }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    subscript(slot slot: Int) -> UInt32 {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    @inline(__always)
    func key(atSlot slot: Int) -> TokenKey { TokenKey(raw: keys[slot]) }

    func removeAll() {
        for s in slots {
            keys[Int(s)] = 0
            values[Int(s)] = 0
        }
        count = 0
    }

    private func grow() {
        let old = slots.map { (keys[Int($0)], values[Int($0)]) }
        keys.deallocate()
        values.deallocate()
        occupied.deallocate()
        size *= 2
        shift -= 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        occupied = .allocate(capacity: size / 2)
        count = 0
        for (key, value) in old { self[slot: slot(of: TokenKey(raw: key))] = value }
    }
}
