import DescentCore
import Foundation

/// What the process does on signals, set once at start.
///
/// - SIGINT, SIGTERM, SIGHUP (Ctrl-C, `kill`, a closed terminal): remove the temporary files of
///   writes in flight, end the progress bar's line, then die of the same signal with its default
///   action, so the parent sees how the command ended (a shell reports 128 + signal, 130 for
///   Ctrl-C). A signal the parent ignored (`nohup`, a background job of a script) stays ignored;
///   one it left blocked is unblocked, since a blocked mask is inherited by accident (Foundation's
///   `Process` on Linux starts children with nearly every signal blocked) and would make the
///   command impossible to stop.
/// - SIGPIPE: ignored, so a reader that goes away turns into an EPIPE error at a known place,
///   where `StandardStreams` ends the command quietly by SIGPIPE after all.
/// - SIGXFSZ: ignored, so a write beyond the file-size limit (`ulimit -f`) fails with EFBIG and is
///   reported and cleaned up, instead of killing the process with a core dump and leaving a
///   temporary file.
enum Signals {
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, handler)
            if isIgnore(previous) { signal(number, SIG_IGN) }
            sigaddset(&stopping, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    }

    /// Whether `disposition` is SIG_IGN (function pointers compare by address).
    private static func isIgnore(_ disposition: sighandler_t?) -> Bool {
        unsafeBitCast(disposition, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The handler: async-signal-safe calls only (`unlink`, `write`, `signal`, `raise`). The
    /// signal is blocked while the handler runs, so the re-raised one is delivered, with the
    /// default action, as soon as it returns.
    private static let handler: @convention(c) (Int32) -> Void = { number in
        AtomicFile.removeFilesInFlight()
        ProgressBar.endLineAfterSignal()
        signal(number, SIG_DFL)
        raise(number)
    }
}
