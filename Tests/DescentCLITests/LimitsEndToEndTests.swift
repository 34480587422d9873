import Foundation
import Testing

/// What a user sees past the limits of the data and of the machine: one line naming the value
/// and the limit, exit 64, and no file.
@Suite struct LimitsEndToEndTests {
    /// A folder of raw IDX files: `trainImages` as the training images' dimensions (their values
    /// not written: a header whose promise cannot be kept), two good test images.
    private func dataFolder(trainImages: [UInt32]) throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        func idx(_ magic: UInt8, _ dimensions: [UInt32], _ values: [UInt8]) -> Data {
            Data(
                [0, 0, 8, magic]
                    + dimensions.flatMap {
                        [UInt8($0 >> 24), UInt8(($0 >> 16) & 0xFF), UInt8(($0 >> 8) & 0xFF), UInt8($0 & 0xFF)]
                    }
                    + values)
        }
        try idx(3, trainImages, [1, 2, 3]).write(to: directory.appendingPathComponent("train-images-idx3-ubyte"))
        try idx(1, [2], [3, 7]).write(to: directory.appendingPathComponent("train-labels-idx1-ubyte"))
        try idx(3, [2, 2, 2], [0, 50, 100, 150, 200, 250, 25, 75])
            .write(to: directory.appendingPathComponent("t10k-images-idx3-ubyte"))
        try idx(1, [2], [3, 7]).write(to: directory.appendingPathComponent("t10k-labels-idx1-ubyte"))
        return directory
    }

    @Test(arguments: [
        (
            [60000, 4_294_967_295, 4_294_967_295] as [UInt32],
            "items of 4294967295 × 4294967295 values announced; at most 1048576 (1024 × 1024) are allowed"
        ),
        ([1, 10000, 10000], "items of 10000 × 10000 values announced; at most 1048576 (1024 × 1024) are allowed"),
        ([0, 2, 2], "0 × 2 × 2 pixels; a data set needs at least one image of at least one pixel"),
    ])
    func impossibleDataIsRefusedFromItsHeader(dimensions: [UInt32], fault: String) throws {
        let directory = try dataFolder(trainImages: dimensions)
        defer { try? FileManager.default.removeItem(at: directory) }
        let commands = [
            ["train", "--data-dir", ".", "--output", "loss.png", "--accuracy-output", "accuracy.png"],
            ["gradcheck", "--data-dir", "."],
        ]
        for arguments in commands {
            let result = try CommandRunner.run(arguments, in: directory)
            #expect(result.stderr == "descent: ./train-images-idx3-ubyte: \(fault)\n")
            #expect(result.status == 64)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 4)
        }
    }

    /// A FIFO or a device where a file is expected is refused at once: reading one would wait for
    /// a writer, or never end.
    @Test func aFIFOOrADeviceGivenAsAFileIsRefusedWithoutWaiting() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("font.ttf").path, 0o600) == 0)
        let font = try CommandRunner.run(["trajectory"], in: directory, environment: ["DESCENT_FONT": "font.ttf"])
        #expect(
            font.stderr
                == "descent: the font file font.ttf is not a regular file; set DESCENT_FONT to a TrueType font\n")
        #expect(font.status == 64)

        let data = try dataFolder(trainImages: [2, 2, 2])
        defer { try? FileManager.default.removeItem(at: data) }
        let images = data.appendingPathComponent("train-images-idx3-ubyte")
        try FileManager.default.removeItem(at: images)
        #expect(mkfifo(images.path, 0o600) == 0)
        let fifo = try CommandRunner.run(["gradcheck", "--data-dir", "."], in: data)
        #expect(
            fifo.stderr
                == "descent: ./train-images-idx3-ubyte: not a regular file; a data file must be a file on disk\n")
        try FileManager.default.removeItem(at: images)
        try FileManager.default.createSymbolicLink(at: images, withDestinationURL: URL(fileURLWithPath: "/dev/zero"))
        let zero = try CommandRunner.run(["gradcheck", "--data-dir", "."], in: data)
        #expect(
            zero.stderr
                == "descent: ./train-images-idx3-ubyte: not a regular file; a data file must be a file on disk\n")
        #expect(zero.status == 64)
    }

    /// Two runs side by side of a network this size need far more memory than any machine here
    /// has: the estimate refuses them before training, naming the flags that lower it.
    @Test func aTrainingRunLargerThanTheMachineIsRefusedBeforeItStarts() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "train", "--hidden", "10000", "--batch", "60000", "--iters", "1", "--lr", "0.1,0.2", "--output",
                "loss.png",
            ],
            in: directory)
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "descent: --hidden 10000 --batch 60000 with 2 learning rates: training would need about "))
        #expect(result.stderr.contains(" GB of memory, more than half of this machine's "))
        #expect(result.stderr.hasSuffix("; lower it with --batch, --hidden, fewer --lr values, --precision float\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
