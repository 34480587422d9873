import ArgumentParser
import DescentCore
import DescentNet
import DescentPlot
import Foundation

/// `descent landscape`: the book's network trained as `descent train` trains it, its path through
/// parameter space drawn on the loss over a plane through the final parameters, beside the loss
/// along the straight line from the initial parameters to the final ones.
struct LandscapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Train the book's network and draw its path on its own loss landscape.",
        discussion: """
            Trains exactly as descent train does (the same flags, the same numbers), keeping the \
            parameters every --snapshot-every updates (default: about 100 snapshots) and the final \
            ones. The plane goes through the final parameters, spanned by the top two principal \
            components of the snapshots' differences from them (--directions pca, as Li et al. 2018 \
            draw trajectories; the axes say the share of the path's variance each explains), or by \
            two filter-normalised Gaussian directions (--directions random; drawn from \
            np.random.seed(--direction-seed), by default --seed). The loss is evaluated on a \
            --grid × --grid grid of that plane, over the projected path with a quarter of its extent \
            as margin (or ±--extent on both axes: --extent 1 is Li et al.'s view of random \
            directions), on the first --eval-samples training images, \
            with the book's TwoLayerNet.loss; the path is drawn on it in red from its start (square) \
            to its end (diamond, at 0,0). Beside it, the loss at θ₀ + α·(θ_f − θ₀) for α from −0.5 \
            to 1.5 in steps of 0.05 (Goodfellow et al. 2015): α = 0 is the start, α = 1 the end. \
            The contours are filled here by default, at log-spaced round levels (--contour lines or \
            none, --levels as elsewhere); --xlim and --ylim zoom into the plane.

            --json prints {"iterations", "eval_samples", "directions", "explained_variance": [v1, v2], \
            "path": [[a, b], …], "grid": {"a", "b", "loss"}, "interpolation": {"alpha", "loss"}} \
            (grid.loss[j][i] is the loss at a[i], b[j]); --data writes it to a .json file, or the \
            grid as a,b,loss rows to a .csv file.

            Example:
              $ descent landscape --iters 2000 --grid 31 --output landscape.svg
            """
    )

    @OptionGroup var training: TrainingOptions

    @Option(
        name: .customLong("snapshot-every"), parsing: .unconditional,
        help: ArgumentHelp(
            "Keep the parameters every K updates (and the initial and final ones). Default: --iters / 100.",
            valueName: "K"),
        transform: { try ArgumentValues.count($0, name: "updates", upTo: 1_000_000) })
    var snapshotEvery: Int?

    @Option(help: "The plane's directions: pca (the path's principal components) or random (filter-normalised).")
    var directions: PlaneDirections.Kind = .pca

    @Option(
        name: .customLong("direction-seed"), parsing: .unconditional,
        help: "np.random.seed for random directions. Default: --seed.", transform: ArgumentValues.seed)
    var directionSeed: UInt32?

    @OptionGroup var landscapeGrid: LandscapeGridOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Draw the plane over ±E on both axes. Default: the projected path and a margin.", valueName: "E"),
        transform: ArgumentValues.extent)
    var extent: Double?

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let configurations = try training.configurations()
        guard configurations.count == 1 else {
            throw CommandError.usage(
                "landscape draws one run: give one learning rate and one optimiser, not \(configurations.count) runs")
        }
        let interval = try snapshotInterval()
        let path = try figureOptions.destination(defaultName: "landscape", panels: 2)
        let font = try FigureOptions.font()
        let dataset = try training.loadData()
        var settings = try landscapeGrid.settings(for: dataset)
        let snapshots = TrainingObserver<Double>.observedUpdates(every: interval, of: training.iters).count
        try training.checkMemory(
            for: dataset, training: configurations,
            extraBytes: extraMemory(snapshots: snapshots, dataset: dataset, configuration: configurations[0]),
            lowerAlso: ["--snapshot-every", "--eval-samples"])
        _ = try training.loadBLAS()
        settings.extent = extent
        settings.directions = directions
        settings.directionSeed = directionSeed ?? training.seed
        let (log, landscape) = try train(configurations[0], snapshotInterval: interval, settings: settings, on: dataset)
        var figure = LossLandscapeFigures.figure(
            LossLandscapeFigures.Landscape(landscape), contours: contourOptions.contours(defaultStyle: .filled),
            title: figureOptions.title, panelWidth: figureOptions.width, height: figureOptions.height,
            dpi: figureOptions.dpi)
        figure.panels[0].xLimits = figureOptions.xlim ?? figure.panels[0].xLimits
        figure.panels[0].yLimits = figureOptions.ylim ?? figure.panels[0].yLimits
        try figureOptions.save(figure, to: path, font: font)
        try outputs.writeData(json: landscape.json, csv: csv(landscape))
        if outputs.json {
            try StandardStreams.print(landscape.json.serialized())
        } else {
            let variance = landscape.explainedVariance.map { String(format: "%.1f %%", $0 * 100) }
            let loss = { (alpha: Double) in
                String(format: "%.4f", landscape.interpolationLoss[landscape.alpha.firstIndex(of: alpha)!])
            }
            try StandardStreams.print(
                "\(landscape.directions.rawValue) directions explain \(variance[0]) and \(variance[1]) of the path; "
                    + "loss on \(landscape.evaluationSamples) training images \(loss(0)) at the start, \(loss(1)) at the end; "
                    + "\(String(format: "%.1f", log.seconds)) s of training\nwrote \(path)")
        }
    }

    /// `--snapshot-every`, or about 100 snapshots, checked: no larger than the run, and keeping
    /// at least three snapshots for PCA and at most ``LossLandscape/maximumSnapshots``.
    private func snapshotInterval() throws(CommandError) -> Int {
        let iterations = training.iters
        let interval = snapshotEvery ?? LossLandscape.defaultSnapshotInterval(iterations: iterations)
        guard interval <= iterations else {
            throw .usage("--snapshot-every \(interval): larger than the run's \(iterations) iterations")
        }
        let count = TrainingObserver<Double>.observedUpdates(every: interval, of: iterations).count
        if directions == .pca, count < 3 {
            throw .usage(
                "--snapshot-every \(interval): keeps \(count) snapshots of \(iterations) iterations, and PCA needs "
                    + "at least 3; lower --snapshot-every or raise --iters")
        }
        guard count <= LossLandscape.maximumSnapshots else {
            throw .usage(
                "--snapshot-every \(interval): keeps \(count) snapshots of \(iterations) iterations, at most "
                    + "\(LossLandscape.maximumSnapshots) are allowed; raise --snapshot-every to at least "
                    + "\((iterations + LossLandscape.maximumSnapshots - 2) / (LossLandscape.maximumSnapshots - 1))")
        }
        return interval
    }

    /// The bytes the landscape keeps besides training: the snapshots, the evaluation images in
    /// Double, and their products with the final W1 and three directions.
    private func extraMemory(snapshots: Int, dataset: Dataset, configuration: TrainingConfiguration) -> Double {
        let hidden = Double(configuration.hiddenSize)
        let inputs = Double(dataset.trainImages.columns)
        let parameters = (inputs + 1) * hidden + (hidden + 1) * Double(dataset.classCount)
        return 8 * (Double(snapshots + 5) * parameters + Double(landscapeGrid.evalSamples) * (inputs + 4 * hidden))
    }

    /// Trains with a progress bar (when stderr is a terminal) and computes the landscape.
    private func train(
        _ configuration: TrainingConfiguration, snapshotInterval: Int, settings: LossLandscape.Settings,
        on dataset: Dataset
    ) throws(CommandError) -> (log: TrainingLog, landscape: LossLandscape) {
        let bar = ProgressBar(total: training.iters)
        let report = bar.map { bar in { (progress: TrainingProgress) in bar.advance(run: 0, to: progress) } }
        defer { bar?.finish() }
        do {
            switch training.precision {
            case .double:
                return try LossLandscape.train(
                    dataset, configuration: configuration, snapshotInterval: snapshotInterval, settings: settings,
                    as: Double.self, progress: report)
            case .float:
                return try LossLandscape.train(
                    dataset, configuration: configuration, snapshotInterval: snapshotInterval, settings: settings,
                    as: Float.self, progress: report)
            }
        } catch {
            let flag =
                error == .diverged
                ? "--lr \(NumberText.shortest(configuration.learningRate))" : "--snapshot-every \(snapshotInterval)"
            throw .usage("\(flag): \(error.description)")
        }
    }

    /// The grid as CSV: one `a,b,loss` row per point, b the outer loop.
    private func csv(_ landscape: LossLandscape) -> String {
        var lines = ["a,b,loss"]
        for (j, b) in landscape.gridB.enumerated() {
            for (i, a) in landscape.gridA.enumerated() {
                lines.append([a, b, landscape.gridLoss[j][i]].map(NumberText.shortest).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PlaneDirections.Kind: ExpressibleByArgument {}
