import ArgumentParser
import DescentCore
import DescentPlot

/// The flags that define a descent run but its learning rate (DESIGN.md §3), shared by the
/// commands that run one.
struct RunOptions: ParsableArguments {
    @Option(
        name: .customLong("function"), parsing: .unconditional,
        help: ArgumentHelp(
            "The function to minimise, e.g. \"x0^2 + x1^2\" (variables x0…x9 or x, y, z; + - * / ^; "
                + "sin cos tan exp log sqrt abs tanh sigmoid; pi, e). Default: the preset.",
            valueName: "expression"))
    var functionText: String?

    @Option(help: "A named test function with its own start point. Default: sphere (x0^2 + x1^2, start -3,4).")
    var preset: Preset?

    @Option(
        name: .customLong("init"), parsing: .unconditional,
        help: ArgumentHelp(
            "The start point, comma-separated; negative numbers are fine (--init -3,4). Default: the preset's start.",
            valueName: "x0,x1,…"),
        transform: ArgumentValues.point)
    var initialPoint: [Double]?

    @Option(
        parsing: .unconditional,
        help: "How many updates to take (at most \(GradientDescent.maximumSteps)).",
        transform: ArgumentValues.stepCount)
    var steps: Int = 20

    @Option(help: "numerical (central difference, h = 1e-4, as the book) or analytic (derived from the expression).")
    var gradient: GradientMethod = .numerical

    @Option(
        help: ArgumentHelp(
            "The update rule, as the book's common/optimizer.py: sgd, momentum, nesterov, adagrad, rmsprop or adam.",
            valueName: "name"))
    var optimizer: OptimizerKind = .sgd

    @OptionGroup var settings: OptimizerOptions

    /// The book's Figure 4-10 for the book's own run (neither `--function` nor `--preset`), the
    /// path on its landscape for any other.
    var figureStyle: TrajectoryFigures.Style {
        functionText == nil && preset == nil ? .book : .landscape
    }

    /// The optimiser the flags name, with learning rate `learningRate`.
    func makeOptimizer(learningRate: Double) throws(CommandError) -> any Optimizer {
        try settings.check(for: optimizer)
        do {
            return try optimizer.make(learningRate: learningRate, hyperparameters: settings.hyperparameters)
        } catch {
            throw .usage(error.description)
        }
    }

    /// The objective the flags name.
    func objective() throws(CommandError) -> Objective {
        try Self.objective(functionText: functionText, preset: preset)
    }

    /// The objective `--function` or `--preset` names (not both), or the sphere: shared by every
    /// command that takes the two flags.
    static func objective(functionText: String?, preset: Preset?) throws(CommandError) -> Objective {
        switch (functionText, preset) {
        case (.some, .some):
            throw .usage("give --function or --preset, not both")
        case (.some(let text), nil):
            do {
                return try Objective(expression: text)
            } catch {
                let shown = text.count > 60 ? text.prefix(50) + "… (\(text.count) characters)" : text
                throw .usage("--function \"\(shown)\": \(error)")
            }
        case (nil, let preset):
            return (preset ?? .sphere).objective
        }
    }

    /// The start point: `--init`, or the preset's start, or the book's (−3, 4) for a function of two
    /// variables.
    func start(for objective: Objective) throws(CommandError) -> [Double] {
        if let initialPoint {
            guard initialPoint.count == objective.dimension else {
                throw .usage(
                    "--init \(initialPoint.map(ShortestDouble.format).joined(separator: ",")): "
                        + "\(objective.description) is a function of \(objective.dimension) variable"
                        + "\(objective.dimension == 1 ? "" : "s"), so give \(objective.dimension) "
                        + "number\(objective.dimension == 1 ? "" : "s")")
            }
            return initialPoint
        }
        if functionText == nil {
            return (preset ?? .sphere).start
        }
        guard objective.dimension == 2 else {
            throw .usage(
                "--init is needed: \(objective.description) is a function of \(objective.dimension) "
                    + "variable\(objective.dimension == 1 ? "" : "s") (the default start -3,4 is for two)")
        }
        return Preset.sphere.start
    }

    /// Runs the descent the flags describe with learning rate `learningRate`.
    func descend(learningRate: Double) throws(CommandError) -> Trajectory {
        let objective = try objective()
        let start = try start(for: objective)
        let optimizer = try makeOptimizer(learningRate: learningRate)
        do {
            return try GradientDescent.run(
                objective, from: start, steps: steps, gradient: gradient, optimizer: optimizer)
        } catch {
            throw .usage(error.description)
        }
    }
}
