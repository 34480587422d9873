import DescentNet
import Foundation

/// A one-line progress bar on stderr: iterations, loss, last accuracy, speed and time left. It
/// exists only when stderr is a terminal, so logs and pipes get nothing.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var done: [Int: Int] = [:]
    private var latest: TrainingProgress?
    private var lastDrawn = Date.distantPast
    private let start = Date()
    private let lock = NSLock()

    /// Whether a bar's line is on the terminal without its newline yet. A plain stored flag with a
    /// constant initial value, so the signal handler reads it without any lazy initialisation.
    private nonisolated(unsafe) static var lineIsOpen = false

    /// A bar for `total` iterations, or `nil` when stderr is not a terminal.
    init?(total: Int) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        self.total = total
    }

    /// Records that run `run` reached `progress`, redrawing at most ten times a second.
    func advance(run: Int, to progress: TrainingProgress) {
        lock.lock()
        defer { lock.unlock() }
        done[run] = progress.iteration
        latest = progress
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) > 0.1 || done.values.reduce(0, +) == total else { return }
        lastDrawn = now
        draw()
    }

    private func draw() {
        guard let latest else { return }
        let count = done.values.reduce(0, +)
        let fraction = Double(count) / Double(total)
        let width = 24
        let filled = Int(fraction * Double(width))
        let elapsed = Date().timeIntervalSince(start)
        let speed = Double(count) / max(elapsed, 1e-9)
        let left = Double(total - count) / max(speed, 1e-9)
        var line = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        line += "\(count)/\(total)  loss \(String(format: "%.4f", latest.loss))"
        if let accuracy = latest.lastAccuracy {
            line += "  acc \(String(format: "%.3f/%.3f", accuracy.train, accuracy.test))"
        }
        line += "  \(Int(speed)) it/s  \(Int(left.rounded())) s left "
        Self.lineIsOpen = true
        StandardStreams.printError(line)
    }

    /// Ends the bar's line.
    func finish() {
        lock.lock()
        draw()
        StandardStreams.printError("\n")
        Self.lineIsOpen = false
        lock.unlock()
    }

    /// Ends an open bar's line, so that the shell's prompt after Ctrl-C starts on a line of its
    /// own. For the signal handler: async-signal-safe (one `write(2)`).
    static func endLineAfterSignal() {
        guard lineIsOpen else { return }
        var newline = UInt8(ascii: "\n")
        _ = write(STDERR_FILENO, &newline, 1)
    }
}
