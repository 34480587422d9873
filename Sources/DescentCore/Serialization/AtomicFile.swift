import Foundation

/// Writing files so that a reader never sees half of one: the bytes go to a temporary file in the
/// same directory, which is then renamed over the destination (rename is atomic within a file
/// system). On any failure the temporary file is removed and nothing is left behind.
public enum AtomicFile {
    /// A file that could not be written, with the path and the reason in words.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let destination = URL(fileURLWithPath: path)
        let directory = destination.deletingLastPathComponent()
        let directoryAsGiven = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw WriteError(path: path, reason: "the directory \(directoryAsGiven) does not exist")
        }
        guard isDirectory.boolValue else {
            throw WriteError(path: path, reason: "\(directoryAsGiven) is not a directory")
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw WriteError(path: path, reason: Self.describe(error, fallback: "the directory is not writable"))
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }

    private static func describe(_ error: any Error, fallback: String) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return fallback
    }
}
