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
        let n = history.count
        guard n > 0 else {
            return Outcome(status: .running, reason: "no step was taken")
        }
        let point = { (k: Int) in k == n ? PointList.Coordinates(final) : history[k] }
        let lengths = (0..<n).map { distance(point($0 + 1), point($0)) }

        // Rule 3 and rule 4's second half need the gradient, so the function.
        var gradients: (start: Double, final: Double)?
        if let objective {
            let startGradient = euclideanNorm(probeGradient(objective, at: Array(point(0))))
            let finalGradient = euclideanNorm(probeGradient(objective, at: final))
            gradients = (startGradient, finalGradient)
            if finalGradient <= gradientTolerance * startGradient {
                return Outcome(
                    status: .converged,
                    reason: "the gradient norm fell from \(format(startGradient)) to \(format(finalGradient))")
            }
        }
        if lengths[n - 1] == 0 {
            let frozenAt = (lengths.lastIndex { $0 != 0 }).map { $0 + 1 } ?? 0
            guard let gradients else {
                return Outcome(status: .stalled, reason: "x stopped moving at step \(frozenAt)")
            }
            var reason =
                "x stopped moving at step \(frozenAt) while the gradient norm there is \(format(gradients.final))"
            if method == .numerical, gradientNorms[frozenAt] == 0 {
                reason += ": x ± h rounds back to x, so the numerical gradient is 0"
            }
            return Outcome(status: .stalled, reason: reason)
        }
        if let gradients, method == .numerical, gradientNorms[n - 1] == 0,
            gradients.final > gradientTolerance * gradients.start
        {
            let blindFrom = (gradientNorms.lastIndex { $0 != 0 }).map { $0 + 1 } ?? 0
            return Outcome(
                status: .stalled,
                reason: "the numerical gradient is 0 from step \(blindFrom) on while the gradient norm there is "
                    + "\(format(gradients.final)): x ± h rounds back to x, and only the optimiser's momentum moves x")
        }

        let windowStart = n - min(n, window)
        let windowLengths = lengths[windowStart...]
        let ratio = meanRatio(Array(windowLengths))
        let distanceFromStart = { (k: Int) in distance(point(k), point(0)) }
        // Without f, growing steps that carry x away from its start are all there is to go on.
        let uphillOrAway =
            objective.map { objective in
                let climbs = objective(final) > objective(Array(point(windowStart)))
                let runsAway = euclideanNorm(final) > runawayFactor * max(1, euclideanNorm(point(0)))
                return climbs || runsAway
            } ?? true
        if ratio > growthRatio, distanceFromStart(n) > distanceFromStart(windowStart), uphillOrAway {
            return Outcome(
                status: .diverged,
                reason:
                    "each step is \(format(ratio)) times the one before; ‖x‖ reached \(format(euclideanNorm(final)))")
        }
        let step = { (k: Int) in zip(point(k + 1), point(k)).map { $0 - $1 } }
        let reverses =
            windowLengths.count >= 2
            && (windowStart..<n - 1).allSatisfy { dot(step($0), step($0 + 1)) < 0 }
        if reverses, ratio >= sustainedRatio {
            return Outcome(
                status: .oscillating,
                reason: "x jumps back and forth with steps of \(format(lengths[n - 1])) that do not shrink")
        }
        let pathLength = lengths.reduce(0, +)
        if windowLengths.count >= 3, ratio < 1 {
            let remaining = lengths[n - 1] * ratio / (1 - ratio)
            if remaining <= remainingFraction * pathLength {
                return Outcome(
                    status: .converged,
                    reason: "the steps shrink by a factor \(format(ratio)); about \(format(remaining)) is left to go")
            }
        }
        let scale = max(1, euclideanNorm(point(0)), euclideanNorm(final))
        if pathLength / Double(n) <= crawlFraction * scale {
            let gradient = gradients.map { " while the gradient norm is \(format($0.final))" } ?? ""
            return Outcome(
                status: .stalled, reason: "x crawls: it moved \(format(pathLength)) in \(n) steps\(gradient)")
        }
        guard let gradients else {
            return Outcome(
                status: .running,
                reason: "the points end while x is still on its way: the last step is \(format(lengths[n - 1])) long")
        }
        return Outcome(
            status: .running,
            reason:
                "the steps ran out with the gradient norm at \(format(gradients.final)), down from \(format(gradients.start))"
        )
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
            point[index] = x[index] + h
            let forward = objective(point)
            point[index] = x[index] - h
            let backward = objective(point)
            point[index] = x[index]
            return (forward - backward) / (2 * h)
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
    private static func meanRatio(_ lengths: [Double]) -> Double {
        guard lengths.count >= 2, let first = lengths.first, let last = lengths.last, first > 0 else { return 1 }
        return pow(last / first, 1 / Double(lengths.count - 1))
    }

    /// ‖a − b‖, without allocating (this runs once per step of a run).
    private static func distance(_ a: PointList.Coordinates, _ b: PointList.Coordinates) -> Double {
        euclideanNorm(zip(a, b).lazy.map { $0 - $1 })
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Numbers in reasons: four significant digits, exponents without `+` or leading zeros
    /// (`0.05765`, `2e-6`, `5.186e13`).
    private static func format(_ value: Double) -> String {
        let text = String(format: "%.4g", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(text[..<e])e\(exponent)"
    }
}
