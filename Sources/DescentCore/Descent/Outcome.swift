import Foundation

/// What kind of run a descent was, decided from its trajectory, with a sentence saying why.
///
/// The rules are applied in this order; the first that holds decides. n is the number of updates
/// taken, p₀ … pₙ the points (pₙ the final x), sₖ = ‖pₖ₊₁ − pₖ‖ the step lengths, and g(x) the
/// *probe gradient*: the analytic gradient when the objective has one, else a central difference
/// whose step grows with |x| (h·max(1, |xᵢ|)), so that it does not vanish where the book's fixed
/// h does. The window W is the last min(n, 10) steps, and r the mean ratio of successive step
/// lengths over it, (s_last / s_first)^(1/(W−1)).
///
/// 1. `overflow`: the run stopped on a non-finite x, f(x) or gradient.
/// 2. `running`: no step was taken.
/// 3. `converged`: ‖g(pₙ)‖ ≤ 1e-6·‖g(p₀)‖: the gradient has all but vanished.
/// 4. `stalled`: the last step had length 0: x froze while the gradient there is not small. With
///    the numerical gradient this is the book's lr = 10 case: x ± h rounds back to x. Also
///    `stalled`: the numerical gradient of the last step was 0 while g(pₙ) is not small, so that
///    only an optimiser's momentum still moves x (Momentum at lr = 10).
/// 5. `diverged`: r > 1.001, pₙ is farther from p₀ than the window's first point, and either
///    f(pₙ) is above f at the window's first point or ‖pₙ‖ > 10·max(1, ‖p₀‖): the steps grow
///    geometrically and carry x uphill or far away. (Steps that grow while f falls near the start
///    are a descent gathering speed on a flat slope, as Himmelblau's from (0, 0) with lr 1e-4.)
/// 6. `oscillating`: every two successive steps of the window point in opposite directions
///    (dot product < 0) and r ≥ 0.999: x jumps back and forth without closing in, as lr = 1 on
///    x0² + x1² does between (−3, 4) and (3, −4).
/// 7. `converged`: W ≥ 3, r < 1, and the distance still to go, estimated by the geometric series
///    s_last·r/(1 − r), is at most 5 % of the path travelled Σsₖ: the run has closed in on a point.
/// 8. `stalled`: the mean step is at most 1e-6 of the scale of x (max(1, ‖p₀‖, ‖pₙ‖)): x crawls,
///    as with lr = 1e-8, so slowly that it would need millions of times more steps.
/// 9. `running`: none of the above; the steps ran out while x was still on its way.
///
/// A history recorded elsewhere without its function (``Trajectory/init(recorded:objective:gradient:)``)
/// is judged from its points alone: rules 3 and the second half of 4 (which need a gradient) are
/// skipped, and rule 5 asks only that the steps grow geometrically while x moves away from its
/// start (without f, a descent gathering speed on a flat slope cannot be told from one that
/// diverges); the reasons then name no gradient.
public struct Outcome: Equatable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case converged, diverged, stalled, oscillating, running, overflow
    }

    public let status: Status
    /// One sentence for a person: what happened, with the numbers that show it.
    public let reason: String

    /// Gradient reduction that counts as converged (rule 3).
    static let gradientTolerance = 1e-6
    /// Steps looked at for the trend (rules 5–7).
    static let window = 10
    /// Growth ratio beyond which growing steps count as divergence (rule 5).
    static let growthRatio = 1.001
    /// How far from the origin, relative to the start, growing steps count as divergence even while
    /// f falls (rule 5): f unbounded below, as the saddle's.
    static let runawayFactor = 10.0
    /// Ratio at or above which steps count as not shrinking (rule 6).
    static let sustainedRatio = 0.999
    /// Estimated remaining distance, relative to the path travelled, that counts as arrived (rule 7).
    static let remainingFraction = 0.05
    /// Mean step, relative to the scale of x, below which x crawls (rule 8).
    static let crawlFraction = 1e-6

    static func classify(
        objective: Objective?, method: GradientMethod, history: PointList, gradientNorms: [Double], final: [Double],
        earlyStop: Trajectory.EarlyStop?
    ) -> Outcome {
        if let earlyStop {
            return Outcome(status: .overflow, reason: overflowReason(earlyStop))
        }
        guard history.count > 0 else {
            return Outcome(status: .running, reason: "no step was taken")
        }
        let run = Evidence(
            objective: objective, method: method, history: history, gradientNorms: gradientNorms, final: final)
        return run.gradientVanished ?? run.frozen ?? run.numericalGradientBlind ?? run.diverging ?? run.oscillating
            ?? run.closingIn ?? run.crawling ?? run.stillRunning
    }

    /// The gradient used to judge a run (see the type's documentation): analytic when known, else a
    /// central difference with a step that scales with |x|.
    static func probeGradient(_ objective: Objective, at x: [Double]) -> [Double] {
        if let analytic = objective.analyticGradient(at: x) {
            return analytic
        }
        var point = x
        return x.indices.map { index in
            let h = NumericalDifferentiation.step * max(1, abs(x[index]))
            let derivative = NumericalDifferentiation.centralDifference(at: x[index], step: h) {
                point[index] = $0
                return objective(point)
            }
            point[index] = x[index]
            return derivative
        }
    }

    private static func overflowReason(_ stop: Trajectory.EarlyStop) -> String {
        switch stop.cause {
        case .point: "x is no longer finite at step \(stop.step)"
        case .value: "f(x) is not finite at step \(stop.step)"
        case .gradient: "the gradient is not finite at step \(stop.step)"
        }
    }

    /// (last / first)^(1/(count − 1)), the mean ratio of successive values; 1 when undefined.
    static func meanRatio(_ lengths: [Double]) -> Double {
        guard lengths.count >= 2, let first = lengths.first, let last = lengths.last, first > 0 else { return 1 }
        return pow(last / first, 1 / Double(lengths.count - 1))
    }

    /// ‖a − b‖, without allocating (this runs once per step of a run).
    static func distance(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        euclideanNorm(zip(a, b).lazy.map { $0 - $1 })
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Numbers in reasons: four significant digits, exponents without `+` or leading zeros
    /// (`0.05765`, `2e-6`, `5.186e13`).
    static func format(_ value: Double) -> String {
        NumberText.significant(value, digits: 4, exponent: .compact)
    }
}
