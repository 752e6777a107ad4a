/// A path of the output folder as a dictionary key, hashed once, by a cheap hash of its bytes.
/// Every build looks up each of tens of thousands of paths several times (the last build's key,
/// this build's entry, the files it no longer makes, the keys it saves), and String's own
/// hashing (SipHash over every byte, with a check of its normal form) was a sixth of a
/// one-change rebuild.
struct OutputPath: Hashable, Sendable, Comparable {
    let string: String
    private let digest: UInt64

    init(_ string: String) {
        self.string = string
        var h = StableHash()
        h.add(string)
        digest = h.value
    }

    /// (Equal digests and equal Strings: equal bytes, but for a collision of the digests between
    /// two canonically equivalent spellings, which output paths, made by sitegen, never are.)
    static func == (a: OutputPath, b: OutputPath) -> Bool {
        a.digest == b.digest && a.string == b.string
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func < (a: OutputPath, b: OutputPath) -> Bool { a.string < b.string }
}
