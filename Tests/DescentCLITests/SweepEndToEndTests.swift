import Foundation
import Testing

@Suite struct SweepEndToEndTests {
    private func runs(_ arguments: [String]) throws -> [TrajectoryJSON] {
        let result = try CommandRunner.run(["sweep", "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([TrajectoryJSON].self, from: Data(result.stdout.utf8))
    }

    @Test func theDefaultSweepIsTheBooksRunOverElevenDecades() throws {
        let sweep = try runs([])
        #expect(sweep.count == 45)
        #expect(sweep.first?.lr == 1e-10 && sweep.last?.lr == 10)
        let book = try #require(sweep.first { $0.lr == 0.1 })
        let final = [Double("-0x1.1b578c96da178p-5")!, Double("0x1.79ca10c921132p-5")!]
        #expect(book.final.map(\.bitPattern) == final.map(\.bitPattern))
        #expect(sweep.first { $0.lr == 10 }?.status == "stalled")
        #expect(sweep.first { $0.lr == 1e-8 }?.status == "stalled")
        #expect(sweep.filter { $0.status == "converged" }.map(\.lr).allSatisfy { (0.1...0.6).contains($0) })
    }

    @Test func ratesComeFromARangeAndACountOrFromAList() throws {
        let ranged = try runs(["--lr-range", "1e-3,1", "--count", "4", "--steps", "5"])
        #expect(ranged.map(\.lr) == [1e-3, 1e-2, 0.1, 1])
        #expect(ranged.allSatisfy { $0.history.count == 5 })
        let listed = try runs(["--lr", "0.5,0.1,0.5"])
        #expect(listed.map(\.lr) == [0.1, 0.5])
    }

    @Test func theFigureIsWrittenWhereAsked() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["sweep", "--output", "sweep.svg", "--count", "12"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("sweep.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("</svg>"))
        #expect(result.stdout.hasSuffix("wrote sweep.svg\n"))
    }

    @Test(arguments: [
        (["--lr", "0.1", "--count", "5"], "descent: give --lr or --lr-range and --count, not both"),
        (
            ["--lr-range=1,0.1"],
            "descent: The value '1,0.1' is invalid for '--lr-range <low,high>': expected two learning rates greater than 0, the lower first, such as 1e-10,10"
        ),
        (["--count", "1"], "descent: --count 1: a sweep over a range needs at least 2 learning rates"),
        (
            ["--count", "1000", "--steps", "1000000"],
            "descent: 1000 learning rates × --steps 1000000: the runs would hold about 32 GB of history, at most 0.54 GB are allowed; lower --count (or --lr) or --steps"
        ),
        (
            ["--ylim=-1,1"],
            "descent: --ylim -1,1: the sweep's axes are logarithmic, so the limits must be above 0, such as 1e-10,10"
        ),
        (
            ["--count", "5000"],
            "descent: The value '5000' is invalid for '--count <count>': expected a whole number of learning rates from 1 to 1000"
        ),
    ])
    func badSweepsGetOneLineAndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["sweep"] + arguments, in: directory)
        #expect(result.stderr == message + "\n")
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
