import Foundation

/// Files the harnesses hand to the readers that take a path: one private folder per process,
/// in /dev/shm where it exists (a RAM disk: no disk traffic at tens of thousands of runs a
/// second), removed and remade on first use.
public enum ScratchFiles {
    public static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/descent-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let path = "\(folder)/\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Removes `name` from the folder, if it is there.
    public static func remove(_ name: String) {
        unlink("\(folder)/\(name)")
    }
}

/// A gzip member (RFC 1952) holding `bytes` in stored deflate blocks (RFC 1951 §3.2.4, no
/// compression): a valid stream made without zlib, so a harness can hand the gzip reader a
/// well-formed wrapper around fuzzed contents, and the fuzzer need not learn DEFLATE to get
/// past it.
public func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    var offset = 0
    repeat {
        let count = min(0xFFFF, bytes.count - offset)
        let final: UInt8 = offset + count == bytes.count ? 1 : 0
        out.append(final)
        out += littleEndian(UInt32(count), bytes: 2) + littleEndian(UInt32(~UInt16(count)), bytes: 2)
        out += bytes[offset..<(offset + count)]
        offset += count
    } while offset < bytes.count
    out += littleEndian(crc32(bytes), bytes: 4) + littleEndian(UInt32(truncatingIfNeeded: bytes.count), bytes: 4)
    return out
}

private func littleEndian(_ value: UInt32, bytes count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as gzip's trailer wants.
private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return ~crc
}

private let crcTable: [UInt32] = (0..<256).map { index in
    var c = UInt32(index)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}
