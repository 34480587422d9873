/// The record of one descent run: every point, its value and gradient norm, where it ended, and
/// what kind of run it was.
public struct Trajectory: Sendable {
    /// Why a run stopped before taking all its steps.
    public struct EarlyStop: Equatable, Sendable {
        /// Which value was not finite.
        public enum Cause: Equatable, Sendable {
            /// x itself became infinite or NaN (after the update of the previous step).
            case point
            /// f(x) is infinite or NaN at a finite x.
            case value
            /// The gradient at x has an infinite or NaN component.
            case gradient
        }
        /// The step at which the non-finite value was met: x_step is the point concerned.
        public let step: Int
        /// Which value was not finite.
        public let cause: Cause
    }

    /// Where a trajectory's points came from.
    public enum Source: Equatable, Sendable {
        /// ``GradientDescent/run(_:from:steps:gradient:optimizer:)`` computed them: everything is
        /// known.
        case run
        /// Another program computed them and they were read back
        /// (``init(recorded:objective:gradient:)-(PointList,_,_)``): the optimiser and its settings are unknown.
        /// With `functionKnown`, the function was given, and ``values`` and ``gradientNorms``
        /// are computed from it; without, they are NaN and ``objective`` is a stand-in.
        case recorded(functionKnown: Bool)
    }

    /// The function descended. For a history recorded without its function, a stand-in whose
    /// value is NaN everywhere: use ``knownObjective`` where that matters.
    public let objective: Objective
    /// Where the points came from. Default: ``Source/run``.
    public let source: Source
    /// The optimiser's name (`sgd`); `recorded` for a recorded history.
    public let optimizer: String
    /// The optimiser's learning rate η; NaN for a recorded history.
    public let learningRate: Double
    /// The optimiser's other settings (momentum, decay, betas), in its order; empty for SGD and for
    /// a recorded history.
    public let hyperparameters: [(setting: Hyperparameter, value: Double)]
    /// How the gradient was obtained; for a recorded history, how ``gradientNorms`` were computed.
    public let method: GradientMethod
    /// The start point x₀.
    public let initial: [Double]
    /// The number of steps asked for; ``history`` has fewer when the run stopped early. For a
    /// recorded history, the number of points recorded less one.
    public let requestedSteps: Int
    /// x before each update, as the book's `x_history`: x₀ … x₍ₙ₋₁₎, the final x not included.
    public let history: PointList
    /// f(x_k) for each point of ``history``.
    public let values: [Double]
    /// ‖∇f(x_k)‖ for each point of ``history``, of the gradient the run used (numerical or analytic).
    public let gradientNorms: [Double]
    /// x after the last update (or the non-finite x that stopped the run).
    public let final: [Double]
    /// Set when the run stopped on a non-finite value.
    public let earlyStop: EarlyStop?
    /// What kind of run this was, and why.
    public let outcome: Outcome

    init(
        objective: Objective, optimizer: some Optimizer, method: GradientMethod, initial: [Double], requestedSteps: Int,
        history: PointList, values: [Double], gradientNorms: [Double], final: [Double], earlyStop: EarlyStop?
    ) {
        self.init(
            objective: objective, source: .run,
            optimizer: (optimizer.name, optimizer.learningRate, optimizer.hyperparameters), method: method,
            initial: initial, requestedSteps: requestedSteps, history: history, values: values,
            gradientNorms: gradientNorms, final: final, earlyStop: earlyStop)
    }

    /// A trajectory with every member given; its outcome is classified here, from the points alone
    /// when the source says the function is unknown.
    init(
        objective: Objective, source: Source,
        optimizer: (name: String, learningRate: Double, hyperparameters: [(setting: Hyperparameter, value: Double)]),
        method: GradientMethod, initial: [Double], requestedSteps: Int, history: PointList, values: [Double],
        gradientNorms: [Double], final: [Double], earlyStop: EarlyStop?
    ) {
        self.objective = objective
        self.source = source
        self.optimizer = optimizer.name
        self.learningRate = optimizer.learningRate
        self.hyperparameters = optimizer.hyperparameters
        self.method = method
        self.initial = initial
        self.requestedSteps = requestedSteps
        self.history = history
        self.values = values
        self.gradientNorms = gradientNorms
        self.final = final
        self.earlyStop = earlyStop
        self.outcome = Outcome.classify(
            objective: source == .recorded(functionKnown: false) ? nil : objective, method: method,
            history: history, gradientNorms: gradientNorms, final: final, earlyStop: earlyStop)
    }

    /// The function descended, or `nil` for a history recorded without it.
    public var knownObjective: Objective? {
        source == .recorded(functionKnown: false) ? nil : objective
    }

    /// f at ``final``; NaN when the function is not known.
    ///
    /// - Complexity: one evaluation of f.
    public var finalValue: Double { objective(final) }

    /// The length of the path travelled: the sum of the step lengths ‖pₖ₊₁ − pₖ‖ from x₀ to ``final``.
    ///
    /// NaN when a point is not finite (a run that overflowed), or when two points are so far apart
    /// that their difference overflows.
    ///
    /// - Complexity: O(points × coordinates); allocates ``points``.
    public var pathLength: Double {
        let points = points
        return zip(points.dropFirst(), points).reduce(0) { total, step in
            total + euclideanNorm(zip(step.0, step.1).lazy.map { $0 - $1 })
        }
    }

    /// Every point visited: ``history`` followed by ``final``.
    ///
    /// - Complexity: O(points): one array of views is allocated.
    public var points: [PointList.Coordinates] {
        Array(history) + [PointList.Coordinates(final)]
    }
}
