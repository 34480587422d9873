import ArgumentParser
import Foundation

/// The `descent` executable: parses arguments, runs a subcommand, and turns every failure into one
/// line on stderr and a non-zero exit (never a stack trace).
@main
struct DescentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Run gradient descent exactly as NumPy does, and draw what it does.",
        discussion: """
            Descent reproduces the numbers of "Deep Learning from Scratch" chapter 4 bit for bit: \
            the central-difference gradient (h = 1e-4), gradient_descent and its history.
            """,
        subcommands: [
            TrajectoryCommand.self, CompareCommand.self, TrainCommand.self, GradcheckCommand.self, GalleryCommand.self,
        ]
    )

    static func main() {
        do {
            try ArgumentPrecheck.check(CommandLine.arguments.dropFirst())
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = (error as? CommandError)?.message ?? Self.oneLine(message(for: error))
            FileHandle.standardError.write(Data("descent: \(message)\n".utf8))
            Foundation.exit((error as? CommandError)?.exitCode ?? code.rawValue)
        }
    }

    /// ArgumentParser's message without its "Error: " prefix, on one line.
    private static func oneLine(_ message: String) -> String {
        let trimmed = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        return trimmed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A failure the user can act on, reported as one line.
struct CommandError: Error, CustomStringConvertible {
    /// The line printed after `descent: `.
    let message: String
    /// 64 (EX_USAGE) for bad input, 73 (EX_CANTCREAT) for files that cannot be written.
    let exitCode: Int32

    static func usage(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 64)
    }

    static func cannotCreate(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 73)
    }

    var description: String { message }

    /// Fails unless the folder that would hold `path` (given with `flag`) exists, so that bad
    /// paths are reported before any work and nothing is half-written.
    static func requireFolder(of path: String, flag: String) throws(CommandError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw .cannotCreate("\(flag) \(path): the directory \(folder) does not exist")
        }
    }
}
