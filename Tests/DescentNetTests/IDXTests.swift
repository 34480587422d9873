import Foundation
import Testing

@testable import DescentNet

/// The IDX reader on small files written here, raw and gzip'd, and on broken ones.
@Suite struct IDXTests {
    /// IDX bytes: magic, dimensions, values.
    static func idx(magic: UInt32, dimensions: [UInt32], values: [UInt8]) -> [UInt8] {
        func bigEndian(_ v: UInt32) -> [UInt8] {
            [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        return bigEndian(magic) + dimensions.flatMap(bigEndian) + values
    }

    /// A folder with a tiny MNIST-format data set: 3 training and 2 test images of 2×2 pixels.
    static func writeDataset(
        gzip: Bool, trainLabels: [UInt8] = [0, 9, 4], imageMagic: UInt32 = IDXFile.imagesMagic, truncate: Int = 0
    ) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files: [(String, [UInt8])] = [
            (
                "train-images-idx3-ubyte",
                idx(magic: imageMagic, dimensions: [3, 2, 2], values: Array(0..<12).map { UInt8($0 * 20) })
            ),
            (
                "train-labels-idx1-ubyte",
                idx(magic: IDXFile.labelsMagic, dimensions: [UInt32(trainLabels.count)], values: trainLabels)
            ),
            (
                "t10k-images-idx3-ubyte",
                idx(magic: IDXFile.imagesMagic, dimensions: [2, 2, 2], values: [0, 255, 51, 102, 1, 2, 3, 4])
            ),
            ("t10k-labels-idx1-ubyte", idx(magic: IDXFile.labelsMagic, dimensions: [2], values: [1, 2])),
        ]
        for (name, var bytes) in files {
            if truncate > 0 && name.hasPrefix("train-images") { bytes.removeLast(truncate) }
            let path = folder.appendingPathComponent(gzip ? name + ".gz" : name)
            if gzip {
                let raw = folder.appendingPathComponent(name)
                try Data(bytes).write(to: raw)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/gzip")
                process.arguments = ["-n", raw.path]
                try process.run()
                process.waitUntilExit()
            } else {
                try Data(bytes).write(to: path)
            }
        }
        return folder
    }

    @Test(arguments: [false, true])
    func rawAndGzippedFilesLoadTheSame(gzip: Bool) throws {
        let folder = try Self.writeDataset(gzip: gzip)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try Dataset.load(directory: folder.path)
        #expect(dataset.trainImages.rows == 3 && dataset.trainImages.columns == 4)
        #expect(dataset.trainLabels == [0, 9, 4])
        #expect(
            dataset.testImages.matrix(as: Float.self).elements == [
                0, 1, 51 / 255, 102 / 255, 1 / 255, 2 / 255, 3 / 255, 4 / 255,
            ] as [Float])
        #expect(dataset.trainImages[1, 0] == Float(80) / 255)
    }

    private func loadError(_ folder: URL) -> String? {
        do {
            _ = try Dataset.load(directory: folder.path)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: folder.path, with: "DIR")
        }
    }

    @Test func brokenFilesAreNamedWithTheirFault() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("idx-missing-\(UUID().uuidString)")
        #expect(
            loadError(missing)
                == "DIR: train-images-idx3-ubyte (or train-images-idx3-ubyte.gz) not found; --data-dir takes a folder of MNIST-format files"
        )

        let magic = try Self.writeDataset(gzip: false, imageMagic: 0x0000_0801)
        defer { try? FileManager.default.removeItem(at: magic) }
        #expect(
            loadError(magic) == "DIR/train-images-idx3-ubyte: magic number 0x00000801, expected 0x00000803 (IDX images)"
        )

        let truncated = try Self.writeDataset(gzip: false, truncate: 3)
        defer { try? FileManager.default.removeItem(at: truncated) }
        #expect(loadError(truncated) == "DIR/train-images-idx3-ubyte: truncated: 12 values announced, 9 present")

        let counts = try Self.writeDataset(gzip: true, trainLabels: [0, 1])
        defer { try? FileManager.default.removeItem(at: counts) }
        #expect(
            loadError(counts)
                == "DIR/train-images-idx3-ubyte.gz has 3 images but DIR/train-labels-idx1-ubyte.gz has 2 labels")

        let label = try Self.writeDataset(gzip: false, trainLabels: [0, 12, 3])
        defer { try? FileManager.default.removeItem(at: label) }
        #expect(loadError(label) == "DIR/train-labels-idx1-ubyte: label 12 at index 1 is outside 0…9")
    }

    @Test(arguments: [false, true])
    func aLimitKeepsTheFirstImagesOfEachSet(gzip: Bool) throws {
        let folder = try Self.writeDataset(gzip: gzip)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = try Dataset.load(directory: folder.path, limit: 2)
        #expect(dataset.trainImages.rows == 2 && dataset.trainImages.columns == 4)
        #expect(dataset.trainLabels == [0, 9])
        #expect(dataset.trainImages.matrix(as: Float.self).elements == (0..<8).map { Float($0 * 20) / 255 })
        #expect(dataset.testImages.rows == 2 && dataset.testLabels == [1, 2])
    }

    /// A limited read inflates only as far as its items: a gzip stream cut short after them
    /// still loads, where reading the whole file is refused.
    @Test func aLimitedReadStopsBeforeADamagedTail() throws {
        let folder = try Self.writeDataset(gzip: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("train-images-idx3-ubyte.gz")
        let whole = try Data(contentsOf: file)
        try whole.dropLast(8).write(to: file)
        #expect(throws: DatasetError(description: "\(file.path): not a complete gzip stream (it ends early)")) {
            try IDXFile.read(file.path, expectedMagic: IDXFile.imagesMagic)
        }
        let first = try IDXFile.read(file.path, expectedMagic: IDXFile.imagesMagic, limit: 1)
        #expect(first.dimensions == [1, 2, 2] && first.values == [0, 20, 40, 60])
    }

    private func write(_ bytes: [UInt8], gzip: Bool = false) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        guard gzip else { return file }
        try Self.run("/bin/gzip", ["-n", file.path])
        return file.appendingPathExtension("gz")
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
    }

    private func readError(_ path: String, limit: Int? = nil) -> String? {
        do {
            _ = try IDXFile.read(path, expectedMagic: IDXFile.imagesMagic, limit: limit)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: path, with: "FILE")
        }
    }

    @Test func aCorruptGzipStreamIsRefused() throws {
        let file = try write([0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
        let gz = file.appendingPathExtension("gz")
        try FileManager.default.moveItem(at: file, to: gz)
        defer { try? FileManager.default.removeItem(at: gz) }
        #expect(readError(gz.path)?.hasPrefix("FILE: not a complete gzip stream") == true)
    }

    /// Dimensions whose product passes Int, or an image larger than a network could take, are
    /// refused from the header alone, before any value is read or any memory is taken for them.
    @Test(
        arguments: [
            (
                [60000, 4_294_967_295, 4_294_967_295],
                "FILE: items of 4294967295 × 4294967295 values announced; at most 1048576 (1024 × 1024) are allowed"
            ),
            (
                [1, 10000, 10000],
                "FILE: items of 10000 × 10000 values announced; at most 1048576 (1024 × 1024) are allowed"
            ),
            (
                [4_294_967_295, 1024, 1024],
                "FILE: 4294967295 × 1024 × 1024 values announced; at most 268435456 are allowed in one file"
            ),
        ] as [([UInt32], String)])
    func headersPastTheLimitsAreRefused(dimensions: [UInt32], message: String) throws {
        let file = try write(Self.idx(magic: IDXFile.imagesMagic, dimensions: dimensions, values: [1, 2, 3]))
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(readError(file.path) == message)
    }

    /// A file is read only as far as its header promises: `/dev/zero` behind a valid header
    /// costs its 12 values, and a gzip bomb (a megabyte of zeros after them) is refused after at
    /// most a megabyte of it is inflated.
    @Test func aFileIsReadOnlyAsFarAsItsHeaderPromises() throws {
        let header = Self.idx(magic: IDXFile.imagesMagic, dimensions: [3, 2, 2], values: Array(1...12))
        let padded = try write(header + [UInt8](repeating: 0, count: 3 << 20), gzip: true)
        defer { try? FileManager.default.removeItem(at: padded) }
        #expect(readError(padded.path) == "FILE: more data after the values its header announces")
        let first = try IDXFile.read(padded.path, expectedMagic: IDXFile.imagesMagic, limit: 3)
        #expect(first.values == Array(1...12))

        let endless = try write([])
        defer { try? FileManager.default.removeItem(at: endless) }
        #expect(readError("/dev/zero") == "FILE: not a regular file; a data file must be a file on disk")
        try FileManager.default.removeItem(at: endless)
        try FileManager.default.createSymbolicLink(atPath: endless.path, withDestinationPath: "/dev/zero")
        #expect(readError(endless.path) == "FILE: not a regular file; a data file must be a file on disk")
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("idx-fifo-\(UUID().uuidString)")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        #expect(readError(fifo.path) == "FILE: not a regular file; a data file must be a file on disk")
    }

    /// `cat a.gz b.gz` is one gzip file with two members; gzip(1) reads their contents in turn.
    @Test func aMultiMemberGzipFileReadsAsOneStream() throws {
        let bytes = Self.idx(magic: IDXFile.imagesMagic, dimensions: [3, 2, 2], values: Array(1...12))
        let first = try write(Array(bytes[..<10]), gzip: true)
        let second = try write(Array(bytes[10...]), gzip: true)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        var joined = try Data(contentsOf: first)
        joined += try Data(contentsOf: second)
        try joined.write(to: first)
        let file = try IDXFile.read(first.path, expectedMagic: IDXFile.imagesMagic)
        #expect(file.dimensions == [3, 2, 2] && file.values == Array(1...12))
        try joined.dropLast(3).write(to: first)
        #expect(readError(first.path) == "FILE: not a complete gzip stream (it ends early)")
    }

    @Test(arguments: [[0, 2, 2], [3, 0, 2]] as [[UInt32]])
    func dataSetsWithoutImagesOrPixelsAreRefused(dimensions: [UInt32]) throws {
        let folder = try Self.writeDataset(gzip: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let labels = Int(dimensions[0])
        try Data(Self.idx(magic: IDXFile.imagesMagic, dimensions: dimensions, values: []))
            .write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
        try Data(
            Self.idx(
                magic: IDXFile.labelsMagic, dimensions: [UInt32(labels)], values: Array(repeating: 1, count: labels))
        )
        .write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte"))
        let shape = dimensions.map(String.init).joined(separator: " × ")
        #expect(
            loadError(folder)
                == "DIR/t10k-images-idx3-ubyte: \(shape) pixels; a data set needs at least one image of at least one pixel"
        )
    }
}
