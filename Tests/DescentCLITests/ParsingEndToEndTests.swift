import Foundation
import Testing

/// A subcommand parses its own arguments first (`DescentCommand.parseCommand`); everything that
/// is not a plain success of that parse is parsed again from the root, so that help, errors and
/// the built-in flags read exactly as ArgumentParser's root parse gives them.
@Suite struct ParsingEndToEndTests {
    @Test func helpNamesTheWholeCommand() throws {
        let result = try CommandRunner.run(["trajectory", "--output", "f.svg", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: descent trajectory <options>\n"))
    }

    /// `help` is the root's subcommand (`descent help trajectory`), not the subcommand's.
    @Test func helpAfterASubcommandIsRefusedAsTheRootRefusesIt() throws {
        let result = try CommandRunner.run(["trajectory", "help"])
        #expect(result.status == 64)
        #expect(result.stderr == "descent: Unexpected argument 'help'\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownOptionIsNamed() throws {
        let result = try CommandRunner.run(["trajectory", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stderr == "descent: Unknown option '--bogus'\n")
    }

    @Test func theCompletionScriptIsTheWholeCommandsScript() throws {
        let result = try CommandRunner.run(["trajectory", "--generate-completion-script", "bash"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("#!/bin/bash\n"))
        #expect(result.stdout.contains("__descent_cursor_index_in_current_word()"))
    }

    @Test func aParsedSubcommandRunsWithItsOptions() throws {
        let result = try CommandRunner.run(["tangent", "--at", "10", "--json", "--output", "t.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"at\": 10"))
    }
}
