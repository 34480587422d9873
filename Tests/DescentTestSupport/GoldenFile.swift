import DescentPlot
import Foundation
import Testing

/// Golden files, as swift-argument-parser's `assertSnapshot`: the expected output sits in a
/// `Golden/` folder beside the test file that compares with it. A mismatch records an issue with
/// the first differing lines. `DESCENT_RECORD_GOLDEN=1 swift test` writes the current output
/// there instead, and the test FAILS saying it "recorded a new baseline", so that a run that
/// re-records can never look green: review the change with `git diff` and the figures, then run
/// the tests again without the variable.
public enum GoldenFile {
    /// The environment variable that re-records golden files.
    public static let recordVariable = "DESCENT_RECORD_GOLDEN"

    /// Whether this run records (``recordVariable`` is `1`) instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// The golden file `name` in the `Golden/` folder beside the test file at `filePath`.
    public static func url(_ name: String, besides filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    }

    /// Compares `actual` with the golden file `name`, line by line; records it when `recording`
    /// (by default, when ``isRecording``).
    public static func assertText(
        _ actual: String, matches name: String, recording: Bool = isRecording, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard
            let golden = try golden(
                name, actual: Data(actual.utf8), recording: recording, filePath: filePath,
                sourceLocation: sourceLocation)
        else { return }
        let expected = String(decoding: golden, as: UTF8.self)
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
            "\(name) differs from its golden file (\(recordVariable)=1 re-records):\n\(diff)",
            sourceLocation: sourceLocation)
    }

    /// Compares a PNG with the golden file `name`: same size, and no channel of any pixel off by
    /// more than `tolerance` (rendering may move by rounding on another FreeType or CPU); records
    /// it when `recording` (by default, when ``isRecording``).
    public static func assertImage(
        _ actual: Data, matches name: String, tolerance: Int = 2, recording: Bool = isRecording,
        filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard
            let recorded = try golden(
                name, actual: actual, recording: recording, filePath: filePath, sourceLocation: sourceLocation)
        else { return }
        let image = try PNGCodec.decode(actual)
        let golden = try PNGCodec.decode(recorded)
        guard image.width == golden.width, image.height == golden.height else {
            Issue.record(
                "\(name): \(image.width)×\(image.height), golden \(golden.width)×\(golden.height)",
                sourceLocation: sourceLocation)
            return
        }
        let worst = ImageComparison(image, golden, threshold: tolerance).largestDifference
        if worst > tolerance {
            Issue.record(
                "\(name) differs from its golden image by up to \(worst) per channel", sourceLocation: sourceLocation)
        }
    }

    /// Compares `actual` with the golden file `name` byte for byte (an encoder's output, which must
    /// not change); records it when `recording` (by default, when ``isRecording``).
    public static func assertBytes(
        _ actual: Data, matches name: String, recording: Bool = isRecording, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard
            let expected = try golden(
                name, actual: actual, recording: recording, filePath: filePath, sourceLocation: sourceLocation),
            actual != expected
        else { return }
        let first = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        let message =
            "\(name) differs from its golden file (\(recordVariable)=1 re-records): \(actual.count) bytes against "
            + "\(expected.count), first difference at byte \(first ?? min(actual.count, expected.count))"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The golden file `name` beside `filePath`; or, when `recording`, `nil` after writing `actual`
    /// there (which fails the test).
    private static func golden(
        _ name: String, actual: Data, recording: Bool, filePath: String, sourceLocation: SourceLocation
    ) throws -> Data? {
        let url = url(name, besides: filePath)
        guard recording else { return try expected(url) }
        try record(actual, to: url, sourceLocation: sourceLocation)
        return nil
    }

    /// The committed golden file at `url`.
    private static func expected(_ url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw GoldenFileError(
                description: "no golden file \(url.path); \(recordVariable)=1 swift test records one")
        }
        return try Data(contentsOf: url)
    }

    /// Writes `data` to `url` and fails the test: a recording run must not pass.
    private static func record(_ data: Data, to url: URL, sourceLocation: SourceLocation) throws {
        try data.write(to: url)
        let message =
            "recorded a new baseline for \(url.lastPathComponent) in \(url.path): review it, then run the tests "
            + "again without \(recordVariable)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// A golden file that is missing.
public struct GoldenFileError: Error, CustomStringConvertible {
    public let description: String
}
