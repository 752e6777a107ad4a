import Foundation

/// Reads the documents in batches: the batch's documents are counted and compressed in
/// parallel while the caller consumes the previous batch (merges its tokens, hands over its
/// files) on its own thread, so the sequential part does not leave the other cores idle and
/// memory holds two batches, not every document.
struct DocumentPipeline {
    /// What the workers make of one document.
    struct Processed {
        var tokens = InvertedIndex.DocumentTokens()
        /// `search/docs/<id>.z`.
        var file = Data()
    }

    let documents: [SearchDocument]
    var batchSize = 128
    /// Documents per task within a batch; each task has its own counter.
    var chunkSize = 8

    /// Calls `consume` with each batch in order: the id of its first document and its results.
    func run(_ consume: (Int, [Processed]) throws -> Void) throws {
        let starts = Array(stride(from: 0, to: documents.count, by: batchSize))
        guard !starts.isEmpty else { return }
        let group = DispatchGroup()
        defer { group.wait() }  // the worker must not outlive a throw
        var current = process(from: starts[0])
        for (n, start) in starts.enumerated() {
            let next = Box()
            if n + 1 < starts.count {
                DispatchQueue.global().async(group: group) { next.value = process(from: starts[n + 1]) }
            }
            try consume(start, current)
            group.wait()
            current = next.value
        }
    }

    /// A batch's results cross threads in a box; `DispatchGroup.wait` orders the accesses.
    private final class Box {
        var value: [Processed] = []
    }

    private func process(from start: Int) -> [Processed] {
        let end = min(start + batchSize, documents.count)
        var out = [Processed](repeating: Processed(), count: end - start)
        let chunks = (end - start + chunkSize - 1) / chunkSize
        out.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var counter = TokenCounter()
                for i in (start + chunk * chunkSize)..<min(start + (chunk + 1) * chunkSize, end) {
                    out[i - start].tokens = InvertedIndex.tokens(of: documents[i], counter: &counter)
                    out[i - start].file = Deflate.compress(documents[i].json())
                }
            }
        }
        return out
    }
}
