import Foundation

/// Times the named steps of the pipeline, for `sitegen build --timings` and the benchmark.
public struct StageTimer: Sendable {
    public private(set) var stages: [(name: String, seconds: Double)] = []

    public init() {}

    public mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// Sets a stage's time directly (a stage measured around another one).
    public mutating func record(_ name: String, seconds: Double) {
        stages.removeAll { $0.name == name }
        stages.append((name, seconds))
    }

    /// `load=0.012 parse=0.340 …` (seconds).
    public var summary: String {
        stages.map { "\($0.name)=\(String(format: "%.3f", $0.seconds))" }.joined(separator: " ")
    }
}
