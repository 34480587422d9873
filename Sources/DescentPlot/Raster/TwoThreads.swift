import Foundation

/// Work shared between the calling thread and one more, for drawing that splits into independent
/// pieces (the coverage of several shapes) on a machine with a second core.
enum TwoThreads {
    /// `body(index)` for every index of `0..<count`, the odd ones on a second thread and the even
    /// ones on the calling thread; returns once all are done, the results in index order. With
    /// fewer than 2 pieces, or one core, everything runs on the calling thread.
    ///
    /// - Complexity: the pieces' own cost, about halved, plus starting one thread (tens of µs).
    static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        guard count >= 2, ProcessInfo.processInfo.activeProcessorCount >= 2 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let results = Results<Result>(count: count, body: body)
            let done = DispatchSemaphore(value: 0)
            let second = Thread {
                results.run(from: 1)
                done.signal()
            }
            second.start()
            results.run(from: 0)
            done.wait()
            return results.finish()
        }
    }

    /// The results, each slot written by one thread (every other index from its first), read
    /// once both are done: no two threads touch one slot. Raw storage, as two threads writing
    /// into one array would be two overlapping accesses to it.
    private final class Results<Result>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result?>
        private let count: Int
        /// Dropped by ``finish()``: the thread may outlive the call, the body must not.
        private var body: ((Int) -> Result)?

        init(count: Int, body: @escaping (Int) -> Result) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
            self.count = count
            self.body = body
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        /// Computes the slots `first`, `first + 2`, ….
        func run(from first: Int) {
            guard let body else { return }
            for index in stride(from: first, to: count, by: 2) { slots[index] = body(index) }
        }

        /// The results in index order, once both threads are done; lets go of the body.
        func finish() -> [Result] {
            body = nil
            return (0..<count).map { slots[$0]! }
        }
    }
}
