import CZlib
import DescentCore
import Foundation

/// The bytes of a data file, read as they are asked for: as they are on disk, or inflated with
/// zlib when the name ends in `.gz`. A gzip file may hold several members one after another (as
/// `cat a.gz b.gz` makes them); their contents follow each other, as gzip(1) reads them.
///
/// Only regular files are read: the file is opened without blocking and checked with `fstat`, so
/// a FIFO or a device given as a data file is refused at once instead of waiting or reading
/// forever. At most ``IDXFile/readSize`` bytes of the file are buffered; zlib inflates straight
/// into the array that ``read(_:)`` returns, so the values are written once.
final class FileBytes {
    private let path: String
    private let descriptor: Int32
    private let gzip: GzipState?

    /// zlib's stream with its input buffer, which must not move while zlib holds a pointer into it.
    private final class GzipState {
        var stream = z_stream()
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: IDXFile.readSize)
        /// Whether the last member read ended cleanly (so the end of the file may come now).
        var atMemberEnd = false
        var fileEnded = false

        deinit {
            inflateEnd(&stream)
            input.deallocate()
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

    /// The next `count` bytes, or fewer where the data ends, read (or inflated) straight into the
    /// array returned: its pages are touched once, by the data.
    func read(_ count: Int) throws(DatasetError) -> [UInt8] {
        var failure: DatasetError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            Self.adviseHugePages(buffer)
            do throws(DatasetError) {
                initialized = try fill(buffer)
            } catch {
                (initialized, failure) = (0, error)
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Asks Linux to back `buffer` with 2 MB pages where it can (`madvise(MADV_HUGEPAGE)`, before any
    /// page is touched): mini-batches gather rows at random from the 47 MB of training images,
    /// which 4 KB pages spread over 11,500 TLB entries. Nothing elsewhere, or for buffers under 4 MB.
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        #if os(Linux)
            let hugePage = 2 << 20
            guard buffer.count >= 2 * hugePage, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
            let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
            guard end > start else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Fills `buffer` from the start, as far as the data goes; returns how many bytes it holds.
    private func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(DatasetError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try next(into: buffer.baseAddress! + filled, upTo: min(buffer.count - filled, IDXFile.readSize))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// For a gzip file, reads on to the end of its last member, so that zlib checks the CRC of
    /// everything read; fails if more than `allowance` bytes follow. Nothing to do for a raw file.
    func finish(allowingExtra allowance: Int) throws(DatasetError) {
        guard gzip != nil else { return }
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: IDXFile.readSize)
        defer { scratch.deallocate() }
        var extra = 0
        while true {
            let count = try next(into: scratch.baseAddress!, upTo: scratch.count)
            if count == 0 { return }
            extra += count
            guard extra <= allowance else {
                throw DatasetError(description: "\(path): more data after the values its header announces")
            }
        }
    }

    /// Writes at most `limit` more bytes to `target` and returns how many; none only at the end
    /// of the data.
    private func next(into target: UnsafeMutablePointer<UInt8>, upTo limit: Int) throws(DatasetError) -> Int {
        guard let gzip else { return try readSome(into: target, count: limit) }
        return try inflateNext(into: target, upTo: limit, state: gzip)
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

    private func inflateNext(into target: UnsafeMutablePointer<UInt8>, upTo limit: Int, state: GzipState)
        throws(DatasetError) -> Int
    {
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
                return 0
            }
            state.stream.next_out = target
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
            if produced > 0 { return produced }
        }
    }
}
