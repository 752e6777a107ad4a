import Foundation

/// The progress line of a long build on a terminal: stage, count and rate, redrawn in place at
/// most ten times a second, and only once the build has run for a second. Silent when standard
/// error is not a terminal (piped, CI logs) or when asked to be quiet.
public final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let began = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var stage = ""
    private var unit = ""
    private var total = 0
    private var done = 0
    private var stageStart: UInt64 = 0
    private var lastDraw: UInt64 = 0
    private var drawn = false
    private let delay: UInt64
    private let output: (String) -> Void

    /// - Parameter quiet: `--quiet`; progress is also off when standard error is not a terminal.
    public convenience init(quiet: Bool) {
        self.init(enabled: !quiet && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb")
    }

    /// - Parameter delay: nothing is drawn before the build has run this long (nanoseconds).
    init(enabled: Bool, delay: UInt64 = 1_000_000_000, output: @escaping (String) -> Void = {
        FileHandle.standardError.write(Data($0.utf8))
    }) {
        self.enabled = enabled
        self.delay = delay
        self.output = output
    }

    public func start(_ stage: String, total: Int, unit: String) {
        lock.withLock {
            self.stage = stage
            self.total = total
            self.unit = unit
            done = 0
            stageStart = DispatchTime.now().uptimeNanoseconds
        }
        draw(force: false)
    }

    public func advance(by count: Int = 1) {
        lock.withLock { done += count }
        draw(force: false)
    }

    public func advance(to count: Int) {
        lock.withLock { done = count }
        draw(force: false)
    }

    /// Clears the line, so what is printed next starts clean.
    public func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { output("\r\u{1B}[K") }
            drawn = false
        }
    }

    private func draw(force: Bool) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            guard now - began >= delay, force || now - lastDraw > 100_000_000 || !drawn else { return }
            lastDraw = now
            let seconds = Double(now - stageStart) / 1e9
            let rate = seconds > 0 ? Int(Double(done) / seconds) : 0
            output(total > 0 ? "\r\u{1B}[K\(stage) \(done)/\(total) \(unit)（\(rate)/秒）" : "\r\u{1B}[K\(stage)…")
            drawn = true
        }
    }
}
