import ArgumentParser
import DescentCore
import DescentPlot

/// The problem a descent solves (DESIGN.md §3): the function, the start, the number of steps and
/// how the gradient is taken; shared by every command that runs descents. A flag not given takes
/// the preset's suggested value, else the command's default (``Defaults``).
struct ProblemOptions: ParsableArguments {
    /// What a command does when neither a flag nor a preset says.
    struct Defaults {
        var preset: Preset
        var steps: Int
        var gradient: GradientMethod

        /// The book's chapter 4: x0² + x1² from (−3, 4), 20 steps, numerical gradient.
        static let chapter4 = Defaults(preset: .sphere, steps: 20, gradient: .numerical)
        /// The book's chapter 6 (`optimizer_compare_naive.py`): x²/20 + y² from (−7, 2), 30 steps,
        /// the analytic gradient.
        static let chapter6 = Defaults(preset: .bookCh6, steps: 30, gradient: .analytic)
    }

    @Option(
        name: .customLong("function"), parsing: .unconditional,
        help: ArgumentHelp(
            "The function to minimise, e.g. \"x0^2 + x1^2\" (variables x0…x9 or x, y, z; + - * / ^; "
                + "sin cos tan exp log sqrt abs tanh sigmoid; pi, e). Default: the preset.",
            valueName: "expression"))
    var functionText: String?

    @Option(
        help: ArgumentHelp("A named test function with its own start, view and suggested run.", discussion: presetList))
    var preset: Preset?

    @Option(
        name: .customLong("init"), parsing: .unconditional,
        help: ArgumentHelp(
            "The start point, comma-separated; negative numbers are fine (--init -3,4). Default: the preset's start.",
            valueName: "x0,x1,…"),
        transform: ArgumentValues.point)
    var initialPoint: [Double]?

    @Option(
        name: .customLong("steps"), parsing: .unconditional,
        help:
            "How many updates to take (at most \(GradientDescent.maximumSteps)). Default: the preset's, or the book's.",
        transform: ArgumentValues.stepCount)
    var givenSteps: Int?

    @Option(
        name: .customLong("gradient"),
        help: "numerical (central difference, h = 1e-4, as the book) or analytic (derived from the expression).")
    var givenGradient: GradientMethod?

    /// Each preset with its suggested run, for `--help`.
    static var presetList: String {
        Preset.allCases.map { preset in
            let run = preset.suggestedRun
            let start = preset.start.map(NumberText.shortest).joined(separator: ",")
            return "\(preset.rawValue): \(preset.expression), from \(start), \(run.optimizer.rawValue) "
                + "lr \(NumberText.shortest(run.learningRate)), \(run.steps) steps"
        }.joined(separator: "; ")
    }

    /// The book's Figure 4-10 for the book's own run (neither `--function` nor `--preset`), the
    /// path on its landscape for any other.
    var figureStyle: TrajectoryFigures.Style {
        functionText == nil && preset == nil ? .book : .landscape
    }

    /// `--steps`, or the preset's suggested number, or the command's default.
    func steps(_ defaults: Defaults) -> Int {
        givenSteps ?? preset?.suggestedRun.steps ?? defaults.steps
    }

    /// `--gradient`, or the command's default.
    func gradient(_ defaults: Defaults) -> GradientMethod {
        givenGradient ?? defaults.gradient
    }

    /// The objective the flags name, or the default preset's.
    func objective(_ defaults: Defaults = .chapter4) throws(CommandError) -> Objective {
        if functionText == nil, preset == nil { return defaults.preset.objective }
        return try Self.objective(functionText: functionText, preset: preset)
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

    /// The start point: `--init`, or the preset's start (the default preset's when no function
    /// is given), or the book's (−3, 4) for a function of two variables.
    func start(for objective: Objective, _ defaults: Defaults = .chapter4) throws(CommandError) -> [Double] {
        if let initialPoint {
            guard initialPoint.count == objective.dimension else {
                throw .usage(
                    "--init \(initialPoint.map(NumberText.shortest).joined(separator: ",")): "
                        + "\(objective.description) is a function of \(objective.dimension) variable"
                        + "\(objective.dimension == 1 ? "" : "s"), so give \(objective.dimension) "
                        + "number\(objective.dimension == 1 ? "" : "s")")
            }
            return initialPoint
        }
        if functionText == nil {
            return (preset ?? defaults.preset).start
        }
        guard objective.dimension == 2 else {
            throw .usage(
                "--init is needed: \(objective.description) is a function of \(objective.dimension) "
                    + "variable\(objective.dimension == 1 ? "" : "s") (the default start -3,4 is for two)")
        }
        return Preset.sphere.start
    }
}

/// The flags that define a descent run but its learning rate: the problem, and the optimiser with
/// its settings (DESIGN.md §3).
struct RunOptions: ParsableArguments {
    @OptionGroup var problem: ProblemOptions

    @Option(
        name: .customLong("optimizer"),
        help: ArgumentHelp(
            "The update rule, as the book's common/optimizer.py: sgd, momentum, nesterov, adagrad, rmsprop or adam. "
                + "Default: the preset's, or sgd.",
            valueName: "name"))
    var givenOptimizer: OptimizerKind?

    @OptionGroup var settings: OptimizerOptions

    /// The optimiser the flags name, with learning rate `learningRate`.
    func makeOptimizer(learningRate: Double) throws(CommandError) -> any Optimizer {
        try settings.check(for: optimizer)
        do {
            return try optimizer.make(learningRate: learningRate, hyperparameters: settings.hyperparameters)
        } catch {
            throw .usage(error.description)
        }
    }

    /// `--optimizer`, or the preset's suggested optimiser, or SGD.
    var optimizer: OptimizerKind {
        givenOptimizer ?? problem.preset?.suggestedRun.optimizer ?? .sgd
    }

    /// The learning rate when `--lr` is not given: the preset's suggested one when its suggested
    /// optimiser runs, else the book's 0.1.
    var defaultLearningRate: Double {
        guard let run = problem.preset?.suggestedRun, run.optimizer == optimizer else { return 0.1 }
        return run.learningRate
    }

    /// Runs the descent the flags describe with learning rate `learningRate`.
    func descend(learningRate: Double) throws(CommandError) -> Trajectory {
        let objective = try problem.objective()
        let start = try problem.start(for: objective)
        let optimizer = try makeOptimizer(learningRate: learningRate)
        do {
            return try GradientDescent.run(
                objective, from: start, steps: problem.steps(.chapter4), gradient: problem.gradient(.chapter4),
                optimizer: optimizer)
        } catch {
            throw .usage(error.description)
        }
    }
}
