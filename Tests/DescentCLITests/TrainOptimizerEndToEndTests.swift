import Foundation
import Testing

/// `descent train --optimizer`: the book's chapter-6 optimisers on the network, kept short.
@Suite struct TrainOptimizerEndToEndTests {
    struct Summary: Decodable {
        struct Run: Decodable {
            let optimizer: String
            let lr: Double
            let final_loss: Double
        }
        let runs: [Run]
    }

    private func summary(_ arguments: [String], in directory: URL) throws -> Summary {
        let result = try CommandRunner.run(
            ["train", "--iters", "20", "--hidden", "10", "--precision", "float", "--json"] + arguments, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
    }

    @Test func severalOptimisersTrainOneNetworkEachAtTheBooksRates() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = try summary(["--optimizer", "sgd,momentum,adagrad,adam", "--data", "log.csv"], in: directory).runs
        #expect(runs.map(\.optimizer) == ["sgd", "momentum", "adagrad", "adam"])
        #expect(runs.map(\.lr) == [0.01, 0.01, 0.01, 0.001], "optimizer_compare_mnist.py's rates")
        let chart = directory.appendingPathComponent("output/optimizer_comparison_net.png")
        #expect(FileManager.default.fileExists(atPath: chart.path))
        let csv = try String(contentsOf: directory.appendingPathComponent("log.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + 4 * 20)
        #expect(lines[1].hasSuffix(",sgd") && lines[80].hasSuffix(",adam"))
    }

    @Test func theOverlayIsLabelledByOptimiser() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try summary(
            ["--optimizer", "nesterov,rmsprop", "--output", "loss.svg", "--svg-text", "characters"], in: directory)
        let svg = try String(contentsOf: directory.appendingPathComponent("loss.svg"), encoding: .utf8)
        let texts = svg.components(separatedBy: "</text>").compactMap { $0.split(separator: ">").last }
        #expect(texts.contains("Nesterov") && texts.contains("RMSprop"))
        #expect(!texts.contains { $0.hasPrefix("lr = ") })
    }

    @Test func oneOptimiserTakesTheRatesAndSettingsGiven() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = try summary(
            ["--optimizer", "momentum", "--momentum", "0.5", "--lr", "0.05,0.1", "--output", "loss.png"],
            in: directory
        ).runs
        #expect(runs.map(\.optimizer) == ["momentum", "momentum"])
        #expect(runs.map(\.lr) == [0.05, 0.1])
        let adam = try summary(["--optimizer", "adam", "--output", "adam.png"], in: directory).runs
        #expect(adam.map(\.lr) == [0.001])
        let plain = try summary(["--output", "sgd.png"], in: directory).runs
        #expect(plain.map(\.lr) == [0.1] && plain.map(\.optimizer) == ["sgd"], "train_neuralnet.py's rate")
    }

    static let badInput: [([String], String)] = [
        (
            ["--optimizer", "sgd,adam", "--lr", "0.1,0.2"],
            "descent: --optimizer sgd,adam with --lr 0.1,0.2: give several optimisers or several learning rates, not both"
        ),
        (
            ["--optimizer", "sgd,sgd"],
            "descent: The value 'sgd,sgd' is invalid for '--optimizer <names>': sgd is listed twice; give each optimiser once"
        ),
        (
            ["--optimizer", "sgd,adamw"],
            "descent: The value 'sgd,adamw' is invalid for '--optimizer <names>': 'adamw' is not an optimiser; expected names from sgd, momentum, nesterov, adagrad, rmsprop, adam separated by commas, such as sgd,momentum,adagrad,adam"
        ),
        (
            ["--optimizer", "sgd,adagrad", "--momentum", "0.5"],
            "descent: --momentum 0.5: --optimizer sgd,adagrad has no momentum; it is a setting of momentum and nesterov"
        ),
        (["--beta2", "0.9"], "descent: --beta2 0.9: --optimizer sgd has no beta2; it is a setting of adam"),
        (
            ["--optimizer", "rmsprop", "--decay", "1"],
            "descent: The value '1' is invalid for '--decay <d>': expected a number from 0 up to but not including 1, such as 0.9"
        ),
    ]

    @Test(arguments: badInput)
    func badOptimiserSettingsGetOneLineAndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["train"] + arguments + ["--data", "log.json"], in: directory)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
        #expect(result.status != 0 && result.status < 128)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
