import Foundation

/// A fault in a data file: one line naming the file and what is wrong with it.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    /// The whole line: the file's path and what is wrong with it.
    public let description: String
}

/// One IDX file (the MNIST format, LeCun et al.): a big-endian magic number whose third byte is
/// the element type (0x08, unsigned byte) and fourth the number of dimensions, the dimensions as
/// big-endian 32-bit sizes, then the elements. Labels are magic 0x00000801 (one dimension),
/// images 0x00000803 (count × rows × columns).
///
/// The header is read first and the file is then read only as far as it promises: a file that
/// never ends (`/dev/zero`, a gzip bomb) costs no more than its header announces, and the header
/// itself is held to ``maximumItemSize`` and ``maximumValueCount``.
public struct IDXFile: Sendable {
    /// The sizes of the dimensions: `[count]` for labels, `[count, rows, columns]` for images.
    public let dimensions: [Int]
    /// Every element, last dimension fastest (as C order).
    public let values: [UInt8]

    /// The magic number of label files.
    public static let labelsMagic: UInt32 = 0x0000_0801
    /// The magic number of image files.
    public static let imagesMagic: UInt32 = 0x0000_0803

    /// The most values one item (one image) may have: 2²⁰, a 1024 × 1024 image. An image is a
    /// row of the network's input, so this also bounds the first layer's weights.
    public static let maximumItemSize = 1 << 20
    /// The most values one file may hold: 2²⁸ (256 Mi bytes, 1 GiB once they are Floats), five
    /// times Fashion-MNIST's training set.
    public static let maximumValueCount = 1 << 28

    /// Reads `path`, inflating it as it is read when it is gzip'd (by its `.gz` name), and checks
    /// that it has the `expectedMagic`. With `limit`, only the first `limit` items are kept, and
    /// the file is read (and inflated) only that far, so what lies after them is not checked;
    /// without one, a gzip'd file is read to the end of its stream, whose checksum covers the
    /// values (at most `readSize` bytes may follow them).
    ///
    /// - Throws: ``DatasetError`` for a file that cannot be opened or is not a regular file (a
    ///   FIFO would block), a wrong magic number, dimensions past the limits, or too few values.
    /// - Complexity: O(bytes read), never more than the header announces.
    public static func read(_ path: String, expectedMagic: UInt32, limit: Int? = nil) throws(DatasetError) -> IDXFile {
        let file = try FileBytes(path: path)
        let magicBytes = try file.read(4)
        guard magicBytes.count == 4 else {
            throw DatasetError(description: "\(path): truncated: \(magicBytes.count) bytes, no IDX header")
        }
        let magic = bigEndian(magicBytes, at: 0)
        guard magic == expectedMagic else {
            throw DatasetError(
                description: String(
                    format: "%@: magic number 0x%08x, expected 0x%08x (%@)", path, magic, expectedMagic,
                    expectedMagic == imagesMagic ? "IDX images" : "IDX labels"))
        }
        let rank = Int(magic & 0xFF)
        let dimensionBytes = try file.read(4 * rank)
        guard dimensionBytes.count == 4 * rank else {
            throw DatasetError(description: "\(path): truncated inside the header")
        }
        var dimensions = (0..<rank).map { Int(bigEndian(dimensionBytes, at: 4 * $0)) }
        if let limit, rank > 0 { dimensions[0] = min(dimensions[0], limit) }
        let expected = try valueCount(of: dimensions, path: path)
        let values = try file.read(expected)
        guard values.count == expected else {
            throw DatasetError(description: "\(path): truncated: \(expected) values announced, \(values.count) present")
        }
        if limit == nil { try file.finish(allowingExtra: readSize) }
        return IDXFile(dimensions: dimensions, values: values)
    }

    /// The number of values `dimensions` announce, once they are checked against the limits.
    private static func valueCount(of dimensions: [Int], path: String) throws(DatasetError) -> Int {
        let shape = { (sizes: ArraySlice<Int>) in sizes.map(String.init).joined(separator: " × ") }
        var itemSize = 1
        for size in dimensions.dropFirst() {
            let (product, overflow) = itemSize.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumItemSize else {
                throw DatasetError(
                    description: "\(path): items of \(shape(dimensions.dropFirst())) values announced; "
                        + "at most \(maximumItemSize) (1024 × 1024) are allowed")
            }
            itemSize = product
        }
        let (count, overflow) = (dimensions.first ?? 1).multipliedReportingOverflow(by: itemSize)
        guard !overflow, count <= maximumValueCount else {
            throw DatasetError(
                description: "\(path): \(shape(dimensions[...])) values announced; "
                    + "at most \(maximumValueCount) are allowed in one file")
        }
        return count
    }

    /// Bytes read from a file, or inflated, at a time: 1 MB.
    static let readSize = 1 << 20

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }
}
