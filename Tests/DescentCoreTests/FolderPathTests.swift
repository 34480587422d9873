import DescentCore
import Foundation
import Testing

/// `FolderPath` against the answers of `NSString`'s path methods, and the names on which
/// `deletingLastPathComponent` traps.
@Suite struct FolderPathTests {
    @Test(arguments: [
        ("output", ""), ("output/", ""), ("a/b", "a"), ("a/b/", "a"), ("a//b//", "a"), ("/g", "/"), ("/", "/"),
        ("", ""), ("../x/y.png", "../x"), ("./out", "."),
    ])
    func theFolderIsWhatFoundationSays(path: String, folder: String) {
        #expect(FolderPath.parent(of: path) == folder)
        #expect((path as NSString).deletingLastPathComponent == folder)
    }

    @Test(arguments: ["a/b", "a/b/", "a//b//", "/g", "/", "", "out.png", "../x/y.png", "./out", "a/.png"])
    func theLastComponentIsWhatFoundationSays(path: String) {
        #expect(String(FolderPath.lastComponent(of: path)) == (path as NSString).lastPathComponent)
    }

    @Test(arguments: [
        (".", "a.png", "./a.png"), ("/", "a", "/a"), ("out", "x", "out/x"), ("a/b", ".t.tmp", "a/b/.t.tmp"),
    ])
    func aNameInAFolderIsWhatFoundationSays(folder: String, name: String, path: String) {
        #expect(FolderPath.appending(name, to: folder) == path)
        #expect((folder as NSString).appendingPathComponent(name) == path)
    }

    /// Where Foundation traps (one-character names) or loses the root (`//` → "").
    @Test(arguments: [("g", ""), ("g/", ""), (".", ""), ("./", ""), ("out/g", "out"), ("/a/b/c", "/a/b"), ("//", "/")])
    func oneCharacterNamesAndTheRootHaveAFolderToo(path: String, folder: String) {
        #expect(FolderPath.parent(of: path) == folder)
    }
}
