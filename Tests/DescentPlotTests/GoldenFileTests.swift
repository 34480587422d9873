import DescentTestSupport
import Foundation
import Testing

/// The golden-file helper: a run that records must fail, so that it can never look green.
@Suite struct GoldenFileTests {
    @Test func recordingABaselineFailsTheTest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Golden"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let testFile = folder.appendingPathComponent("SomeTests.swift").path
        try withKnownIssue {
            try GoldenFile.assertText("new\n", matches: "figure.svg", recording: true, filePath: testFile)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.hasPrefix("recorded a new baseline for figure.svg") }
        }
        let recorded = GoldenFile.url("figure.svg", besides: testFile)
        #expect(try String(contentsOf: recorded, encoding: .utf8) == "new\n")
        // Compared afterwards, the same text passes and another fails, naming the line.
        try GoldenFile.assertText("new\n", matches: "figure.svg", recording: false, filePath: testFile)
        try withKnownIssue {
            try GoldenFile.assertText("old\n", matches: "figure.svg", recording: false, filePath: testFile)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("line 1:\n- new\n+ old") }
        }
    }
}
