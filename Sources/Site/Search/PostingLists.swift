/// Every token's posting list, built while documents are read in id order: each list is its
/// varint bytes (docs/search-index.md), appended to as documents come, so nothing per
/// posting is kept but about one byte. The bitmap form, when shorter, is made at the end.
///
/// A class over raw memory reached through a constant pointer: appending a byte is the hot loop
/// of the merge, and arrays of arrays (or a class's `var`s) would pay copy-on-write or
/// exclusivity checks on each. One owner, never shared while being built.
final class PostingLists {
    /// One list's bytes: grown by doubling.
    private struct Bytes {
        var base: UnsafeMutablePointer<UInt8>? = nil
        var count = 0
        var capacity = 0
        var lastDocument: Int32 = -1

        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    }

    private struct Storage {
        var lists = UnsafeMutablePointer<Bytes>.allocate(capacity: 1024)
        var count = 0
        var capacity = 1024
    }

    private let storage: UnsafeMutablePointer<Storage>

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage())
    }

    deinit {
        for list in UnsafeBufferPointer(start: storage.pointee.lists, count: count) { list.base?.deallocate() }
        storage.pointee.lists.deallocate()
        storage.deallocate()
    }

    var count: Int { storage.pointee.count }

    /// A new, empty list; its number.
    func add() -> Int {
        if storage.pointee.count == storage.pointee.capacity {
            let lists = UnsafeMutablePointer<Bytes>.allocate(capacity: storage.pointee.capacity * 2)
            lists.moveInitialize(from: storage.pointee.lists, count: storage.pointee.count)
            storage.pointee.lists.deallocate()
            storage.pointee.lists = lists
            storage.pointee.capacity *= 2
        }
        (storage.pointee.lists + storage.pointee.count).initialize(to: Bytes())
        storage.pointee.count += 1
        return storage.pointee.count - 1
    }

    /// Appends `doc` (greater than any document already in `list`) with term frequency `tf`.
    @inline(__always)
    func append(doc: Int32, tf: UInt32, to list: Int) {
        let bytes = storage.pointee.lists + list
        // Wrapping arithmetic: ids only grow (so the gap is not negative) and tf is at least 1.
        var value = UInt64(truncatingIfNeeded: doc &- bytes.pointee.lastDocument &- 1) << 2 | UInt64(min(tf, 4) &- 1)
        bytes.pointee.lastDocument = doc
        if bytes.pointee.capacity &- bytes.pointee.count < 10 { Self.grow(bytes) }
        let base = bytes.pointee.base!
        var n = bytes.pointee.count
        while value >= 0x80 {
            base[n] = UInt8(truncatingIfNeeded: value) | 0x80
            n &+= 1
            value >>= 7
        }
        base[n] = UInt8(truncatingIfNeeded: value)
        bytes.pointee.count = n &+ 1
    }

    private static func grow(_ bytes: UnsafeMutablePointer<Bytes>) {
        let capacity = max(16, bytes.pointee.capacity * 2)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        if let old = bytes.pointee.base {
            base.update(from: old, count: bytes.pointee.count)
            old.deallocate()
        }
        bytes.pointee.base = base
        bytes.pointee.capacity = capacity
    }

    private func varints(_ list: Int) -> UnsafeBufferPointer<UInt8> { storage.pointee.lists[list].buffer }

    /// Whether `list` is written as a bitmap of `docCount` bits: when that is shorter.
    func isBitmap(_ list: Int, docCount: Int) -> Bool { (docCount + 7) / 8 < storage.pointee.lists[list].count }

    /// The length in bytes of the encoded list: the kind letter and the base64.
    func encodedLength(_ list: Int, docCount: Int) -> Int {
        let raw = isBitmap(list, docCount: docCount) ? (docCount + 7) / 8 : storage.pointee.lists[list].count
        return 1 + Base64.encodedLength(raw)
    }

    /// Appends the encoded list (`B…` or `V…`, as `Postings.encode`) to `out`.
    func appendEncoded(_ list: Int, docCount: Int, to out: inout [UInt8]) {
        if isBitmap(list, docCount: docCount) {
            var bitmap = [UInt8](repeating: 0, count: (docCount + 7) / 8)
            var previous = -1
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for byte in varints(list) {
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 != 0 { shift += 7; continue }
                let doc = previous + 1 + Int(value >> 2)
                bitmap[doc >> 3] |= 1 << UInt8(doc & 7)
                previous = doc
                value = 0
                shift = 0
            }
            out.append(UInt8(ascii: "B"))
            Base64.append(bitmap, to: &out)
        } else {
            out.append(UInt8(ascii: "V"))
            Base64.append(varints(list), to: &out)
        }
    }
}
