import DescentPlot
import Foundation
import Testing

/// `descent train` and `descent gradcheck` on Fashion-MNIST, kept short.
@Suite struct TrainEndToEndTests {
    struct Summary: Decodable {
        struct Run: Decodable {
            let lr: Double
            let final_loss: Double
            let train_accuracy: Double
            let test_accuracy: Double
        }
        /// The BLAS library and kernel that ran the products.
        struct BLAS: Decodable {
            let library: String
            let kernel: String
        }
        let hidden: Int
        let iters: Int
        let precision: String
        let blas: BLAS
        let runs: [Run]
    }

    struct Log: Decodable {
        struct Accuracy: Decodable {
            let iteration: Int
            let train: Double
            let test: Double
        }
        let loss: [Double]
        let accuracy: [Accuracy]
    }

    @Test func trainingWritesItsChartsItsLogAndASummary() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["train", "--iters", "30", "--hidden", "20", "--json", "--data", "log.json", "--output", "loss.svg"],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        #expect(summary.hidden == 20 && summary.iters == 30 && summary.precision == "double")
        #expect(summary.runs.count == 1 && summary.runs[0].lr == 0.1)
        #expect(["OpenBLAS", "BLIS", "libblas.so.3", "Accelerate"].contains(summary.blas.library))
        #expect(!summary.blas.kernel.isEmpty)
        let log = try JSONDecoder().decode(
            Log.self, from: Data(contentsOf: directory.appendingPathComponent("log.json")))
        #expect(log.loss.count == 30 && log.loss.last! < log.loss.first!)
        #expect(log.accuracy.map(\.iteration) == [0])
        #expect(log.loss.last == summary.runs[0].final_loss)
        let svg = try String(contentsOf: directory.appendingPathComponent("loss.svg"), encoding: .utf8)
        #expect(svg.contains("viewBox=\"0 0 640 480\""))
        let accuracy = try String(
            contentsOf: directory.appendingPathComponent("train_accuracy.svg"), encoding: .utf8)
        #expect(accuracy.contains("viewBox=\"0 0 640 480\""), "the accuracy chart goes beside --output, in its format")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("output").path))
    }

    @Test func theDefaultAccuracyChartGoesIntoTheFolderOfTheLossChart() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("runs"), withIntermediateDirectories: true)
        let result = try CommandRunner.run(
            ["train", "--iters", "5", "--hidden", "5", "--output", "runs/loss.png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("wrote runs/loss.png\nwrote runs/train_accuracy.png\n"))
        #expect(result.stdout.contains(" kernel)\nwrote runs/loss.png"), "the BLAS that ran ends the run's line")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["runs"])
    }

    @Test(arguments: [
        (
            ["--output", "chart.png", "--accuracy-output", "./chart.png"],
            "--accuracy-output ./chart.png: this is where the loss chart goes (--output chart.png); give the two charts different files"
        ),
        (
            ["--output", "train_accuracy.svg"],
            "--output train_accuracy.svg: the accuracy chart goes there by default (train_accuracy beside --output); name the loss chart otherwise or give --accuracy-output"
        ),
    ])
    func theAccuracyChartMayNotReplaceTheLossChart(outputs: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["train", "--iters", "5", "--hidden", "5"] + outputs, in: directory)
        #expect(result.status == 64)
        #expect(result.stderr == "descent: \(message)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// /proc takes no new files, even from root, so the check cannot be passed by permissions.
    @Test(arguments: [("--accuracy-output", "/proc/accuracy.png"), ("--data", "/proc/log.json")])
    func anUnwritableOutputIsNamedByItsFlagBeforeTraining(flag: String, path: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["train", "--iters", "5", "--hidden", "5", "--output", "loss.png", flag, path], in: directory)
        #expect(result.status == 73)
        #expect(result.stderr.hasPrefix("descent: \(flag) \(path): "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no training, no chart")
    }

    @Test func xlimAndYlimSetTheLossChartsRanges() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "train", "--iters", "30", "--hidden", "5", "--output", "loss.svg", "--svg-text", "characters",
                "--xlim", "0,8", "--ylim", "1,3",
            ],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("loss.svg"), encoding: .utf8)
        let labels = svg.components(separatedBy: "</text>").compactMap { $0.split(separator: ">").last }
        #expect(labels.contains("8") && !labels.contains("10") && !labels.contains("25"))
        #expect(labels.contains("1.00") && labels.contains("3.00"))
    }

    @Test func severalLearningRatesTrainSideBySide() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "train", "--iters", "20", "--hidden", "10", "--lr", "0.01,1", "--json", "--data", "log.csv",
                "--precision", "float",
            ],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        #expect(summary.runs.map(\.lr) == [0.01, 1])
        #expect(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("output/lr_comparison_net.png").path))
        let csv = try String(contentsOf: directory.appendingPathComponent("log.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("lr,iteration,loss,train_accuracy,test_accuracy,optimizer\n0.01,0,"))
        #expect(csv.split(separator: "\n").count == 1 + 40)
    }

    @Test func aFolderWithoutMNISTFilesIsNamed() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["train", "--data-dir", directory.path], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("train-images-idx3-ubyte (or train-images-idx3-ubyte.gz) not found"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func moreGradientCheckSamplesThanImagesAreRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two 2×2 images and their labels, in each set, as raw IDX files.
        func idx(_ magic: UInt8, _ dimensions: [UInt8], _ values: [UInt8]) -> Data {
            Data([0, 0, 8, magic] + dimensions.flatMap { [0, 0, 0, $0] } + values)
        }
        for set in ["train", "t10k"] {
            try idx(3, [2, 2, 2], [0, 50, 100, 150, 200, 250, 25, 75])
                .write(to: directory.appendingPathComponent("\(set)-images-idx3-ubyte"))
            try idx(1, [2], [3, 7]).write(to: directory.appendingPathComponent("\(set)-labels-idx1-ubyte"))
        }
        let result = try CommandRunner.run(["gradcheck", "--data-dir", ".", "--samples", "5"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr == "descent: --samples 5: the training set in . has only 2 images\n")
        let two = try CommandRunner.run(["gradcheck", "--data-dir", ".", "--samples", "2"], in: directory)
        #expect(two.status == 0, "\(two.stderr)")
    }

    @Test func badTrainingSettingsAreRefused() throws {
        let batch = try CommandRunner.run(["train", "--batch", "0"])
        #expect(
            batch.stderr
                == "descent: The value '0' is invalid for '--batch <batch>': expected a whole number of images from 1 to 60000\n"
        )
        let seed = try CommandRunner.run(["train", "--seed", "-1"])
        #expect(
            seed.stderr
                == "descent: The value '-1' is invalid for '--seed <seed>': expected a whole number from 0 to 4294967295, as np.random.seed takes\n"
        )
    }

    struct Check: Decodable {
        struct Difference: Decodable {
            let mean_abs_diff: Double
            let max_abs_diff: Double
        }
        let samples: Int
        let params: [String: Difference]
    }

    @Test func theGradientCheckAgreesAsInTheBook() throws {
        let result = try CommandRunner.run(["gradcheck", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try JSONDecoder().decode(Check.self, from: Data(result.stdout.utf8))
        #expect(check.samples == 3)
        #expect(Set(check.params.keys) == ["W1", "b1", "W2", "b2"])
        // The book reports differences of 1e-10 to 1e-7; the 1e-7 of the loss's log(y + 1e-7) caps them.
        #expect(check.params.values.allSatisfy { $0.mean_abs_diff < 1e-6 && $0.max_abs_diff < 1e-5 })
        let table = try CommandRunner.run(["gradcheck"])
        #expect(table.stdout.hasPrefix("parameter  mean |numerical − backprop|  max |numerical − backprop|\nW1 "))
    }
}

/// The progress bar, seen through a pseudo-terminal (util-linux's `script`, in every Debian).
@Suite struct ProgressBarEndToEndTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalSeesIterationsLossAccuracySpeedAndTimeLeft() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let command =
            "\(CommandRunner.executable.path) train --iters 40 --hidden 5 --output loss.png --accuracy-output accuracy.png"
        let result = try CommandRunner.run(
            ["-qec", command, "/dev/null"], in: directory, executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 0, "\(result.stdout)")
        let lines: [String] = result.stdout.components(separatedBy: CharacterSet(charactersIn: "\r\n"))
        let last = try #require(lines.last { $0.hasPrefix("[") })
        #expect(last.hasPrefix("[########################] 40/40  loss "))
        #expect(last.contains("  acc 0.") && last.contains(" it/s  ") && last.hasSuffix(" s left "))
    }

    /// `script` gives the run a terminal; the test waits for the bar to appear on it and then
    /// presses Ctrl-C (SIGINT to the command, which `script` started with `exec`).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func ctrlCEndsTheBarsLineAndStopsTheRunAsInterrupted() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = Pipe()
        let process = try CommandRunner.start(
            "/usr/bin/script",
            [
                "-qec", "exec \(CommandRunner.executable.path) train --iters 1000000 --hidden 5 --output loss.png",
                "/dev/null",
            ], in: directory, output: output)
        var screen = Data()
        while !screen.contains(UInt8(ascii: "[")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            screen += more
        }
        let descent = try CommandRunner.child(of: process)
        #expect(kill(descent, SIGINT) == 0)
        screen += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT, "script reports the signal that ended the command")
        let text = String(decoding: screen, as: UTF8.self)
        let afterBar = try #require(text.components(separatedBy: " s left ").last)
        #expect(
            afterBar.hasPrefix("\r\n") || afterBar.hasPrefix("\n"), "the bar's line is ended: \(text.debugDescription)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
