import Foundation

/// Slots that concurrent workers fill, each its own index, read once all are done. Shared by the
/// package's modules (`package` access), not part of the library's API.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values, in index order.
    ///
    /// - Precondition: every slot was stored.
    package var values: [Value] { slots.map { $0! } }
}
