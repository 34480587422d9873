import DescentCore
import Foundation

/// The one way the commands write to stdout and stderr. Each line goes straight to `write(2)`,
/// unbuffered, so a failure is seen at once rather than lost in a buffer flushed at exit: a full
/// disk (`> /dev/full`) or a closed stdout (`>&-`) ends the command with EX_IOERR and one line on
/// stderr, never with a silent success. A reader that went away (`| head -1`) gets what every
/// Unix filter gives it: the command ends quietly, killed by SIGPIPE (status 141 in a shell);
/// SIGPIPE is ignored until then (see `Signals`) so that the write fails with EPIPE first and
/// nothing else is cut short. Stderr itself is written on a best-effort basis: if it fails there
/// is nowhere left to say so, and the exit status still tells.
enum StandardStreams {
    /// 74, EX_IOERR from sysexits.h: an error while doing I/O.
    static let ioErrorExitCode: Int32 = 74

    /// Writes `text` and a newline to stdout, or throws the error that names why it could not.
    static func print(_ text: String) throws(CommandError) {
        do {
            try SystemError.writeAll(Array((text + "\n").utf8), to: STDOUT_FILENO)
        } catch {
            if error.code == EPIPE {
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
            }
            throw CommandError(message: "cannot write to standard output: \(error)", exitCode: ioErrorExitCode)
        }
    }

    /// Writes `text` to stderr as it is (no newline added), ignoring failure.
    static func printError(_ text: String) {
        try? SystemError.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Points a closed stdout or stderr at /dev/null opened read-only, so that writes to it fail
    /// (and are reported) instead of landing in the next file the command opens, which would get
    /// descriptor 1 or 2.
    static func occupyClosedDescriptors() {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }
}
