import Foundation
import Testing

/// Runs the built `descent` executable as a user would, capturing its output and exit status.
///
/// The executable sits beside the test bundle in SwiftPM's build directory; the test target
/// depends on `DescentCLI`, so it is always built first.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return testBinary.deletingLastPathComponent().appendingPathComponent("descent")
    }

    /// Runs `descent` with `arguments` in `directory`, or in a fresh temporary one (removed
    /// afterwards) so that default outputs never land in the repository.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        executable: URL = executable
    ) throws -> Result {
        let workingDirectory = try directory ?? temporaryDirectory()
        defer { if directory == nil { try? FileManager.default.removeItem(at: workingDirectory) } }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts `wrapper` (strace, script…), which runs `descent` as its child, with `arguments` in
    /// `directory`, stdout to `output` or nowhere, and returns at once: for tests that act on a
    /// command while it runs.
    static func start(_ wrapper: String, _ arguments: [String], in directory: URL, output: Pipe? = nil) throws
        -> Process
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrapper)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The process id of the command a wrapper started with `start` runs, from Linux's /proc.
    static func child(of wrapper: Process) throws -> Int32 {
        let id = wrapper.processIdentifier
        let children = try String(contentsOfFile: "/proc/\(id)/task/\(id)/children", encoding: .utf8)
        return try #require(Int32(children.split(separator: " ").first ?? ""))
    }

    /// A fresh empty directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
