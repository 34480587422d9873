import Dispatch
import Foundation

/// Values computed one after another on a background thread, in the order asked, each from a
/// state that only that thread touches (buffers kept from one value to the next), to be read as
/// they come in or all at the end. The trainer keeps two: the loss after each update, which
/// overlaps the next gradient, and the accuracy checks.
final class BackgroundSeries<State, Value>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let pending = DispatchGroup()
    /// Touched only on `queue`.
    private var state: State
    private let lock = NSLock()
    /// Appended to on `queue`, under `lock`.
    private var values: [Value] = []

    /// A series named `label` (the thread's name) computing from `state`, expecting about
    /// `capacity` values.
    init(label: String, state: State, capacity: Int = 0) {
        queue = DispatchQueue(label: label)
        self.state = state
        values.reserveCapacity(capacity)
    }

    /// Starts computing the next value, after those asked for before.
    func append(_ compute: @escaping @Sendable (inout State) -> Value) {
        queue.async(group: pending) {
            let value = compute(&self.state)
            self.lock.withLock { self.values.append(value) }
        }
    }

    /// Waits until every value asked for is in.
    func waitForAll() { pending.wait() }

    /// The latest finished value and how many have finished, without waiting.
    var latest: (value: Value, count: Int)? {
        lock.withLock { values.last.map { ($0, values.count) } }
    }

    /// Every value, once all asked for have finished.
    func finish() -> [Value] {
        pending.wait()
        return lock.withLock { values }
    }
}
