import Foundation
import Synchronization
import Testing

@testable import DescentCore

/// Work split between the calling thread and a helper thread.
@Suite struct SharedWorkTests {
    /// A helper already running takes an item on its own thread while the calling thread
    /// transforms another, and `map` returns only when both are done.
    @Test func aRunningHelperTakesAnItemAndTheCallReturnsWhenAllAreDone() {
        let helper = HelperThread()
        // Waited for once, so that it polls and takes the next piece at once.
        helper?.start {}
        helper?.wait()
        let threads = SharedWork.map([0, 1], on: helper) { _ in
            // Long enough that a `map` that did not wait would return first, and that the other
            // thread comes to the second item meanwhile.
            usleep(100_000)
            return pthread_self()
        }
        #expect(threads.count == 2)
        // On a single core there is no helper: both items run on the calling thread.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(threads.contains(pthread_self()) && (threads[0] != threads[1]) == (cores > 1))
    }

    /// `map(_:on:_:)` transforms every item once, by whichever thread takes it, and keeps their
    /// order; without a helper the calling thread takes them all.
    @Test func aClaimingMapTransformsEachItemOnceInOrder() {
        for helper in [HelperThread(), nil] {
            for count in [0, 1, 2, 3, 64] {
                let calls = Mutex([[pthread_t]](repeating: [], count: count))
                let results = SharedWork.map(Array(0..<count), on: helper) { item in
                    calls.withLock { $0[item].append(pthread_self()) }
                    return item * item
                }
                #expect(results == (0..<count).map { $0 * $0 })
                let threads = calls.withLock { $0 }
                #expect(threads.allSatisfy { $0.count == 1 }, "each item transformed once")
                if helper == nil { #expect(threads.allSatisfy { $0 == [pthread_self()] }) }
            }
        }
    }

    /// `map` keeps the items' order, whichever thread transformed them, for any count.
    @Test func mapKeepsTheItemsOrder() {
        for count in [0, 1, 2, 3, 10, 11] {
            let items = Array(0..<count)
            #expect(SharedWork.map(items) { $0 * $0 } == items.map { $0 * $0 })
        }
    }
}
