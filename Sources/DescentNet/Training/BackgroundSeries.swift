import Foundation

/// Values computed one after another on a thread of their own, in the order asked, each from a
/// state that only that thread touches (buffers kept from one value to the next), to be read as
/// they come in or all at the end. The trainer keeps two: the loss after each update, which
/// overlaps the next gradient, and the accuracy checks.
///
/// The thread is the series' own, not a dispatch worker, so that it can run at a lower priority
/// (`niceness`) without lending that priority to other work: the trainer runs the accuracy checks
/// below the loss, which the training thread waits for at every update. Measured with `perf sched`
/// over 3,000 iterations at equal priority, the training thread slept 437 ms waiting for losses
/// that shared their core with an accuracy pass.
final class BackgroundSeries<State, Value>: @unchecked Sendable {
    private let mailbox: Mailbox

    /// A series named `label` (the thread's name) computing from `state`, expecting about
    /// `capacity` values, on a thread whose Linux niceness is `niceness` (default 0, the caller's
    /// priority; higher is lower, up to 19).
    init(label: String, state: State, capacity: Int = 0, niceness: Int32 = 0) {
        mailbox = Mailbox(state: state, capacity: capacity)
        let thread = Thread { [mailbox] in
            #if canImport(Glibc)
                // On Linux the nice value is per thread, and who = 0 names the calling one.
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            #endif
            mailbox.serve()
        }
        thread.name = label
        thread.start()
    }

    deinit { mailbox.close() }

    /// Starts computing the next value, after those asked for before.
    func append(_ compute: @escaping @Sendable (inout State) -> Value) { mailbox.post(compute) }

    /// Waits until every value asked for is in.
    func waitForAll() { mailbox.waitForAll() }

    /// The latest finished value and how many have finished, without waiting.
    var latest: (value: Value, count: Int)? { mailbox.latest }

    /// Every value, once all asked for have finished.
    func finish() -> [Value] {
        mailbox.waitForAll()
        return mailbox.values
    }

    /// What the series' thread and its callers share, under one condition lock: the work asked
    /// for, the values done, and the state (touched by the series' thread only).
    private final class Mailbox: @unchecked Sendable {
        private let condition = NSCondition()
        /// Work asked for and not yet started, oldest first.
        private var waiting: [@Sendable (inout State) -> Value] = []
        /// Values asked for so far.
        private var asked = 0
        private var state: State
        private var done: [Value] = []
        private var closed = false

        init(state: State, capacity: Int) {
            self.state = state
            done.reserveCapacity(capacity)
        }

        func post(_ compute: @escaping @Sendable (inout State) -> Value) {
            condition.withLock {
                waiting.append(compute)
                asked += 1
                condition.broadcast()
            }
        }

        func waitForAll() {
            condition.withLock { while done.count < asked { condition.wait() } }
        }

        var latest: (value: Value, count: Int)? {
            condition.withLock { done.last.map { ($0, done.count) } }
        }

        var values: [Value] { condition.withLock { done } }

        /// Ends `serve()` once the work asked for is done.
        func close() {
            condition.withLock {
                closed = true
                condition.broadcast()
            }
        }

        /// The thread's loop: computes each item in turn until closed. Each item is let go before
        /// its value is posted, so that what it captured (the trainer's copy of the weights) is
        /// released by the time a waiting caller goes on: the update then changes the weights in
        /// place instead of copying them.
        func serve() {
            while true {
                condition.lock()
                while waiting.isEmpty, !closed { condition.wait() }
                if waiting.isEmpty {
                    condition.unlock()
                    return
                }
                var compute = Optional(waiting.removeFirst())
                condition.unlock()
                let value = compute!(&state)
                compute = nil
                condition.withLock {
                    done.append(value)
                    condition.broadcast()
                }
            }
        }
    }
}
