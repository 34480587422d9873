/// The parts of a path, computed on the text alone (nothing is looked up on disk), for the
/// package's file handling (``AtomicFile``, the command line's folder checks).
///
/// Foundation's `NSString` path methods give the same answers, but in the Swift 6.3.1 toolchain
/// `deletingLastPathComponent` traps (SIGILL) on a last component of one character:
/// `descent gallery --output-dir g` crashed, and so did `AtomicFile.write(_:to:)` to a file named
/// `a` in the current folder. They also cost tens of thousands of instructions a call.
package enum FolderPath {
    /// The folder that holds `path`: `path` without its last component and the slashes before
    /// it; "" for a bare name (`g`, `g/`), "/" for a name in the root (`/g`). Trailing slashes
    /// and repeated ones are dropped as a path's meaning has them: `a//b/` → `a`. (`NSString`
    /// answers the same, but "" for `//`.)
    ///
    /// - Complexity: O(the length of `path`).
    package static func parent(of path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        var folder = text[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last component of `path`, trailing slashes dropped: `b` for `a/b/`, `/` for `/`, ""
    /// for "".
    ///
    /// - Complexity: O(the length of `path`).
    package static func lastComponent(of path: String) -> Substring {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        guard text.count > 1, let slash = text.lastIndex(of: "/") else { return text }
        return text[text.index(after: slash)...]
    }

    /// `name` inside `folder`: `folder/name`, or `/name` in the root.
    package static func appending(_ name: some StringProtocol, to folder: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
