import DescentCore
import Foundation
import Testing

@Suite struct OptimizersEndToEndTests {
    @Test func theDefaultIsTheBooksFigure6_8RunForRun() throws {
        let result = try CommandRunner.run(["optimizers", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try JSONDecoder().decode([TrajectoryJSON].self, from: Data(result.stdout.utf8))
        #expect(runs.map(\.optimizer) == ["sgd", "momentum", "adagrad", "adam"])
        #expect(runs.map(\.lr) == [0.95, 0.1, 1.5, 0.3])
        #expect(runs.allSatisfy { $0.gradient == "analytic" && $0.history.count == 30 && $0.`init` == [-7, 2] })
        for run in runs {
            let kind = try #require(OptimizerKind(rawValue: run.optimizer))
            let alone = try GradientDescent.run(
                Preset.bookCh6.objective, from: [-7, 2], steps: 30, gradient: .analytic,
                optimizer: try kind.make(learningRate: run.lr))
            #expect(run.final.map(\.bitPattern) == alone.final.map(\.bitPattern), "\(run.optimizer)")
        }
    }

    @Test func optimisersTheirRatesAndTheLayoutFollowTheFlags() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "optimizers", "--optimizer", "nesterov:0.001,adam:0.1", "--momentum", "0.8", "--layout", "overlay",
                "--preset", "rosenbrock", "--steps", "50", "--output", "o.svg", "--json",
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try JSONDecoder().decode([TrajectoryJSON].self, from: Data(result.stdout.utf8))
        #expect(runs.map(\.optimizer) == ["nesterov", "adam"] && runs.map(\.lr) == [0.001, 0.1])
        #expect(runs.allSatisfy { $0.function == Preset.rosenbrock.expression && $0.history.count == 50 })
        let svg = try String(contentsOf: directory.appendingPathComponent("o.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"640px\""))
    }

    /// A path computed elsewhere joins the built-in ones under its own name: here Momentum's run,
    /// written by `trajectory --data` and read back, lands on the same points.
    @Test func aHistoryFromElsewhereIsDrawnBesideTheOptimisers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try CommandRunner.run(
            [
                "trajectory", "--preset", "book-ch6", "--optimizer", "momentum", "--lr", "0.1", "--steps", "30",
                "--gradient", "analytic", "--data", "m.json", "--output", "t.svg",
            ], in: directory)
        #expect(made.status == 0, "\(made.stderr)")
        let result = try CommandRunner.run(
            [
                "optimizers", "--optimizer", "momentum:0.1", "--history", "mine=m.json", "--history", "again=m.json",
                "--json", "--output", "o.png",
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try JSONDecoder().decode([RecordedJSON].self, from: Data(result.stdout.utf8))
        #expect(runs.count == 3)
        #expect(runs[1].history == runs[0].history && runs[1].final == runs[0].final)
        #expect(runs[1].source == "recorded" && runs[2].source == "recorded")
        let image = try CommandRunner.run(["optimizers", "--history", "mine"], in: directory)
        #expect(image.status == 64)
        #expect(
            image.stderr
                == "descent: The value 'mine' is invalid for '--history <name=file>': expected NAME=FILE, such as mine=history.npy\n"
        )
    }

    /// What a recorded run's JSON holds that a test reads.
    struct RecordedJSON: Decodable {
        let history: [[Double]]
        let final: [Double]
        let source: String?
    }

    @Test func animateMakesEveryPathGrowStepByStep() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["optimizers", "--layout", "overlay", "--animate", "--output", "o.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("o.svg"), encoding: .utf8)
        // Four paths of 31 points, each point shown at its step.
        #expect(svg.components(separatedBy: "<animate").count - 1 >= 4 * 31)
        let png = try CommandRunner.run(["optimizers", "--animate", "--output", "o.png"], in: directory)
        #expect(png.status == 64 && png.stderr.contains("use --output FILE.svg"))
    }

    @Test(arguments: [
        (
            ["--optimizer", "sgd,lion"],
            "descent: The value 'sgd,lion' is invalid for '--optimizer <name[:rate],…>': 'lion' is not an optimiser; expected NAME or NAME:RATE with NAME one of sgd, momentum, nesterov, adagrad, rmsprop, adam, such as sgd:0.95,adam:0.3"
        ),
        (
            ["--optimizer", "sgd:0"],
            "descent: The value 'sgd:0' is invalid for '--optimizer <name[:rate],…>': 'sgd:0': the rate after ':' must be a finite number greater than 0, such as sgd:0.95"
        ),
        (
            ["--optimizer", "sgd,adam", "--momentum", "0.5"],
            "descent: --momentum 0.5: --optimizer sgd,adam has no momentum; it is a setting of momentum and nesterov"
        ),
        (
            ["--function", "x0^2", "--init", "1"],
            "descent: x0^2 is a function of 1 variable; the optimisers are drawn on a landscape of two"
        ),
        (
            ["--layout", "stack"],
            "descent: The value 'stack' is invalid for '--layout <layout>'. Please provide one of 'grid' and 'overlay'."
        ),
    ])
    func badInputGetsOneLineAndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["optimizers"] + arguments, in: directory)
        #expect(result.stderr == message + "\n")
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
