import Foundation
import Synchronization
import Testing

@testable import DescentCore

/// Work split between the calling thread and a helper thread.
@Suite struct SharedWorkTests {
    /// Both parts run, the helper on a thread other than the caller's, and `run` returns only when
    /// both are done.
    @Test func bothPartsRunAndTheCallReturnsWhenBothAreDone() {
        let helperThread = ResultSlots<pthread_t>(count: 1)
        var mainThread: pthread_t?
        SharedWork.run {
            mainThread = pthread_self()
        } alongside: {
            // Long enough that a `run` that did not wait would return first.
            usleep(20_000)
            helperThread.store(pthread_self(), at: 0)
        }
        #expect(mainThread == pthread_self())
        // On a single core the helper's part runs after the main one, on the calling thread.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(helperThread.values.count == 1 && (helperThread.values[0] != pthread_self()) == (cores > 1))
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
