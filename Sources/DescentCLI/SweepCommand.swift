import ArgumentParser
import DescentCore
import DescentPlot

/// `descent sweep`: the same descent for many learning rates, each run classified.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run the same descent for many learning rates and draw which of them work.",
        discussion: """
            By default the book's run (x0^2 + x1^2 from (-3, 4), 20 steps, numerical gradient) for \
            45 learning rates from 1e-10 to 10, four a decade (on all cores when the runs are long). The figure plots each \
            run's final f(x) against its learning rate (both on log scales), coloured and marked by \
            what kind of run it was (converged, running, stalled, oscillating, diverged, overflow), \
            shades the rates that converged, and points at the book's 10, 0.1 and 1e-8.

            Example:
              $ descent sweep --lr-range 1e-4,2 --count 30 --output sweep.svg

            --json prints the runs as an array of trajectory objects; --data writes them.
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp("The learning rates, comma-separated, instead of a range.", valueName: "rates"),
        transform: {
            try ArgumentValues.learningRates($0, atMost: LearningRateSweep.maximumCount, each: "one run each")
        })
    var learningRates: [Double]?

    @Option(
        name: .customLong("lr-range"), parsing: .unconditional,
        help: ArgumentHelp("The lowest and highest learning rate. Default: 1e-10,10.", valueName: "low,high"),
        transform: ArgumentValues.learningRateRange)
    var range: ClosedRange<Double>?

    @Option(
        parsing: .unconditional,
        help: "How many learning rates, log-spaced over the range. Default: 45 (four a decade of the default range).",
        transform: { try ArgumentValues.count($0, name: "learning rates", upTo: LearningRateSweep.maximumCount) })
    var count: Int?

    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    /// The rates to run, in increasing order: `--lr`, or `--count` of them log-spaced over `--lr-range`.
    func rates() throws(CommandError) -> [Double] {
        if let learningRates {
            guard range == nil, count == nil else { throw .usage("give --lr or --lr-range and --count, not both") }
            return Array(Set(learningRates)).sorted()
        }
        let count = count ?? LearningRateSweep.defaultCount
        guard count >= 2 else {
            throw .usage("--count \(count): a sweep over a range needs at least 2 learning rates")
        }
        return LearningRateSweep.logSpaced(range ?? LearningRateSweep.bookRange, count: count)
    }

    func run() throws {
        try outputs.check()
        let rates = try rates()
        for (flag, limits) in [("--xlim", figureOptions.xlim), ("--ylim", figureOptions.ylim)] {
            if let limits, limits.lowerBound <= 0 {
                throw CommandError.usage(
                    "\(flag) \(NumberText.shortest(limits.lowerBound)),\(NumberText.shortest(limits.upperBound)): "
                        + "the sweep's axes are logarithmic, so the limits must be above 0, such as 1e-10,10")
            }
        }
        let path = try figureOptions.destination(defaultName: "lr_sweep", panels: 1)
        let font = try FigureOptions.font()
        let objective = try runOptions.problem.objective()
        let start = try runOptions.problem.start(for: objective)
        let steps = runOptions.problem.steps(.chapter4)
        let bytes = LearningRateSweep.historyBytes(rates: rates.count, steps: steps, dimension: objective.dimension)
        guard bytes <= Double(LearningRateSweep.maximumHistoryBytes) else {
            throw CommandError.usage(
                "\(rates.count) learning rates × --steps \(steps): the runs would hold about "
                    + "\(String(format: "%.3g", bytes / 1e9)) GB of history, at most "
                    + "\(String(format: "%.2g", Double(LearningRateSweep.maximumHistoryBytes) / 1e9)) GB are allowed; "
                    + "lower --count (or --lr) or --steps")
        }
        _ = try runOptions.makeOptimizer(learningRate: rates[0])
        let (kind, settings, method) = (
            runOptions.optimizer, runOptions.settings.hyperparameters,
            runOptions.problem.gradient(.chapter4)
        )
        let runs: [Trajectory]
        do {
            // The history's bound above keeps this product far from overflowing.
            runs = try LearningRateSweep.run(rates, work: rates.count * steps * objective.dimension) {
                rate throws(DescentError) in
                try GradientDescent.run(
                    objective, from: start, steps: steps, gradient: method,
                    optimizer: kind.make(learningRate: rate, hyperparameters: settings))
            }
        } catch {
            throw CommandError.usage(error.description)
        }
        let figure = SweepFigures.sweep(
            runs, title: figureOptions.title, xLimits: figureOptions.xlim, yLimits: figureOptions.ylim,
            width: figureOptions.width, height: figureOptions.height,
            dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font)
        try outputs.report(runs, figurePath: path) { run in
            "lr \(NumberText.shortest(run.learningRate)): \(run.outcome.status.rawValue), "
                + "f = \(NumberText.shortest(run.finalValue))"
        }
    }
}
