/// Every token's posting list, built while documents are read in id order: each list is its
/// varint bytes (docs/search-index.md), appended to as documents come, so nothing per
/// posting is kept but about one byte. A list whose varints outgrow the bitmap of `docCount`
/// bits becomes that bitmap at once (it can only grow, so it would be written as one) and is
/// then appended to by setting bits: no varints to write, nor to read back at the end.
///
/// A class over raw memory reached through a constant pointer: appending a byte is the hot loop
/// of the merge, and arrays of arrays (or a class's `var`s) would pay copy-on-write or
/// exclusivity checks on each. One owner, never shared while being built.
final class PostingLists {
    /// One list's bytes: varints grown by doubling, or the bitmap.
    private struct Bytes {
        var base: UnsafeMutablePointer<UInt8>? = nil
        var count = 0
        var capacity = 0
        var lastDocument: Int32 = -1
        var isBitmap = false

        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    }

    private struct Storage {
        var lists = UnsafeMutablePointer<Bytes>.allocate(capacity: 1024)
        var count = 0
        var capacity = 1024
    }

    private let storage: UnsafeMutablePointer<Storage>
    /// The number of documents, and the size in bytes of a bitmap of as many bits.
    let docCount: Int
    private let bitmapSize: Int

    init(docCount: Int) {
        self.docCount = docCount
        bitmapSize = (docCount + 7) / 8
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

    /// Appends `doc` (greater than any document already in `list`, less than `docCount`) with
    /// term frequency `tf`.
    @inline(__always)
    func append(doc: Int32, tf: UInt32, to list: Int) {
        let bytes = storage.pointee.lists + list
        if bytes.pointee.isBitmap {
            bytes.pointee.base![Int(doc &>> 3)] |= 1 &<< UInt8(truncatingIfNeeded: doc & 7)
            return
        }
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
        if bytes.pointee.count > bitmapSize { makeBitmap(bytes) }
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

    /// Replaces the varints of a list by its bitmap.
    @inline(never)
    private func makeBitmap(_ bytes: UnsafeMutablePointer<Bytes>) {
        let bitmap = UnsafeMutablePointer<UInt8>.allocate(capacity: bitmapSize)
        bitmap.initialize(repeating: 0, count: bitmapSize)
        var previous = -1
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes.pointee.buffer {
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; continue }
            let doc = previous + 1 + Int(value >> 2)
            bitmap[doc >> 3] |= 1 << UInt8(doc & 7)
            previous = doc
            value = 0
            shift = 0
        }
        bytes.pointee.base?.deallocate()
        bytes.pointee.base = bitmap
        bytes.pointee.count = bitmapSize
        bytes.pointee.capacity = bitmapSize
        bytes.pointee.isBitmap = true
    }

    /// Whether `list` is written as a bitmap of `docCount` bits: when that is shorter than its varints.
    func isBitmap(_ list: Int) -> Bool { storage.pointee.lists[list].isBitmap }

    /// The length in bytes of the encoded list: the kind letter and the base64.
    func encodedLength(_ list: Int) -> Int { 1 + Base64.encodedLength(storage.pointee.lists[list].count) }

    /// Appends the encoded list (`B…` or `V…`, as `Postings.encode`) to `out`.
    func appendEncoded(_ list: Int, to out: inout [UInt8]) {
        out.append(isBitmap(list) ? UInt8(ascii: "B") : UInt8(ascii: "V"))
        Base64.append(storage.pointee.lists[list].buffer, to: &out)
    }
}
