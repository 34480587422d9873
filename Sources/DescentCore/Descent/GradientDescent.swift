/// How the gradient of an objective is obtained during a descent.
public enum GradientMethod: String, CaseIterable, Sendable {
    /// Central differences with h = 1e-4, as the book (``numericalGradient(_:at:into:)``).
    case numerical
    /// The objective's analytic gradient (for expressions: derived symbolically).
    case analytic
}

/// A fault in the parameters of a descent, found before any step is taken.
public struct DescentError: Error, Equatable, CustomStringConvertible {
    /// One line naming the value at fault and what is allowed, as `steps must be between 0 and
    /// 1000000, got -1`.
    public let description: String
}

/// Runs gradient descent: the book's `gradient_descent(f, init_x, lr, step_num)`, recording more.
public enum GradientDescent {
    /// The most steps one run may take: the history of a 10-variable run of this length takes
    /// 80 MB, and its JSON about 250 MB; more would not fit comfortably in memory or on a page.
    public static let maximumSteps = 1_000_000

    /// Descends from `initial` for `steps` updates of `optimizer`.
    ///
    /// At each step k it records x_k (before the update, as the book's `x_history`), f(x_k) and
    /// ‖∇f(x_k)‖, then updates x. The run stops early, cleanly, when x, f(x) or the gradient is not
    /// finite; the outcome then is ``Outcome/Status/overflow``.
    ///
    /// - Throws: ``DescentError`` when `initial` has the wrong number of coordinates or a
    ///   non-finite one, `steps` is outside 0...``maximumSteps``, or the analytic gradient is
    ///   asked of an objective that has none.
    /// - Complexity: `steps` gradient evaluations (2·n objective calls each when numerical) plus
    ///   `steps` objective calls for the recorded values.
    public static func run(
        _ objective: Objective, from initial: [Double], steps: Int, gradient method: GradientMethod = .numerical,
        optimizer: some Optimizer
    ) throws(DescentError) -> Trajectory {
        try validate(objective, initial: initial, steps: steps, method: method)
        var optimizer = optimizer
        var x = initial
        var gradient = [Double](repeating: 0, count: objective.dimension)
        var history = PointList(dimension: objective.dimension)
        history.reserveCapacity(steps)
        var values: [Double] = []
        values.reserveCapacity(steps)
        var gradientNorms: [Double] = []
        gradientNorms.reserveCapacity(steps)
        var stop: Trajectory.EarlyStop?
        let f = objective.callAsFunction

        for step in 0..<steps {
            let value = f(x)
            if !allFinite(x) {
                stop = .init(step: step, cause: .point)
                break
            }
            if !value.isFinite {
                stop = .init(step: step, cause: .value)
                break
            }
            switch method {
            case .numerical: numericalGradient(f, at: &x, into: &gradient)
            case .analytic: objective.analyticGradient(at: x, into: &gradient)
            }
            guard allFinite(gradient) else {
                stop = .init(step: step, cause: .gradient)
                break
            }
            history.append(x)
            values.append(value)
            gradientNorms.append(euclideanNorm(gradient))
            optimizer.update(&x, gradient: gradient)
        }
        if stop == nil, !allFinite(x) {
            stop = .init(step: steps, cause: .point)
        }
        return Trajectory(
            objective: objective, optimizer: optimizer, method: method, initial: initial,
            requestedSteps: steps, history: history, values: values, gradientNorms: gradientNorms,
            final: x, earlyStop: stop)
    }

    /// Plain gradient descent with learning rate `learningRate`: the book's `gradient_descent`.
    ///
    /// - Throws: ``DescentError`` as the general `run` does, and when `learningRate` is not a finite
    ///   number greater than 0.
    /// - Complexity: as the general `run`.
    public static func run(
        _ objective: Objective, from initial: [Double], learningRate: Double, steps: Int,
        gradient method: GradientMethod = .numerical
    ) throws(DescentError) -> Trajectory {
        let optimizer = try SGD(learningRate: learningRate)
        return try run(objective, from: initial, steps: steps, gradient: method, optimizer: optimizer)
    }

    private static func validate(
        _ objective: Objective, initial: [Double], steps: Int, method: GradientMethod
    ) throws(DescentError) {
        guard initial.count == objective.dimension else {
            throw DescentError(
                description: "the start point has \(initial.count) coordinate\(initial.count == 1 ? "" : "s") "
                    + "but \(objective.description) is a function of \(objective.dimension)")
        }
        guard allFinite(initial) else {
            throw DescentError(description: "the start point must be finite")
        }
        guard (0...maximumSteps).contains(steps) else {
            throw DescentError(description: "steps must be between 0 and \(maximumSteps), got \(steps)")
        }
        try requireGradient(method, of: objective)
    }

    /// Fails when `method` is analytic and `objective` has no analytic gradient, saying why when
    /// the objective knows.
    static func requireGradient(_ method: GradientMethod, of objective: Objective) throws(DescentError) {
        guard method == .analytic, !objective.hasAnalyticGradient else { return }
        let reason = objective.missingGradientReason.map { ": \($0)" } ?? ""
        throw DescentError(description: "\(objective.description) has no analytic gradient\(reason)")
    }
}

/// The Euclidean norm √(Σ vᵢ²) of a finite vector, scaled by its largest magnitude first so that
/// the squares neither overflow (|vᵢ| > 1e154) nor underflow. The vector is read twice.
func euclideanNorm<Vector: Sequence<Double>>(_ vector: Vector) -> Double {
    let scale = vector.reduce(0) { Swift.max($0, abs($1)) }
    guard scale > 0 else { return 0 }
    var sum = 0.0
    for component in vector {
        let scaled = component / scale
        sum += scaled * scaled
    }
    return scale * sum.squareRoot()
}

/// Whether every component is finite (neither infinite nor NaN).
func allFinite(_ vector: [Double]) -> Bool {
    for component in vector where !component.isFinite {
        return false
    }
    return true
}
