/// The folder part of a path, computed on the text alone (nothing is looked up on disk).
enum FolderPath {
    /// The folder that holds `path`: `path` without its last component and the slashes before
    /// it; "" for a bare name (`g`, `g/`), "/" for a name in the root (`/g`). Trailing slashes
    /// and repeated ones are dropped as a path's meaning has them: `a//b/` → `a`.
    ///
    /// Foundation's `NSString.deletingLastPathComponent` gives the same answers (but "" for `//`),
    /// except that in the Swift 6.3.1 toolchain it traps (SIGILL) on a last component of one
    /// character: `descent gallery --output-dir g` crashed.
    ///
    /// - Complexity: O(the length of `path`).
    static func parent(of path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        var folder = text[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
