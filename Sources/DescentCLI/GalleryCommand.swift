import ArgumentParser
import Descent
import DescentCore
import DescentNet
import DescentPlot
import Foundation

/// `descent gallery`: every figure Descent draws, with the book's settings, as PNG and SVG.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Draw every figure with the book's settings into a folder, as PNG and SVG.",
        discussion: """
            Writes trajectory (the book's Figure 4-10), lr_comparison (lr 0.1, 10 and 1e-8 side by \
            side), train_loss and train_accuracy (the book's network trained with its settings and \
            seed 0; Figure 4-12), lr_comparison_net (the network at lr 0.01, 0.1 and 1) and landscape \
            (the default run's path on its loss landscape, as descent landscape draws it), then \
            the figures the other commands draw with their defaults: gradient_field (Figure 4-9), \
            tangent (Figure 4-7), optimizers and optimizers_overlay (Figure 6-8), rosenbrock and \
            himmelblau (presets on their contours), lr_sweep and trajectory_dark, each as .png and \
            .svg; and as SVG only trajectory_auto (light or dark as the reader's setting) and \
            optimizers_animated (the paths growing step by step). The README shows these files. Training takes a minute in a release build \
            (swift run -c release descent gallery).
            """
    )

    @Option(help: ArgumentHelp("The folder to write into; created if missing.", valueName: "folder"))
    var outputDir = "output"

    @Option(
        parsing: .unconditional, help: "Training iterations for the network figures (the book's: 10000).",
        transform: { try ArgumentValues.count($0, name: "iterations", upTo: 1_000_000) })
    var iters = 10_000

    @OptionGroup var landscapeGrid: LandscapeGridOptions

    @Option(
        help: ArgumentHelp(
            "PNG compression of every figure: standard or fast (as the figure commands' --png-compression).",
            valueName: "mode"))
    var pngCompression: PNGCompression = .standard

    @OptionGroup var dataSource: DataOptions

    /// The figures drawn by running a command as a user would (its own defaults and checks), by
    /// file name: the command's arguments, to which `--output FILE` is added, and the formats.
    static let commandFigures: [(name: String, arguments: [String], formats: [Figure.FileFormat])] = [
        ("gradient_field", ["field"], [.png, .svg]),
        ("tangent", ["tangent"], [.png, .svg]),
        ("optimizers", ["optimizers"], [.png, .svg]),
        ("optimizers_overlay", ["optimizers", "--layout", "overlay"], [.png, .svg]),
        ("rosenbrock", ["trajectory", "--preset", "rosenbrock", "--contour", "filled"], [.png, .svg]),
        ("himmelblau", ["trajectory", "--preset", "himmelblau"], [.png, .svg]),
        ("lr_sweep", ["sweep"], [.png, .svg]),
        ("trajectory_dark", ["trajectory", "--theme", "dark"], [.png, .svg]),
        ("trajectory_auto", ["trajectory", "--theme", "auto"], [.svg]),
        ("optimizers_animated", ["optimizers", "--layout", "overlay", "--animate", "--theme", "auto"], [.svg]),
    ]

    /// Checks everything first (font, output folder, data) and creates the folder only when the
    /// figures are ready, so a bad input leaves nothing behind.
    func run() throws {
        let font = try FigureOptions.font()
        try CommandError.requireCreatableFolder(outputDir, flag: "--output-dir")
        let descentRuns = try Gallery.descentRuns()
        let dataset = try dataSource.load()
        let landscapeSettings = try landscapeGrid.settings(for: dataset)
        let configurations = Gallery.networkConfigurations(iterations: iters)
        let networkLogs = Trainer.train(dataset, configurations: configurations, as: Double.self)
        let book = configurations.firstIndex { $0.learningRate == TrainingConfiguration().learningRate } ?? 0
        let landscape: LossLandscape
        do {
            landscape = try LossLandscape.train(
                dataset, configuration: configurations[book],
                snapshotInterval: LossLandscape.defaultSnapshotInterval(iterations: iters),
                settings: landscapeSettings, as: Double.self
            ).landscape
        } catch {
            throw CommandError.usage("--iters \(iters): \(error.description)")
        }
        do {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        } catch {
            throw CommandError.cannotCreate("--output-dir \(outputDir): cannot create the folder")
        }
        let figures = Gallery.figures(descentRuns: descentRuns, networkLogs: networkLogs, landscape: landscape)
        for (name, figure) in figures {
            for format in Figure.FileFormat.allCases {
                let path = (outputDir as NSString).appendingPathComponent("\(name).\(format.rawValue)")
                try FigureOptions.write(
                    figure, to: path, font: font, metadata: [("Software", "Descent"), ("Command", "descent gallery")],
                    pngCompression: pngCompression)
                try StandardStreams.print("wrote \(path)")
            }
        }
        for (name, arguments, formats) in Self.commandFigures {
            for format in formats {
                let path = (outputDir as NSString).appendingPathComponent("\(name).\(format.rawValue)")
                var command = try DescentCommand.parseAsRoot(
                    arguments + ["--output", path, "--png-compression", pngCompression.rawValue])
                try command.run()
            }
        }
    }
}
