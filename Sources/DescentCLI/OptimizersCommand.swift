import ArgumentParser
import DescentCore
import DescentPlot

/// `descent optimizers`: several optimisers from one start on one landscape, the book's Figure 6-8.
struct OptimizersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimizers",
        abstract: "Run several optimisers on one function and draw their paths: the book's Figure 6-8.",
        discussion: """
            By default this is the book's optimizer_compare_naive.py: f = x^2/20 + y^2 from (-7, 2), \
            30 steps with the analytic gradient (the book's df = (x/10, 2y), to the last bit), SGD at \
            lr 0.95, Momentum 0.1, AdaGrad 1.5 and Adam 0.3, one panel each in a 2 × 2 grid: the path \
            'o-' in red over the contour lines of f, + at the minimum, both axes -10..10. Each panel \
            is --width × --height; no two texts overlap.

            Example:
              $ descent optimizers --optimizer sgd:0.95,adam:0.3 --layout overlay --output ch6.svg

            --optimizer takes NAME or NAME:RATE, comma-separated: sgd, momentum, nesterov, adagrad, \
            rmsprop, adam; a name without a rate takes the book's for Figure 6-8 (0.1 for nesterov \
            and rmsprop, which it does not show). --momentum, --decay, --beta1 and --beta2 apply to \
            every optimiser that has the setting. --json prints the runs as an array of trajectory \
            objects in the order given; --data writes them.
            """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(
        name: .customLong("optimizer"), parsing: .unconditional,
        help: ArgumentHelp(
            "The optimisers and their rates, such as sgd:0.95,momentum:0.1. Default: the book's four.",
            valueName: "name[:rate],…"),
        transform: ArgumentValues.optimizerList)
    var entries: [(kind: OptimizerKind, rate: Double?)] = Self.bookEntries

    @OptionGroup var settings: OptimizerOptions

    @Option(
        name: .customLong("history"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "A path another program computed, drawn beside the optimisers under NAME: FILE as for trajectory "
                + "--history (.npy, .csv, .json). Repeat it for several.",
            valueName: "name=file"),
        transform: ArgumentValues.namedFile)
    var histories: [(name: String, path: String)] = []

    @Option(help: "grid: one panel per optimiser; overlay: every path on one landscape, with a legend.")
    var layout: OptimizerFigures.Layout = .grid

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var animationOptions: AnimationOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    /// The book's Figure 6-8, in its order.
    static let bookEntries: [(kind: OptimizerKind, rate: Double?)] = [OptimizerKind.sgd, .momentum, .adagrad, .adam]
        .map { ($0, bookRate(of: $0)) }

    /// The rate of an optimiser named without one: the book's for Figure 6-8.
    static func bookRate(of kind: OptimizerKind) -> Double {
        switch kind {
        case .sgd: 0.95
        case .momentum, .nesterov, .rmsprop: 0.1
        case .adagrad: 1.5
        case .adam: 0.3
        }
    }

    func run() throws {
        try outputs.check()
        try settings.check(for: entries.map(\.kind))
        let objective = try problem.objective(.chapter6)
        guard objective.dimension == 2 else {
            throw CommandError.usage(
                "\(objective.description) is a function of \(objective.dimension) variable"
                    + "\(objective.dimension == 1 ? "" : "s"); the optimisers are drawn on a landscape of two")
        }
        let panels = OptimizerFigures.panelCount(forRuns: entries.count + histories.count, layout: layout)
        let path = try figureOptions.destination(defaultName: "optimizers", panels: panels.columns, rows: panels.rows)
        try animationOptions.check(output: path)
        let font = try FigureOptions.font()
        let start = try problem.start(for: objective, .chapter6)
        var runs: [Trajectory] = []
        for entry in entries {
            do {
                // Each takes the settings it has (check(for:) refused any that none has).
                let own = settings.hyperparameters.filter { entry.kind.hyperparameters.contains($0.key) }
                let optimizer = try entry.kind.make(
                    learningRate: entry.rate ?? Self.bookRate(of: entry.kind), hyperparameters: own)
                runs.append(
                    try GradientDescent.run(
                        objective, from: start, steps: problem.steps(.chapter6), gradient: problem.gradient(.chapter6),
                        optimizer: optimizer))
            } catch {
                throw CommandError.usage(error.description)
            }
        }
        for history in histories {
            do {
                let recorded = try Trajectory.loadHistory(
                    history.path, objective: objective, gradient: problem.gradient(.chapter6))
                guard recorded.history.dimension == 2 else {
                    throw CommandError.usage(
                        "--history \(history.name)=\(history.path): its points have \(recorded.history.dimension) "
                            + "coordinates; the optimisers' landscape has two")
                }
                runs.append(recorded)
            } catch let error as HistoryError {
                throw CommandError.usage("--history \(history.name)=\(error.description)")
            }
        }
        let labels = runs.prefix(entries.count).map(OptimizerFigures.name(of:)) + histories.map(\.name)
        let figure = OptimizerFigures.figure(
            runs, labels: labels, layout: layout,
            options: figureOptions.plotOptions(
                style: .landscape, contours: contourOptions.contours(defaultStyle: .lines)),
            panelWidth: figureOptions.width, panelHeight: figureOptions.height, dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font, animation: animationOptions.animation)
        var names = labels.makeIterator()
        try outputs.report(runs, figurePath: path) { "\(names.next()!): \($0.summary)" }
    }
}

extension OptimizerFigures.Layout: ExpressibleByArgument {}
