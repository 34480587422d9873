import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A second thread kept running while its owner hands it work, one piece at a time, for a few
/// milliseconds in a row (a figure's second half of panels, then the second half of its PNG's
/// deflate). Shared by the package's modules (`package` access), not part of the library's API.
///
/// A thread started on an idle core waits until that core runs; on a virtual machine that is a
/// virtual CPU the host must wake, measured here at 0.1–3.6 ms (2-vCPU Firecracker guest), longer
/// than the work handed over. This thread is started once and does not sleep between pieces: it
/// polls for the next one, yielding its core to any other thread that wants it (`sched_yield`), so
/// its core stays awake and takes each piece at once. After about a second without work it polls
/// once a millisecond. Releasing the helper stops its thread and joins it.
package final class HelperThread: Sendable {
    /// What the owner and the thread share; the thread holds only this, so that releasing the
    /// helper ends it.
    private let mailbox = Mailbox()
    private let thread: pthread_t

    /// A helper thread, started and waiting for work; `nil` on a machine of one core (where it
    /// would take the core from its owner) or when no thread can be started.
    package init?() {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return nil }
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
        pthread_join(thread, nil)
    }

    /// Has `work` run on the helper thread, and returns at once.
    ///
    /// - Precondition: the last work handed over has been waited for (``wait()``).
    package func start(_ work: @escaping @Sendable () -> Void) {
        precondition(
            mailbox.state.load(ordering: .acquiring) == Mailbox.idle, "work handed to a busy helper thread")
        mailbox.work = work
        mailbox.state.store(Mailbox.posted, ordering: .releasing)
    }

    /// Returns once the work handed over last has run (at once when there is none).
    package func wait() {
        while mailbox.state.load(ordering: .acquiring) != Mailbox.idle { sched_yield() }
    }

    /// A helper started ahead of time by ``prestart()``, for the next ``take()``.
    private static let prestarted = Mutex<HelperThread?>(nil)

    /// Starts a helper now, for the next ``take()``: a program that will soon draw a figure calls
    /// this first thing, so that the helper's core has woken by the time the figure needs it
    /// (parsing the command line takes longer than the wake-up). Nothing on a machine of one core,
    /// or when one is already waiting.
    package static func prestart() {
        prestarted.withLock { helper in
            if helper == nil { helper = HelperThread() }
        }
    }

    /// The helper ``prestart()`` started, if it is still there, else a new one (`nil` on a machine of
    /// one core).
    package static func take() -> HelperThread? {
        prestarted.withLock { helper in
            defer { helper = nil }
            return helper
        } ?? HelperThread()
    }

    /// The state of the hand-over and the work handed over.
    private final class Mailbox: @unchecked Sendable {
        static let idle = 0
        static let posted = 1
        static let stopping = 2

        /// `idle`, `posted` (``work`` is set and waiting) or `stopping`; ``work`` is written before a
        /// releasing store of `posted` and read after an acquiring load of it, so it needs no lock.
        let state = Atomic<Int>(0)
        var work: (@Sendable () -> Void)?

        /// The thread's loop: runs each piece of work as it comes, until stopped.
        func serve() {
            var idlePolls = 0
            while true {
                switch state.load(ordering: .acquiring) {
                case Self.posted:
                    work?()
                    work = nil
                    state.store(Self.idle, ordering: .releasing)
                    idlePolls = 0
                case Self.stopping:
                    return
                default:
                    idlePolls += 1
                    if idlePolls < 1_000_000 { sched_yield() } else { usleep(1000) }
                }
            }
        }
    }
}
