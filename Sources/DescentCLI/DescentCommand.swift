import ArgumentParser
import CHeap
import DescentCore
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
            TrajectoryCommand.self, CompareCommand.self, SweepCommand.self, OptimizersCommand.self, FieldCommand.self,
            TangentCommand.self,
            TrainCommand.self, LandscapeCommand.self, GradcheckCommand.self, GalleryCommand.self,
        ]
    )

    static func main() {
        // First of all: the allocator keeps freed memory, in huge pages (CHeap.h says why).
        _ = descent_heap_tune()
        StandardStreams.occupyClosedDescriptors()
        Signals.install()
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let name = arguments.first, Self.figureCommands.contains(name) { HelperSlot.shared.prestart() }
            try ArgumentPrecheck.check(arguments)
            var command = try parseCommand(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                do { try StandardStreams.print(fullMessage(for: error)) } catch { fail(error.message, error.exitCode) }
                Foundation.exit(0)
            }
            let message = (error as? CommandError)?.message ?? Self.oneLine(message(for: error))
            fail(message, (error as? CommandError)?.exitCode ?? code.rawValue)
        }
    }

    /// The subcommands that draw a figure first thing after parsing: they start the figure's
    /// helper thread (``HelperSlot/prestart()``) before parsing, so that its core is awake when
    /// the drawing needs it. Not `train`, `landscape` or `gallery`, which train a network first:
    /// the helper would poll for a second beside the training's threads.
    /// (An array: `contains` on six names costs less than a `Set`'s first use, see `ArgumentPrecheck`.)
    static let figureCommands = ["trajectory", "compare", "sweep", "optimizers", "field", "tangent"]

    /// The command `arguments` ask for, parsed as ArgumentParser's `parseAsRoot` parses it.
    ///
    /// When the first argument names a subcommand, that subcommand parses the rest by itself
    /// first: the root's pass would reflect the subcommand's options once more, only to see that
    /// none captures all remaining arguments (a fifth of the parse's instructions). Anything but a
    /// plain success of that subcommand (help, an error, a completion script) is parsed again
    /// from the root, so every message names `descent SUBCOMMAND` as before.
    static func parseCommand(_ arguments: [String]) throws -> ParsableCommand {
        if let name = arguments.first,
            let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
            let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand
        {
            return command
        }
        return try parseAsRoot(arguments)
    }

    /// Prints `descent: message` on stderr, control characters escaped, and exits with `code`.
    private static func fail(_ message: String, _ code: Int32) -> Never {
        StandardStreams.printError("descent: \(escapingControlCharacters(message))\n")
        Foundation.exit(code)
    }

    /// `text` with every control character (C0, DEL, C1) written as `\u{1B}`: messages quote the
    /// user's arguments, and an escape sequence in one must show as text, not recolour or rewrite
    /// the terminal.
    static func escapingControlCharacters(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
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
    /// 64 (EX_USAGE) for bad input, 73 (EX_CANTCREAT) for files that cannot be written, 74
    /// (EX_IOERR) for a stdout that cannot be written.
    let exitCode: Int32

    static func usage(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 64)
    }

    static func cannotCreate(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 73)
    }

    var description: String { message }

    /// Fails unless `path` (given with `flag`) can be written: its folder exists and a file can be
    /// created there (`AtomicFile.checkWritable`). Called for every output before any work, so a
    /// bad path is reported at once, by its own flag, and nothing is half-written.
    static func requireWritable(_ path: String, flag: String) throws(CommandError) {
        do { try AtomicFile.checkWritable(path) } catch { throw .cannotCreate("\(flag) \(path): \(error.reason)") }
    }

    /// Fails unless `folder` (given with `flag`) exists and takes files, or could be created: its
    /// nearest existing ancestor takes files. Nothing is created.
    static func requireCreatableFolder(_ folder: String, flag: String) throws(CommandError) {
        var existing = folder
        while !FileManager.default.fileExists(atPath: existing.isEmpty ? "." : existing) {
            existing = FolderPath.parent(of: existing)
        }
        let probe = FolderPath.appending("descent-probe", to: existing.isEmpty ? "." : existing)
        do { try AtomicFile.checkWritable(probe) } catch { throw .cannotCreate("\(flag) \(folder): \(error.reason)") }
    }
}
