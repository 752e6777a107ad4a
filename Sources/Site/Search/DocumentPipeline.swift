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
    /// Documents per task within a batch; a task has a counter and a compressor to itself while it runs.
    var chunkSize = 8

    /// Calls `consume` with each batch in order: the id of its first document and its results.
    func run(_ consume: (Int, [Processed]) throws -> Void) throws {
        let starts = Array(stride(from: 0, to: documents.count, by: batchSize))
        guard !starts.isEmpty else { return }
        let group = DispatchGroup()
        defer { group.wait() }  // the worker must not outlive a throw
        // Workers kept from batch to batch: a new one would make its tables and compressor again.
        let workers = Workers()
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

    /// The workers, lent to one task at a time. A task takes the worker given back last, whose
    /// tables and compressor are the likeliest to be in a cache still; so only as many are made
    /// as tasks run at once. (With a worker per task of a batch, sixteen of them, several MB,
    /// went in turn through the caches, and each task began with its worker's memory cold.)
    private final class Workers: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [UnsafeMutablePointer<Worker>] = []
        private var all: [UnsafeMutablePointer<Worker>] = []

        deinit {
            for worker in all {
                worker.deinitialize(count: 1)
                worker.deallocate()
            }
        }

        func withWorker<R>(_ body: (inout Worker) -> R) -> R {
            let worker = lock.withLock { idle.popLast() } ?? make()
            defer { lock.withLock { idle.append(worker) } }
            return body(&worker.pointee)
        }

        private func make() -> UnsafeMutablePointer<Worker> {
            // Each its own: `TokenCounter` holds its table by reference, and so does a worker its compressor.
            let worker = UnsafeMutablePointer<Worker>.allocate(capacity: 1)
            worker.initialize(to: Worker())
            lock.withLock { all.append(worker) }
            return worker
        }
    }

    private func process(from start: Int, workers: Workers) -> [Processed] {
        let end = min(start + batchSize, documents.count)
        var out = [Processed](repeating: Processed(), count: end - start)
        let chunks = (end - start + chunkSize - 1) / chunkSize
        out.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                workers.withWorker { worker in
                    for i in (start + chunk * chunkSize)..<min(start + (chunk + 1) * chunkSize, end) {
                        out[i - start].tokens = InvertedIndex.tokens(of: documents[i], counter: &worker.counter)
                        out[i - start].file = worker.compressor.compress(documents[i].json())
                    }
                }
            }
        }
        return out
    }
}
