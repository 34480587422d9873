import Foundation

/// Writing files so that a reader never sees half of one: the bytes go to a temporary file in the
/// same directory, which is then renamed over the destination (rename is atomic within a file
/// system). On any failure the temporary file is removed and nothing is left behind.
///
/// The steps are plain POSIX calls, so a failure names its real cause (`ENOSPC` is "no space left
/// on device", not a generic "not writable"):
/// `open(O_CREAT | O_EXCL)` → `write` until done → `fsync` (a full disk can surface only here on
/// some file systems) → `close` → `rename`.
///
/// The result has the permission bits a plain `open(O_CREAT)` would give: those of the file it
/// replaces, or `0666` less the umask for a new one. (Its owner is whoever writes it.)
public enum AtomicFile {
    /// A file that could not be written, with the path and the reason in words.
    public struct WriteError: Error, CustomStringConvertible {
        /// The destination asked for, as given.
        public let path: String
        /// The cause in words, as ``SystemError`` tells it (`no space left on device`).
        public let reason: String
        /// The whole line: `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The longest file name, in bytes, that the file systems Descent runs on accept (NAME_MAX
    /// on Linux and macOS).
    static let maximumNameLength = 255

    /// Writes `data` to `path` atomically.
    ///
    /// - Complexity: O(`data.count`), plus an `fsync`.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let folder = try folder(of: path)
        let temporary = FolderPath.appending(temporaryName(for: path), to: folder)
        let slot = FilesInFlight.add(temporary)
        defer { FilesInFlight.remove(slot) }
        do throws(SystemError) {
            try writeFile(data, at: temporary, mode: permissions(replacing: path))
            guard rename(temporary, path) == 0 else { throw SystemError.current() }
        } catch {
            unlink(temporary)
            throw WriteError(path: path, reason: error.description)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    ///
    /// - Complexity: O(the text's UTF-8 length), plus an `fsync`.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// Fails unless `write(_:to:)` to `path` could succeed as far as can be known beforehand: the
    /// folder exists, `path` is not a folder, and a file can be created beside it (tried by
    /// creating and removing an empty temporary file, the only test that sees permissions, ACLs,
    /// read-only mounts and full inode tables alike). For checking every output before long work.
    public static func checkWritable(_ path: String) throws(WriteError) {
        let folder = try folder(of: path)
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw WriteError(path: path, reason: "it is a directory")
        }
        let temporary = FolderPath.appending(temporaryName(for: path), to: folder)
        let slot = FilesInFlight.add(temporary)
        defer { FilesInFlight.remove(slot) }
        defer { unlink(temporary) }
        do throws(SystemError) {
            let descriptor = try create(temporary, mode: 0o600)
            guard close(descriptor) == 0 else { throw .current() }
        } catch {
            throw WriteError(path: path, reason: error.description)
        }
    }

    /// Removes the temporary files being written right now, for a handler of SIGINT, SIGTERM or
    /// SIGHUP to call before the process ends. Async-signal-safe.
    public static func removeFilesInFlight() {
        FilesInFlight.unlinkAll()
    }

    /// The folder that holds `path` ("." for a bare name), or an error saying it is missing.
    private static func folder(of path: String) throws(WriteError) -> String {
        let given = FolderPath.parent(of: path)
        let folder = given.isEmpty ? "." : given
        var status = stat()
        guard stat(folder, &status) == 0 else {
            throw WriteError(path: path, reason: "the directory \(given) does not exist")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw WriteError(path: path, reason: "\(given) is not a directory")
        }
        return folder
    }

    /// `.NAME.<UUID>.tmp`, hidden and unique, with NAME cut short (at a character boundary) so
    /// that the whole stays within `maximumNameLength` bytes even when NAME itself is that long.
    static func temporaryName(for path: String) -> String {
        let suffix = ".\(UUID().uuidString).tmp"
        var name = FolderPath.lastComponent(of: path)
        while 1 + name.utf8.count + suffix.utf8.count > maximumNameLength {
            name = name.dropLast()
        }
        return "." + name + suffix
    }

    /// The permission bits of the file at `path` if there is one (so that replacing it keeps a
    /// private file private), else `nil`: a new file's, `0666` less the umask.
    private static func permissions(replacing path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return status.st_mode & 0o777
    }

    /// Creates `path` (which must not exist) with `mode` (exactly, whatever the umask) or the
    /// umask's default, and writes, syncs and closes it; the file stays behind on failure.
    private static func writeFile(_ data: Data, at path: String, mode: mode_t?) throws(SystemError) {
        let descriptor = try create(path, mode: mode)
        do throws(SystemError) {
            try SystemError.writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 else { throw SystemError.current() }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw .current() }
    }

    /// Creates `path` (which must not exist) for writing, with `mode` (exactly, whatever the
    /// umask) or the umask's default, and returns its open descriptor. Nothing is synced: the
    /// writability probe of ``checkWritable(_:)`` removes its empty file at once, and an `fsync`
    /// of it would wait for the disk for nothing (0.5 ms per output, measured with strace here).
    private static func create(_ path: String, mode: mode_t?) throws(SystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else { throw .current() }
        if let mode, fchmod(descriptor, mode) != 0 {
            let error = SystemError.current()
            close(descriptor)
            throw error
        }
        return descriptor
    }
}
