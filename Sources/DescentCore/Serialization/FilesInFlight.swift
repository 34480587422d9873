import Foundation

/// The temporary files `AtomicFile` is writing at this moment, kept where a signal handler can
/// remove them: a process stopped by Ctrl-C between creating and renaming one would otherwise
/// leave it behind.
///
/// A signal handler may only call async-signal-safe functions, so it must not allocate, lock or
/// touch Swift collections. The paths are therefore copied into C strings when a file is
/// registered, in normal context, and kept in a fixed table of pointers; the handler only reads
/// those pointers and calls `unlink(2)`. Registering and unregistering take a lock among
/// themselves. A slot is cleared before its string is freed; a handler running on another thread
/// at that very instant could read a freed string and unlink a garbled name, a window of a few
/// instructions that ends the process anyway.
enum FilesInFlight {
    /// How many files may be in flight at once (one per thread that is writing); a further one
    /// is written all the same, only without cleanup on a signal.
    static let capacity = 64

    /// `capacity` slots, each a path being written or `nil`. Allocated on first use, never freed.
    private nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Whether `slots` exists yet. A plain stored flag with a constant initial value, so a handler
    /// can read it without running the lazy initialiser of `slots` (which allocates).
    private nonisolated(unsafe) static var isReady = false

    private static let lock = NSLock()

    /// Registers `path` and returns its slot, or `nil` when the table is full.
    static func add(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[slot] = strdup(path)
        isReady = true
        return slot
    }

    /// Forgets the file in `slot` (written and renamed, or already removed).
    static func remove(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    /// Unlinks every file in flight. Async-signal-safe: reads the table and calls `unlink` only.
    static func unlinkAll() {
        guard isReady else { return }
        for slot in 0..<capacity {
            if let path = slots[slot] { unlink(path) }
        }
    }
}
