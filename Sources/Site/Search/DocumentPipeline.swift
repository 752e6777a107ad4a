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
    /// Documents per task within a batch; each task has its own counter and compressor.
    var chunkSize = 8

    /// Calls `consume` with each batch in order: the id of its first document and its results.
    func run(_ consume: (Int, [Processed]) throws -> Void) throws {
        let starts = Array(stride(from: 0, to: documents.count, by: batchSize))
        guard !starts.isEmpty else { return }
        let group = DispatchGroup()
        defer { group.wait() }  // the worker must not outlive a throw
        // One worker per task of a batch, kept from batch to batch: a new one would make its
        // tables and compressor again. Batches are processed one at a time, each task with its own worker.
        let workers = Workers(count: (batchSize + chunkSize - 1) / chunkSize)
        var current = process(from: starts[0], workers: workers)
        for (n, start) in starts.enumerated() {
            let next = Box()
            if n + 1 < starts.count {
                DispatchQueue.global().async(group: group) { next.value = process(from: starts[n + 1], workers: workers) }
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

    /// What one task needs for its documents.
    private struct Worker {
        var counter = TokenCounter()
        let compressor = Deflate.Compressor()
    }

    /// The workers of the tasks of a batch: task `i` uses only worker `i`.
    private final class Workers: @unchecked Sendable {
        let workers: UnsafeMutableBufferPointer<Worker>

        init(count: Int) {
            workers = .allocate(capacity: count)
            // Each its own: `TokenCounter` holds its table by reference, and so does a worker its compressor.
            for i in workers.indices { (workers.baseAddress! + i).initialize(to: Worker()) }
        }

        deinit {
            workers.deinitialize()
            workers.deallocate()
        }
    }

    private func process(from start: Int, workers: Workers) -> [Processed] {
        let end = min(start + batchSize, documents.count)
        var out = [Processed](repeating: Processed(), count: end - start)
        let chunks = (end - start + chunkSize - 1) / chunkSize
        out.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in (start + chunk * chunkSize)..<min(start + (chunk + 1) * chunkSize, end) {
                    out[i - start].tokens = InvertedIndex.tokens(of: documents[i], counter: &workers.workers[chunk].counter)
                    out[i - start].file = workers.workers[chunk].compressor.compress(documents[i].json())
                }
            }
        }
        return out
    }
}
