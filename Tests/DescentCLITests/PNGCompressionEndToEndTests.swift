import DescentPlot
import Foundation
import Testing

/// `--png-compression`: the same pixels either way, a bad value refused before any work.
@Suite struct PNGCompressionEndToEndTests {
    @Test func fastCompressionKeepsEveryPixel() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let standard = try CommandRunner.run(["field", "--output", "standard.png"], in: directory)
        let fast = try CommandRunner.run(
            ["field", "--output", "fast.png", "--png-compression", "fast"], in: directory)
        #expect(standard.status == 0 && fast.status == 0, "\(standard.stderr)\(fast.stderr)")
        let standardData = try Data(contentsOf: directory.appendingPathComponent("standard.png"))
        let fastData = try Data(contentsOf: directory.appendingPathComponent("fast.png"))
        #expect(try PNGCodec.decode(fastData).rgba == PNGCodec.decode(standardData).rgba)
        #expect(
            PNGCodec.textChunks(of: fastData)["Command"] == "descent field --output fast.png --png-compression fast")
    }

    @Test func anUnknownModeIsRefusedWithTheChoices() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["trajectory", "--png-compression", "best", "--output", "a.png"], in: directory)
        #expect(
            result.stderr
                == "descent: The value 'best' is invalid for '--png-compression <mode>'. Please provide one of 'standard' and 'fast'.\n"
        )
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
