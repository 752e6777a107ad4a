import CSystem

/// An open-addressing hash map from `TokenKey` to a 32-bit value (a count, or a list number),
/// with linear probing and a multiplicative hash: much cheaper than a `Dictionary` for the
/// millions of lookups of indexing. It remembers its keys in insertion order and can be
/// emptied in time proportional to its size, so one table serves many documents.
///
/// A class over raw memory reached through a constant pointer, so the hot loop pays neither
/// copy-on-write nor dynamic exclusivity checks: each table has one owner (one per thread).
final class TokenTable {
    private struct Storage {
        var keys: UnsafeMutablePointer<UInt64>
        var values: UnsafeMutablePointer<UInt32>
        /// Occupied slots, in insertion order; at most half the slots are ever occupied.
        var occupied: UnsafeMutablePointer<Int32>
        var count = 0
        /// The count at which the table grows before its next insertion: half the slots, less one.
        var limit: Int
        var size: Int
        var shift: UInt64

        init(capacity: Int) {
            size = 16
            while size < capacity * 2 { size <<= 1 }
            limit = size / 2 - 1
            shift = UInt64(64 - size.trailingZeroBitCount)
            keys = .allocate(capacity: size)
            keys.initialize(repeating: 0, count: size)
            values = .allocate(capacity: size)
            values.initialize(repeating: 0, count: size)
            occupied = .allocate(capacity: size / 2)
        }

        func deallocate() {
            keys.deallocate()
            values.deallocate()
            occupied.deallocate()
        }
    }

    private let storage: UnsafeMutablePointer<Storage>

    init(capacity: Int = 1024) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(capacity: capacity))
    }

    deinit {
        storage.pointee.deallocate()
        storage.deallocate()
    }

    var count: Int { storage.pointee.count }

    /// Occupied slots, in insertion order.
    var slots: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: storage.pointee.occupied, count: storage.pointee.count) }

    /// The slot of `key`, added with value 0 if it is new.
    @inline(__always)
    func slot(of key: TokenKey) -> Int {
        let keys = storage.pointee.keys
        let mask = storage.pointee.size &- 1
        var i = Int(truncatingIfNeeded: (key.raw &* 0x9E37_79B9_7F4A_7C15) &>> storage.pointee.shift)
        while true {
            let k = keys[i]
            if k == key.raw { return i }
            if k == 0 { return insert(key, at: i) }
            i = (i &+ 1) & mask
        }
    }

    /// Adds one to the value of `key` (0 if it is new): `self[slot: slot(of: key)] += 1`.
    @inline(__always)
    func increment(_ key: TokenKey) {
        let keys = storage.pointee.keys
        let mask = storage.pointee.size &- 1
        var i = Int(truncatingIfNeeded: (key.raw &* 0x9E37_79B9_7F4A_7C15) &>> storage.pointee.shift)
        while true {
            let k = keys[i]
            if k == key.raw { break }
            if k == 0 {
                i = insert(key, at: i)
                break
            }
            i = (i &+ 1) & mask
        }
        storage.pointee.values[i] &+= 1
    }

    /// Puts new `key` in the empty slot `i`, or, when the table is full, grows it first; the slot.
    @inline(__always)
    private func insert(_ key: TokenKey, at i: Int) -> Int {
        if storage.pointee.count >= storage.pointee.limit { return growAndInsert(key) }
        storage.pointee.keys[i] = key.raw
        storage.pointee.occupied[storage.pointee.count] = Int32(truncatingIfNeeded: i)
        storage.pointee.count &+= 1
        return i
    }

    @inline(__always)
    subscript(slot slot: Int) -> UInt32 {
        get { storage.pointee.values[slot] }
        set { storage.pointee.values[slot] = newValue }
    }

    @inline(__always)
    func key(atSlot slot: Int) -> TokenKey { TokenKey(raw: storage.pointee.keys[slot]) }

    func removeAll() { removeAll { _, _ in } }

    /// Empties the table, handing over each key and its value in insertion order: one pass over
    /// the slots where reading them and then `removeAll()` would take two.
    @inline(__always)
    func removeAll(_ body: (TokenKey, UInt32) -> Void) {
        let keys = storage.pointee.keys, values = storage.pointee.values
        for s in slots {
            body(TokenKey(raw: keys[Int(s)]), values[Int(s)])
            keys[Int(s)] = 0
            values[Int(s)] = 0
        }
        storage.pointee.count = 0
    }

    /// Out of line, so that `slot(of:)` is not recursive and inlines into the hot loops.
    @inline(never)
    private func growAndInsert(_ key: TokenKey) -> Int {
        grow()
        return slot(of: key)
    }

    private func grow() {
        let old = storage.pointee
        storage.pointee = Storage(capacity: old.size)
        for s in UnsafeBufferPointer(start: old.occupied, count: old.count) {
            self[slot: slot(of: TokenKey(raw: old.keys[Int(s)]))] = old.values[Int(s)]
        }
        old.deallocate()
    }
}

extension TokenTable {
    /// The table's arrays held in locals, for a loop over many tokens: through the table itself
    /// each token reloads them (the compiler cannot tell that the stores of values leave them
    /// alone). Use it, and only it, while it lives: it reloads itself when the table grows.
    struct Cursor {
        private let table: TokenTable
        /// The table's storage, held here too: an insertion reaches its count with one load less.
        private let storage: UnsafeMutablePointer<Storage>
        private var keys: UnsafeMutablePointer<UInt64>
        private var values: UnsafeMutablePointer<UInt32>
        private var occupied: UnsafeMutablePointer<Int32>
        private var mask: Int
        private var shift: UInt64
        private var limit: Int

        init(_ table: TokenTable) {
            self.table = table
            self.storage = table.storage
            let storage = table.storage.pointee
            (keys, values, occupied) = (storage.keys, storage.values, storage.occupied)
            (mask, shift, limit) = (storage.size &- 1, storage.shift, storage.limit)
        }

        /// The slot of the key `raw` (a `TokenKey`'s), added with value 0 if it is new.
        @inline(__always)
        mutating func slot(of raw: UInt64) -> Int {
            var i = Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while true {
                let k = keys[i]
                if k == raw { return i }
                if k == 0 { return insert(raw, at: i) }
                i = (i &+ 1) & mask
            }
        }

        /// Starts loading the home slot of the key `raw` (its key and its value), for a lookup a
        /// few keys later: in a table larger than the caches, each lookup otherwise waits for memory.
        @inline(__always)
        func prefetch(_ raw: UInt64) {
            let i = Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            sitegen_prefetch(keys + i)
            sitegen_prefetch(values + i)
        }

        /// Adds one to the value of the key `raw` (0 if it is new).
        @inline(__always)
        mutating func increment(_ raw: UInt64) {
            let slot = slot(of: raw)  // first: it may grow the table, and `values` with it
            values[slot] &+= 1
        }

        @inline(__always)
        subscript(slot slot: Int) -> UInt32 {
            get { values[slot] }
            nonmutating set { values[slot] = newValue }
        }

        /// `TokenTable.insert`, with the arrays at hand.
        @inline(__always)
        private mutating func insert(_ raw: UInt64, at i: Int) -> Int {
            let count = storage.pointee.count
            if count >= limit { return growAndInsert(raw) }
            keys[i] = raw
            occupied[count] = Int32(truncatingIfNeeded: i)
            storage.pointee.count = count &+ 1
            return i
        }

        @inline(never)
        private mutating func growAndInsert(_ raw: UInt64) -> Int {
            let slot = table.growAndInsert(TokenKey(raw: raw))
            self = Cursor(table)
            return slot
        }
    }
}
