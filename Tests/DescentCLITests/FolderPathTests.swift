import Foundation
import Testing

@testable import DescentCLI

/// `FolderPath.parent(of:)` against the answers of `NSString.deletingLastPathComponent`, and the
/// names on which that traps.
@Suite struct FolderPathTests {
    @Test(arguments: [
        ("output", ""), ("output/", ""), ("a/b", "a"), ("a/b/", "a"), ("a//b//", "a"), ("/g", "/"), ("/", "/"),
        ("", ""), ("../x/y.png", "../x"), ("./out", "."),
    ])
    func theFolderIsWhatFoundationSays(path: String, folder: String) {
        #expect(FolderPath.parent(of: path) == folder)
        #expect((path as NSString).deletingLastPathComponent == folder)
    }

    /// Where Foundation traps (one-character names) or loses the root (`//` → "").
    @Test(arguments: [("g", ""), ("g/", ""), (".", ""), ("./", ""), ("out/g", "out"), ("/a/b/c", "/a/b"), ("//", "/")])
    func oneCharacterNamesAndTheRootHaveAFolderToo(path: String, folder: String) {
        #expect(FolderPath.parent(of: path) == folder)
    }
}
