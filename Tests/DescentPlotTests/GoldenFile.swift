import DescentPlot
import Foundation
import Testing

/// Golden files: the expected output sits in `Golden/` next to the tests. A mismatch prints the
/// first differing lines; `DESCENT_RECORD_GOLDEN=1 swift test` writes the current output there
/// instead (then review the change with `git diff` and look at the figures).
enum GoldenFile {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["DESCENT_RECORD_GOLDEN"] == "1" }

    private static func sourceURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    }

    /// The committed golden file, from the test bundle.
    static func expected(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil), "no golden file \(name)")
        return try Data(contentsOf: url)
    }

    /// Compares text with the golden file `name`, line by line.
    static func assertText(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        if isRecording {
            try Data(actual.utf8).write(to: sourceURL(name))
            return
        }
        let expected = String(decoding: try expected(name), as: UTF8.self)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 }
            ?? min(actualLines.count, expectedLines.count)
        let window = first..<min(first + 3, max(actualLines.count, expectedLines.count))
        let diff = window.map { line in
            "line \(line + 1):\n- \(line < expectedLines.count ? expectedLines[line] : "")\n+ \(line < actualLines.count ? actualLines[line] : "")"
        }.joined(separator: "\n")
        Issue.record(
            "\(name) differs from its golden file (DESCENT_RECORD_GOLDEN=1 re-records):\n\(diff)",
            sourceLocation: sourceLocation)
    }

    /// Compares a PNG with the golden file `name`: same size, and no channel of any pixel off by
    /// more than `tolerance` (rendering may move by rounding on another FreeType or CPU).
    static func assertImage(
        _ actual: Data, matches name: String, tolerance: Int = 2, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isRecording {
            try actual.write(to: sourceURL(name))
            return
        }
        let image = try PNGCodec.decode(actual)
        let golden = try PNGCodec.decode(try expected(name))
        guard image.width == golden.width, image.height == golden.height else {
            Issue.record(
                "\(name): \(image.width)×\(image.height), golden \(golden.width)×\(golden.height)",
                sourceLocation: sourceLocation)
            return
        }
        let worst = zip(image.rgba, golden.rgba).map { abs(Int($0) - Int($1)) }.max() ?? 0
        if worst > tolerance {
            Issue.record(
                "\(name) differs from its golden image by up to \(worst) per channel", sourceLocation: sourceLocation)
        }
    }
}
