import Foundation

/// A failed system call's `errno`, told in words that read well after a colon: `strerror`'s text
/// with its first letter lower-cased ("no space left on device", "read-only file system").
public struct SystemError: Error, CustomStringConvertible, Equatable {
    /// The `errno` value, e.g. `ENOSPC`.
    public let code: Int32

    /// The error for the `errno` value `code`.
    public init(code: Int32) {
        self.code = code
    }

    /// The error the last failed system call left in `errno`.
    public static func current() -> SystemError {
        SystemError(code: errno)
    }

    /// `strerror(code)` with its first letter lower-cased, as `no space left on device`.
    public var description: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Writes every byte of `bytes` to `descriptor`: `write(2)` may take only part of a buffer, or
    /// be interrupted by a signal before taking any, so it is called until nothing is left. The
    /// first real failure (`ENOSPC`, `EFBIG`, `EPIPE`, `EBADF`…) is thrown as it is, so the caller
    /// can name it.
    ///
    /// - Complexity: O(byte count) copied by the kernel, in as many `write` calls as it takes.
    public static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) throws(SystemError) {
        // `withUnsafeBytes` rethrows untyped errors, so the typed one travels in a Result.
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(SystemError) in try writeAll(buffer, to: descriptor) }
        }.get()
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .current()
            }
            offset += written
        }
    }
}
