import Foundation
import Testing

/// Files and streams under stress: a write that fails half way, a signal in the middle of a write,
/// a stdout that is full or closed, arguments that hold escape sequences. Each ends with one line
/// on stderr, a non-zero exit and no file left behind.
@Suite struct FileSafetyEndToEndTests {
    /// Runs `script` with `sh -c` in `directory`, `$DESCENT` naming the executable.
    private func shell(_ script: String, in directory: URL) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["-c", script], in: directory, environment: ["DESCENT": CommandRunner.executable.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    private func contents(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func aWritePastTheFileSizeLimitIsNamedAndLeavesNoTemporaryFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 1 block of 512 bytes: the SVG's first write fails with EFBIG, as on a full disk.
        let result = try shell("ulimit -f 1; exec \"$DESCENT\" trajectory --output fig.svg", in: directory)
        #expect(result.status == 73)
        #expect(result.stderr == "descent: --output cannot write fig.svg: file too large\n")
        #expect(try contents(directory).isEmpty)
    }

    @Test func theDefaultFolderIsNotLeftEmptyWhenItsFigureFails() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell("ulimit -f 1; exec \"$DESCENT\" trajectory", in: directory)
        #expect(result.stderr == "descent: --output cannot write output/trajectory.png: file too large\n")
        #expect(try contents(directory).isEmpty)
    }

    @Test(arguments: [["trajectory", "--json", "--output", "fig.svg"], ["gradcheck", "--json"], ["--help"]])
    func aFullStandardOutputFailsWithAnIOError(arguments: [String]) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell("exec \"$DESCENT\" \(arguments.joined(separator: " ")) > /dev/full", in: directory)
        #expect(result.status == 74)
        #expect(result.stderr == "descent: cannot write to standard output: no space left on device\n")
    }

    @Test func aClosedStandardOutputFailsWithAnIOError() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell("exec \"$DESCENT\" trajectory --output fig.svg >&-", in: directory)
        #expect(result.status == 74)
        #expect(result.stderr == "descent: cannot write to standard output: bad file descriptor\n")
        #expect(try contents(directory) == ["fig.svg"], "the figure, written before stdout, is whole")
    }

    /// A reader that stops early (`| head -1`) ends the command as it ends any Unix filter: by
    /// SIGPIPE, quietly, with no message about it.
    @Test func aReaderThatGoesAwayEndsTheCommandQuietly() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell(
            "(\"$DESCENT\" trajectory --steps 100000 --json --output fig.svg; echo $? >&2) | head -c 10 >/dev/null",
            in: directory)
        #expect(result.stderr == "141\n")
    }

    @Test(arguments: ["2> /dev/full", "2>&-"])
    func anUnwritableStandardErrorStillGivesTheExitStatus(redirection: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell("exec \"$DESCENT\" trajectory --lr x \(redirection)", in: directory)
        #expect(result.status == 64, "a usage error, not a crash")
    }

    @Test func controlCharactersInAnArgumentAreEscapedInTheMessage() throws {
        let result = try CommandRunner.run(["trajectory", "--lr", "\u{1B}[31mX\u{7}"])
        #expect(result.status == 64)
        #expect(!result.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
        #expect(result.stderr.hasPrefix("descent: The value '\\u{1B}[31mX\\u{7}' is invalid for '--lr <rate>'"))
    }

    @Test func theGalleryChecksItsDataBeforeCreatingItsFolder() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["gallery", "--data-dir", "/nonexistent"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("descent: /nonexistent: train-images-idx3-ubyte"))
        #expect(try contents(directory).isEmpty)
    }

    /// strace holds every `write(2)` for a second, so the figure's temporary file is surely in
    /// flight when SIGTERM arrives.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func aSignalDuringAWriteRemovesTheTemporaryFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try CommandRunner.start(
            "/usr/bin/strace",
            [
                "-qq", "-o", "/dev/null", "-e", "inject=write:delay_enter=1000000", CommandRunner.executable.path,
                "trajectory", "--output", "fig.svg",
            ], in: directory)
        defer { if process.isRunning { process.terminate() } }
        let deadline = Date().addingTimeInterval(30)
        while try !contents(directory).contains(where: { $0.hasPrefix(".fig.svg.") }), Date() < deadline {
            usleep(10_000)
        }
        let descent = try CommandRunner.child(of: process)
        #expect(kill(descent, SIGTERM) == 0)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(try contents(directory).isEmpty)
    }
}
