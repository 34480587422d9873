import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A second thread kept running while its owner hands it work, one piece at a time, for a few
/// milliseconds in a row (a figure's contour levels, then a part of its PNG's rows, drawn and
/// deflated). Shared by the package's modules (`package` access), not part of the library's API.
///
/// A thread started on an idle core waits until that core runs; on a virtual machine that is a
/// virtual CPU the host must wake, measured here at 0.1–3.6 ms (2-vCPU Firecracker guest), longer
/// than the work handed over. This thread is started once and does not sleep between pieces: it
/// polls for the next one, yielding its core to any other thread that wants it (`sched_yield`), so
/// its core stays awake and takes each piece at once. After ``pollingSpan`` without work it polls
/// once a millisecond. Releasing the helper stops its thread, which ends by itself: it is
/// detached, not joined, so that no one waits for a core that may be slow to wake (its thread
/// holds only the mailbox, which it releases as it ends).
package final class HelperThread: Sendable {
    /// How long the thread polls without pause after its last piece of work: 100 ms, longer than a
    /// command line takes to parse and a figure to be built before its drawing.
    package static let pollingSpan: Duration = .milliseconds(100)

    /// What the owner and the thread share; the thread holds only this, so that releasing the
    /// helper ends it.
    private let mailbox = Mailbox()
    private let thread: pthread_t

    /// A helper thread, started and waiting for work; `nil` when the process may use only one core
    /// (its CPU affinity and quota, as `ProcessInfo.activeProcessorCount` reads them: a polling
    /// helper would take that core from its owner) or when no thread can be started.
    package init?() {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(mailbox).toOpaque()
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<Mailbox>.fromOpaque(context!).takeRetainedValue().serve()
                return nil
            }, context)
        guard started == 0 else {
            Unmanaged<Mailbox>.fromOpaque(context).release()
            return nil
        }
        self.thread = thread
    }

    deinit {
        wait()
        mailbox.state.store(Mailbox.stopping, ordering: .releasing)
        pthread_detach(thread)
    }

    /// Has `work` run on the helper thread, and returns at once.
    ///
    /// - Precondition: the last work handed over has been waited for (``wait()``); a helper takes
    ///   one piece at a time, from one owner.
    package func start(_ work: @escaping @Sendable () -> Void) {
        let (claimed, _) = mailbox.state.compareExchange(
            expected: Mailbox.idle, desired: Mailbox.claimed, ordering: .acquiring)
        precondition(claimed, "work handed to a busy helper thread")
        mailbox.work = work
        mailbox.state.store(Mailbox.posted, ordering: .releasing)
    }

    /// Returns once the work handed over last has run (at once when there is none).
    package func wait() {
        while mailbox.state.load(ordering: .acquiring) != Mailbox.idle { sched_yield() }
    }

    /// Takes back the work handed over last if the thread has not begun it (it will not run), or
    /// else returns once it has run: for work the owner may have done itself meanwhile, so that a
    /// thread that comes late (its core woken only now) costs no wait.
    package func withdrawOrWait() {
        let (withdrawn, _) = mailbox.state.compareExchange(
            expected: Mailbox.posted, desired: Mailbox.idle, ordering: .acquiringAndReleasing)
        if withdrawn {
            mailbox.work = nil
        } else {
            wait()
        }
    }

    /// The state of the hand-over and the work handed over.
    private final class Mailbox: @unchecked Sendable {
        static let idle = 0
        /// An owner is writing ``work``.
        static let claimed = 1
        static let posted = 2
        /// The thread has taken the work posted: the owner can no longer withdraw it.
        static let running = 3
        static let stopping = 4

        /// `idle`, `claimed`, `posted` (``work`` is set and waiting), `running` or `stopping`;
        /// ``work`` is written after `claimed` and before a releasing store of `posted`, and read
        /// after the thread's acquiring exchange of `posted` for `running` (or cleared by the owner
        /// after its own exchange of `posted` for `idle`), so it needs no lock.
        let state = Atomic<Int>(0)
        var work: (@Sendable () -> Void)?

        /// The thread's loop: runs each piece of work as it comes, until stopped.
        func serve() {
            let clock = ContinuousClock()
            var lastWork = clock.now
            var polls = 0
            while true {
                switch state.load(ordering: .acquiring) {
                case Self.posted:
                    let (taken, _) = state.compareExchange(
                        expected: Self.posted, desired: Self.running, ordering: .acquiring)
                    guard taken else { continue }
                    work?()
                    work = nil
                    state.store(Self.idle, ordering: .releasing)
                    lastWork = clock.now
                case Self.stopping:
                    return
                default:
                    polls += 1
                    // The clock is read every 64 polls: a poll costs well under a microsecond.
                    if polls % 64 == 0, clock.now - lastWork > HelperThread.pollingSpan {
                        usleep(1000)
                    } else {
                        sched_yield()
                    }
                }
            }
        }
    }
}

/// One helper thread that a program starts ahead of its use and that successive users borrow and
/// give back, so that it stays awake from one piece of work to the next (``HelperThread``). A
/// program that never fills the slot starts no thread through it.
package final class HelperSlot: Sendable {
    private let waiting = Mutex<HelperThread?>(nil)

    /// The program's slot: figure commands fill it before parsing their command line.
    package static let shared = HelperSlot()

    package init() {}

    /// Starts a helper now, to be borrowed. Nothing when one is waiting, or when the process may
    /// use only one core.
    package func prestart() {
        waiting.withLock { helper in
            if helper == nil { helper = HelperThread() }
        }
    }

    /// The waiting helper, which the slot no longer holds until it is given back; `nil` when none
    /// is waiting.
    package func borrow() -> HelperThread? {
        waiting.withLock { helper in
            defer { helper = nil }
            return helper
        }
    }

    /// `body(helper)` with the helper waiting in the slot, given back after it (so that it stays
    /// awake for the next user, and no one waits for its thread to stop: a process that ends
    /// meanwhile ends it), or else with one started for `body` and released after it, which
    /// stops it; `nil` where the process may use only one core.
    package func withHelper<Result>(_ body: (HelperThread?) throws -> Result) rethrows -> Result {
        if let borrowed = borrow() {
            defer { giveBack(borrowed) }
            return try body(borrowed)
        }
        return try body(HelperThread())
    }

    /// Releases the waiting helper, which stops it: for a program done with it (a figure command
    /// once its drawing is done), so that its thread ends while the program goes on.
    package func release() {
        waiting.withLock { $0 = nil }
    }

    /// Keeps `helper`, once its work has run, for the next ``borrow()``, unless one is waiting
    /// already (then `helper` is released, which stops it).
    package func giveBack(_ helper: HelperThread) {
        helper.wait()
        waiting.withLock { waiting in
            if waiting == nil { waiting = helper }
        }
    }
}
