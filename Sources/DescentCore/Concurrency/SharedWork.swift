import Synchronization

/// Work shared by the calling thread and a ``HelperThread``: the one the program started ahead
/// (``HelperSlot/shared``), borrowed and given back, or else one started for it (a plain POSIX
/// thread, not libdispatch, whose first `concurrentPerform` in a process costs
/// more than a contour's few milliseconds to start its workers, as measured in
/// `LearningRateSweep`). Shared by the package's modules (`package` access), not part of the
/// library's API.
package enum SharedWork {
    /// `items.map(transform)`, each item transformed by whichever of the calling thread and
    /// `thread` comes to it first, both taking the next one until none is left: a helper that
    /// starts late (its core still asleep) takes fewer, or none and is withdrawn
    /// (``HelperThread/withdrawOrWait()``). Without a thread, the calling thread transforms all.
    /// The results are in the items' order, whoever made them.
    ///
    /// - Complexity: the items' transforms, divided between the two threads as they come free.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], on thread: HelperThread?, _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard let thread, items.count >= 2 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = ResultSlots<Result>(count: items.count)
            let next = NextItem()
            let work: @Sendable () -> Void = {
                while let index = next.take(below: items.count) { results.store(transform(items[index]), at: index) }
            }
            thread.start(work)
            work()
            thread.withdrawOrWait()
            return results.values
        }
    }

    /// The index of the next item to take, shared by the threads of ``map(_:on:_:)``.
    private final class NextItem: Sendable {
        private let next = Atomic<Int>(0)

        /// The next index, or `nil` once `count` have been taken.
        func take(below count: Int) -> Int? {
            let index = next.add(1, ordering: .relaxed).oldValue
            return index < count ? index : nil
        }
    }

    /// ``map(_:on:_:)`` on the program's helper thread (``HelperSlot/withHelper(_:)``): for a few
    /// coarse items (a contour's levels, the halves of its grid). Fewer than two items are
    /// transformed on the calling thread, with no helper.
    ///
    /// - Complexity: the items' transforms, divided between the two threads, plus starting a
    ///   thread when the program has none waiting.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard items.count >= 2 else { return items.map(transform) }
        return HelperSlot.shared.withHelper { map(items, on: $0, transform) }
    }
}
