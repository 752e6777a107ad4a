import Foundation

/// What a build leaves alive for the rest of the process (`BuildOptions.keepsModelsAlive`):
/// freeing tens of thousands of report models, paths and keys one by one only delays an exit
/// that would return their memory at once.
public enum KeptAlive {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var objects: [Any] = []

    public static func keep(_ object: Any) {
        lock.withLock { objects.append(object) }
    }
}
