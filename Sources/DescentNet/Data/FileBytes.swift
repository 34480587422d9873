import CZlib
import DescentCore
import Foundation

/// The bytes of a data file, read as they are asked for: as they are on disk, or inflated with
/// zlib when the name ends in `.gz`. A gzip file may hold several members one after another (as
/// `cat a.gz b.gz` makes them); their contents follow each other, as gzip(1) reads them.
///
/// Only regular files are read: the file is opened without blocking and checked with `fstat`, so
/// a FIFO or a device given as a data file is refused at once instead of waiting or reading
/// forever. At most ``IDXFile/readSize`` bytes are buffered on either side of zlib.
final class FileBytes {
    private let path: String
    private let descriptor: Int32
    private let gzip: GzipState?

    /// zlib's stream with its input and output buffers, which must not move while zlib holds
    /// pointers into them.
    private final class GzipState {
        var stream = z_stream()
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: IDXFile.readSize)
        let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: IDXFile.readSize)
        /// Whether the last member read ended cleanly (so the end of the file may come now).
        var atMemberEnd = false
        var fileEnded = false

        deinit {
            inflateEnd(&stream)
            input.deallocate()
            output.deallocate()
        }
    }

    init(path: String) throws(DatasetError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DatasetError(description: "\(path): cannot be read (\(SystemError.current()))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw DatasetError(description: "\(path): not a regular file; a data file must be a file on disk")
        }
        guard path.hasSuffix(".gz") else {
            gzip = nil
            return
        }
        let state = GzipState()
        guard descent_inflate_init_gzip(&state.stream) == Z_OK else {
            close(descriptor)
            throw DatasetError(description: "\(path): zlib could not start")
        }
        gzip = state
    }

    deinit {
        close(descriptor)
    }

    /// The next `count` bytes, or fewer where the data ends.
    func read(_ count: Int) throws(DatasetError) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let piece = try next(upTo: min(count - bytes.count, IDXFile.readSize))
            if piece.isEmpty { break }
            bytes += piece
        }
        return bytes
    }

    /// For a gzip file, reads on to the end of its last member, so that zlib checks the CRC of
    /// everything read; fails if more than `allowance` bytes follow. Nothing to do for a raw file.
    func finish(allowingExtra allowance: Int) throws(DatasetError) {
        guard gzip != nil else { return }
        var extra = 0
        while true {
            let piece = try next(upTo: IDXFile.readSize)
            if piece.isEmpty { return }
            extra += piece.count
            guard extra <= allowance else {
                throw DatasetError(description: "\(path): more data after the values its header announces")
            }
        }
    }

    /// At most `limit` more bytes; none only at the end of the data.
    private func next(upTo limit: Int) throws(DatasetError) -> [UInt8] {
        guard let gzip else { return try readFile(upTo: limit) }
        return try inflateNext(upTo: limit, state: gzip)
    }

    private func readFile(upTo limit: Int) throws(DatasetError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        // `withUnsafeMutableBytes` rethrows untyped errors, so the typed one travels in a Result.
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(DatasetError) in try readSome(into: buffer.baseAddress!, count: limit) }
        }.get()
        bytes.removeLast(limit - count)
        return bytes
    }

    /// `read(2)` of up to `count` bytes, retried when a signal interrupts it before any arrive.
    private func readSome(into buffer: UnsafeMutableRawPointer, count: Int) throws(DatasetError) -> Int {
        while true {
            let read = Foundation.read(descriptor, buffer, count)
            if read >= 0 { return read }
            guard errno == EINTR else {
                throw DatasetError(description: "\(path): cannot be read (\(SystemError.current()))")
            }
        }
    }

    private func inflateNext(upTo limit: Int, state: GzipState) throws(DatasetError) -> [UInt8] {
        while true {
            if state.stream.avail_in == 0, !state.fileEnded {
                let count = try readSome(into: state.input.baseAddress!, count: state.input.count)
                state.fileEnded = count == 0
                state.stream.next_in = state.input.baseAddress
                state.stream.avail_in = uInt(count)
            }
            if state.stream.avail_in == 0, state.fileEnded {
                guard state.atMemberEnd else {
                    throw DatasetError(description: "\(path): not a complete gzip stream (it ends early)")
                }
                return []
            }
            state.stream.next_out = state.output.baseAddress
            state.stream.avail_out = uInt(limit)
            let status = inflate(&state.stream, Z_NO_FLUSH)
            let produced = limit - Int(state.stream.avail_out)
            switch status {
            case Z_STREAM_END:
                // The member is complete and its checksum right; another may follow.
                state.atMemberEnd = true
                inflateReset(&state.stream)
            case Z_OK:
                state.atMemberEnd = false
            case Z_BUF_ERROR:
                break
            default:
                throw DatasetError(description: "\(path): not a complete gzip stream (zlib error \(status))")
            }
            if produced > 0 { return Array(state.output[0..<produced]) }
        }
    }
}
