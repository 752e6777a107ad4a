import Foundation

extension Array {
    /// `map` with the elements shared out over every core; the results keep the order.
    func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).pointee = transform(self[i]) }
        }
        return out.map { $0! }
    }
}

extension Range where Bound == Int {
    /// Runs `body` for every index, on every core; the first error is thrown once all are done.
    func concurrentForEach(_ body: (Int) throws -> Void) throws {
        let lock = NSLock()
        var failure: Error?
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do {
                try body(lowerBound + i)
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
        if let failure { throw failure }
    }
}

/// Work started on another thread, waited for later: its result, or the error it threw.
final class BackgroundTask<T>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var outcome: Result<T, Error>?
    private var started: UInt64 = 0
    private var finished: UInt64 = 0

    init(_ work: @escaping () throws -> T) {
        group.enter()
        DispatchQueue.global().async { [self] in
            started = DispatchTime.now().uptimeNanoseconds
            outcome = Result { try work() }
            finished = DispatchTime.now().uptimeNanoseconds
            group.leave()
        }
    }

    var isRunning: Bool { group.wait(timeout: .now()) == .timedOut }

    func wait() { group.wait() }

    /// Waits, then gives the result or throws the work's error.
    func result() throws -> T {
        group.wait()
        return try outcome!.get()
    }

    /// How long the work ran (once finished).
    var seconds: Double {
        group.wait()
        return Double(finished - started) / 1e9
    }
}

/// A flag one thread raises to tell work on others to stop early.
final class CallOff: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func callOff() { lock.withLock { raised = true } }
    var isCalledOff: Bool { lock.withLock { raised } }
}
