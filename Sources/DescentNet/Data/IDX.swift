import CZlib
import Foundation

/// A fault in a data file: one line naming the file and what is wrong with it.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    public let description: String
}

/// One IDX file (the MNIST format, LeCun et al.): a big-endian magic number whose third byte is
/// the element type (0x08, unsigned byte) and fourth the number of dimensions, the dimensions as
/// big-endian 32-bit sizes, then the elements. Labels are magic 0x00000801 (one dimension),
/// images 0x00000803 (count × rows × columns).
public struct IDXFile: Sendable {
    public let dimensions: [Int]
    public let values: [UInt8]

    /// The magic number of label files.
    public static let labelsMagic: UInt32 = 0x0000_0801
    /// The magic number of image files.
    public static let imagesMagic: UInt32 = 0x0000_0803

    /// Reads `path`, inflating it first when it is gzip'd (by its `.gz` name), and checks that it
    /// has the `expectedMagic`. With `limit`, only the first `limit` items are kept, and the file
    /// is read (and inflated) only that far, so what lies after them is not checked.
    public static func read(_ path: String, expectedMagic: UInt32, limit: Int? = nil) throws(DatasetError) -> IDXFile {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw DatasetError(description: "\(path): cannot be read")
        }
        defer { try? file.close() }
        let nextInput = { () -> [UInt8] in
            [UInt8]((try? file.read(upToCount: readSize)) ?? Data())
        }
        let enough = { (bytes: [UInt8]) -> Bool in
            guard let limit, let needed = byteCount(ofFirst: limit, in: bytes) else { return false }
            return bytes.count >= needed
        }
        var bytes: [UInt8] = []
        if path.hasSuffix(".gz") {
            bytes = try gunzip(path: path, input: nextInput, until: enough)
        } else {
            while !enough(bytes) {
                let chunk = nextInput()
                if chunk.isEmpty { break }
                bytes += chunk
            }
        }
        return try parse(bytes, path: path, expectedMagic: expectedMagic, limit: limit)
    }

    /// Bytes read from a file, or inflated, at a time: 1 MB.
    static let readSize = 1 << 20

    /// Parses IDX bytes; `path` only names the file in errors. With `limit`, keeps the first
    /// `limit` items.
    public static func parse(_ bytes: [UInt8], path: String, expectedMagic: UInt32, limit: Int? = nil)
        throws(DatasetError) -> IDXFile
    {
        guard bytes.count >= 4 else {
            throw DatasetError(description: "\(path): truncated: \(bytes.count) bytes, no IDX header")
        }
        let magic = bigEndian(bytes, at: 0)
        guard magic == expectedMagic else {
            throw DatasetError(
                description: String(
                    format: "%@: magic number 0x%08x, expected 0x%08x (%@)", path, magic, expectedMagic,
                    expectedMagic == imagesMagic ? "IDX images" : "IDX labels"))
        }
        let rank = Int(magic & 0xFF)
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else { throw DatasetError(description: "\(path): truncated inside the header") }
        var dimensions = (0..<rank).map { Int(bigEndian(bytes, at: 4 + 4 * $0)) }
        if let limit, rank > 0 { dimensions[0] = min(dimensions[0], limit) }
        let expected = dimensions.reduce(1, *)
        let found = bytes.count - headerSize
        guard found >= expected else {
            throw DatasetError(description: "\(path): truncated: \(expected) values announced, \(found) present")
        }
        return IDXFile(dimensions: dimensions, values: Array(bytes[headerSize..<(headerSize + expected)]))
    }

    /// How many bytes of the file hold its header and first `count` items, once `prefix` holds the
    /// whole header; nil before.
    static func byteCount(ofFirst count: Int, in prefix: [UInt8]) -> Int? {
        guard prefix.count >= 4 else { return nil }
        let rank = Int(bigEndian(prefix, at: 0) & 0xFF)
        let headerSize = 4 + 4 * rank
        guard prefix.count >= headerSize else { return nil }
        let itemSize = (1..<max(rank, 1)).reduce(1) { $0 * Int(bigEndian(prefix, at: 4 + 4 * $1)) }
        return headerSize + count * itemSize
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    /// Inflates a gzip stream with zlib, taking its compressed bytes from `input` a piece at a time
    /// (an empty piece ends them) and stopping early once `enough` says so of what is out. `path`
    /// only names the stream in errors.
    static func gunzip(path: String, input: () -> [UInt8], until enough: ([UInt8]) -> Bool) throws(DatasetError)
        -> [UInt8]
    {
        var stream = z_stream()
        guard descent_inflate_init_gzip(&stream) == Z_OK else {
            throw DatasetError(description: "\(path): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: readSize)
        var status = Z_OK
        while status == Z_OK, !enough(output) {
            var piece = input()
            if piece.isEmpty { break }
            status = piece.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                var result = Z_OK
                // Until this piece is used up and zlib has nothing more to give for it.
                repeat {
                    buffer.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        result = inflate(&stream, Z_NO_FLUSH)
                        output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                    }
                } while result == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0) && !enough(output)
                return result
            }
        }
        guard status == Z_STREAM_END || enough(output) else {
            let fault = status == Z_OK ? "it ends early" : "zlib error \(status)"
            throw DatasetError(description: "\(path): not a complete gzip stream (\(fault))")
        }
        return output
    }
}
