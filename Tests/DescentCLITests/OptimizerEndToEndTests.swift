import DescentCore
import Foundation
import Testing

/// `--optimizer` and its settings on `trajectory` and `compare`: the runs are DescentCore's, bit
/// for bit (whose histories DescentCoreTests pin against NumPy), and the JSON names the optimiser
/// and its settings.
@Suite struct OptimizerEndToEndTests {
    /// The trajectory JSON with the optimiser's settings, which are present only for the
    /// optimisers that have them.
    struct Run: Decodable {
        let optimizer: String
        let lr: Double
        let momentum: Double?
        let decay: Double?
        let beta1: Double?
        let beta2: Double?
        let history: [[Double]]
        let final: [Double]
    }

    private func run(_ command: String, _ arguments: [String]) throws -> Data {
        let result = try CommandRunner.run([command, "--json", "--output", "figure.svg"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return Data(result.stdout.utf8)
    }

    static let bookFigureRuns: [(String, Double, [String], [Hyperparameter: Double])] = [
        ("sgd", 0.95, [], [:]),
        ("momentum", 0.1, [], [:]),
        ("adagrad", 1.5, [], [:]),
        ("adam", 0.3, [], [:]),
        ("nesterov", 0.05, ["--momentum", "0.7"], [.momentum: 0.7]),
        ("rmsprop", 0.3, ["--decay", "0.9"], [.decay: 0.9]),
        ("adam", 0.3, ["--beta1", "0.5", "--beta2=0.9"], [.beta1: 0.5, .beta2: 0.9]),
    ]

    @Test(arguments: bookFigureRuns)
    func everyOptimiserRunsTheBooksFigure6_8AsTheLibraryDoes(
        name: String, rate: Double, flags: [String], settings: [Hyperparameter: Double]
    ) throws {
        let data = try run(
            "trajectory",
            ["--preset", "book-ch6", "--gradient", "analytic", "--steps", "30", "--optimizer", name, "--lr", "\(rate)"]
                + flags)
        let decoded = try JSONDecoder().decode(Run.self, from: data)
        let kind = try #require(OptimizerKind(rawValue: name))
        let expected = try GradientDescent.run(
            Preset.bookCh6.objective, from: [-7, 2], steps: 30, gradient: .analytic,
            optimizer: kind.make(learningRate: rate, hyperparameters: settings))
        #expect(decoded.optimizer == name)
        #expect(decoded.lr == rate)
        #expect(decoded.history.map { $0.map(\.bitPattern) } == expected.history.map { $0.map(\.bitPattern) })
        #expect(decoded.final.map(\.bitPattern) == expected.final.map(\.bitPattern))
        let json = [decoded.momentum, decoded.decay, decoded.beta1, decoded.beta2]
        let library = Hyperparameter.allCases.map { setting in
            expected.hyperparameters.first { $0.setting == setting }?.value
        }
        #expect(json == library)
    }

    @Test func theJSONOfSGDHasNoSettings() throws {
        let text = String(decoding: try run("trajectory", []), as: UTF8.self)
        #expect(text.contains(#""lr": 0.1, "steps": 20"#))
    }

    @Test func compareRunsTheSameOptimiserAtEachRate() throws {
        let data = try run(
            "compare", ["--preset", "book-ch6", "--optimizer", "nesterov", "--momentum", "0.5", "--lr", "0.1,0.2"])
        let runs = try JSONDecoder().decode([Run].self, from: data)
        #expect(runs.map(\.optimizer) == ["nesterov", "nesterov"])
        #expect(runs.map(\.lr) == [0.1, 0.2])
        #expect(runs.map(\.momentum) == [0.5, 0.5])
    }

    static let badSettings: [([String], String)] = [
        (
            ["--optimizer", "adamw"],
            "descent: The value 'adamw' is invalid for '--optimizer <name>'. Please provide one of the following: "
                + "- sgd - momentum - nesterov - adagrad - rmsprop - adam"
        ),
        (
            ["--optimizer", "momentum", "--momentum", "1"],
            "descent: The value '1' is invalid for '--momentum <m>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
        (
            ["--optimizer", "nesterov", "--momentum=-0.1"],
            "descent: The value '-0.1' is invalid for '--momentum <m>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
        (
            ["--optimizer", "rmsprop", "--decay", "abc"],
            "descent: The value 'abc' is invalid for '--decay <d>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
        (
            ["--optimizer", "adam", "--beta1", "nan"],
            "descent: The value 'nan' is invalid for '--beta1 <b1>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
        (
            ["--optimizer", "adam", "--beta2", "1.5"],
            "descent: The value '1.5' is invalid for '--beta2 <b2>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
        (
            ["--optimizer", "adagrad", "--momentum", "0.5"],
            "descent: --momentum 0.5: --optimizer adagrad has no momentum; it is a setting of momentum and nesterov"
        ),
        (["--beta1", "0.5"], "descent: --beta1 0.5: --optimizer sgd has no beta1; it is a setting of adam"),
        (
            ["--optimizer", "adam", "--decay", "0.9"],
            "descent: --decay 0.9: --optimizer adam has no decay; it is a setting of rmsprop"
        ),
    ]

    @Test(arguments: badSettings)
    func badSettingsGetOneLineAndNoFile(arguments: [String], message: String) throws {
        for command in ["trajectory", "compare"] {
            let directory = try CommandRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try CommandRunner.run([command] + arguments + ["--data", "out.json"], in: directory)
            #expect(result.stderr == message + "\n", "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(result.status != 0 && result.status < 128)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
}
