import Foundation

/// A file opened for reading, only if it is a regular file: opened without blocking and checked
/// with `fstat`, so that a FIFO or a device given as a history is refused at once instead of
/// waiting or reading forever (as DescentNet's IDX reader does). Its size is known before anything
/// is read, so a reader can check what a header promises against it first.
final class RegularFile {
    let path: String
    /// The size in bytes, from `fstat`.
    let size: Int
    private let descriptor: Int32

    /// Opens `path`; the reasons it cannot are words that read after `path: `.
    init(path: String) throws(HistoryError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HistoryError(path: path, reason: "cannot be read (\(SystemError.current()))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw HistoryError(path: path, reason: "not a regular file; a history must be a file on disk")
        }
        size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// The next `count` bytes, or fewer where the file ends.
    func read(_ count: Int) throws(HistoryError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes {
                Foundation.read(descriptor, $0.baseAddress! + filled, count - filled)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                throw HistoryError(path: path, reason: "cannot be read (\(SystemError.current()))")
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(count - filled)
        return bytes
    }
}
