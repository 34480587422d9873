import Foundation
import Synchronization
import Testing

@testable import DescentCore

/// A helper thread kept running while its owner hands it work. (A process that may use only one
/// core gets none: these need two.)
@Suite(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1)) struct HelperThreadTests {
    /// Each piece runs on the helper's own thread, one after the other, and `wait` returns only
    /// once the piece handed over last has run.
    @Test func piecesRunOnTheHelperThreadAndWaitWaitsForThem() throws {
        let helper = try #require(HelperThread())
        let ran = ResultSlots<pthread_t>(count: 3)
        for piece in 0..<3 {
            helper.start {
                // Long enough that a `wait` that did not wait would return first.
                usleep(10_000)
                ran.store(pthread_self(), at: piece)
            }
            helper.wait()
        }
        let threads = ran.values
        #expect(threads.allSatisfy { $0 == threads[0] })
        #expect(threads[0] != pthread_self())
    }

    /// `withdrawOrWait` returns with the piece handed over either run to its end or never to run:
    /// posted and at once taken back, 2,000 times, no piece is ever found half done, and none runs
    /// after it was withdrawn.
    @Test func aWithdrawnPieceNeverRunsAndATakenOneIsWaitedFor() throws {
        let helper = try #require(HelperThread())
        let counts = PieceCounts()
        var ran = 0
        for _ in 0..<2000 {
            helper.start {
                counts.started.add(1, ordering: .sequentiallyConsistent)
                for _ in 0..<200 { _ = counts.finished.load(ordering: .relaxed) }
                counts.finished.add(1, ordering: .sequentiallyConsistent)
            }
            helper.withdrawOrWait()
            let started = counts.started.load(ordering: .sequentiallyConsistent)
            #expect(started == counts.finished.load(ordering: .sequentiallyConsistent), "a piece half done")
            ran = started
        }
        usleep(20_000)
        #expect(counts.started.load(ordering: .sequentiallyConsistent) == ran, "a withdrawn piece ran")
        print("\(ran) of 2,000 pieces run, \(2000 - ran) withdrawn")
    }

    /// How many pieces began and ended.
    private final class PieceCounts: Sendable {
        let started = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
    }

    /// Releasing a helper stops its thread, which ends by itself: Linux no longer lists it among
    /// the process's threads (/proc/PID/task/TID, which /proc/thread-self names from within the
    /// thread) within a second; without the stop it would poll for ever.
    @Test func releasingAHelperEndsItsThread() throws {
        var helper = HelperThread()
        let task = ResultSlots<String>(count: 1)
        helper?.start {
            task.store((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? "", at: 0)
        }
        helper?.wait()
        let path = "/proc/" + task.values[0]
        #expect(task.values[0].contains("/task/") && FileManager.default.fileExists(atPath: path))
        helper = nil
        // The kernel lets go of an exited thread's entry just after `pthread_join` returns.
        var polls = 0
        while FileManager.default.fileExists(atPath: path), polls < 1000 {
            usleep(1000)
            polls += 1
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A slot lends the helper it started until it is given back, to one borrower at a time, and
    /// keeps one helper at most.
    @Test func aSlotLendsItsHelperUntilItIsGivenBack() throws {
        let slot = HelperSlot()
        #expect(slot.borrow() == nil)
        slot.prestart()
        let lent = try #require(slot.borrow())
        #expect(slot.borrow() == nil)
        let ran = ResultSlots<Bool>(count: 1)
        lent.start { ran.store(true, at: 0) }
        slot.giveBack(lent)
        #expect(ran.values == [true])
        let again = try #require(slot.borrow())
        #expect(again === lent)
        slot.giveBack(again)
        slot.giveBack(try #require(HelperThread()))
        #expect(slot.borrow() === lent)
        slot.giveBack(lent)
        slot.release()
        #expect(slot.borrow() == nil)
    }
}
