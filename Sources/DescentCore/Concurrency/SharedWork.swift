import Synchronization

/// Work split in two: one part on the calling thread, the other on a ``HelperThread``: the one the
/// program started ahead (``HelperSlot/shared``), borrowed and given back, or else one started for
/// it (a plain POSIX thread, not libdispatch, whose first `concurrentPerform` in a process costs
/// more than a contour's few milliseconds to start its workers, as measured in
/// `LearningRateSweep`). Shared by the package's modules (`package` access), not part of the
/// library's API.
package enum SharedWork {
    /// Runs `helper` on a thread of its own while `main` runs on the calling thread, and returns
    /// when both are done. On a machine of one core, or when no thread can be started, `helper`
    /// runs after `main`.
    ///
    /// - Complexity: the longer of the two parts, plus starting a thread when the program has none
    ///   waiting.
    package static func run(_ main: () -> Void, alongside helper: @Sendable () -> Void) {
        withoutActuallyEscaping(helper) { helper in
            HelperSlot.shared.withHelper { thread in
                guard let thread else {
                    main()
                    helper()
                    return
                }
                thread.start(helper)
                main()
                thread.wait()
            }
        }
    }

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

    /// `items.map(transform)`, the second half of the items transformed on a helper thread while
    /// the calling thread transforms the first: for a few coarse items of similar cost (a contour's
    /// levels). Fewer than two items are transformed on the calling thread.
    ///
    /// - Complexity: the longer half's transforms, plus starting a thread when the program has none
    ///   waiting.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard items.count >= 2 else { return items.map(transform) }
        let middle = (items.count + 1) / 2
        var first: [Result] = []
        let second = ResultSlots<[Result]>(count: 1)
        run {
            first = items[..<middle].map(transform)
        } alongside: {
            second.store(items[middle...].map(transform), at: 0)
        }
        return first + second.values[0]
    }
}
