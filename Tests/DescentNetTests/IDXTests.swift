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
            dataset.testImages.elements == [0, 1, 51 / 255, 102 / 255, 1 / 255, 2 / 255, 3 / 255, 4 / 255] as [Float])
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
        #expect(dataset.trainImages.elements == (0..<8).map { Float($0 * 20) / 255 })
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

    @Test func aCorruptGzipStreamIsRefused() {
        var input: [UInt8] = [0x1F, 0x8B, 8, 0, 1, 2, 3]
        #expect(throws: DatasetError.self) {
            try IDXFile.gunzip(
                path: "broken.gz",
                input: {
                    defer { input = [] }
                    return input
                }, until: { _ in false })
        }
    }
}
