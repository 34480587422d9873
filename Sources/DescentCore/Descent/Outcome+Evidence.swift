extension Outcome {
    /// What a run of at least one step shows, measured once, with one property per rule of
    /// ``Outcome`` (rules 3 to 9): each is the outcome when its rule holds, else `nil`.
    /// ``Outcome/classify(objective:method:history:gradientNorms:final:earlyStop:)`` takes the
    /// first that holds, in the rules' order.
    struct Evidence {
        let objective: Objective?
        let method: GradientMethod
        let gradientNorms: [Double]
        let final: [Double]
        /// n, the number of updates taken (at least 1).
        let n: Int
        /// p₀ … pₙ: the history, then the final x.
        let point: (Int) -> ArraySlice<Double>
        /// sₖ = ‖pₖ₊₁ − pₖ‖ for k in 0..<n.
        let lengths: [Double]
        /// ‖g(p₀)‖ and ‖g(pₙ)‖ for the probe gradient g, when the function is known.
        let gradients: (start: Double, final: Double)?
        /// The first step of the window W: the last min(n, ``Outcome/window``) steps.
        let windowStart: Int
        /// r, the mean ratio of successive step lengths over the window.
        let ratio: Double

        /// - Precondition: `history` holds at least one point.
        init(
            objective: Objective?, method: GradientMethod, history: PointList, gradientNorms: [Double], final: [Double]
        ) {
            let n = history.count
            precondition(n > 0, "a run of no step has no evidence")
            let point = { (k: Int) in k == n ? final[...] : history[k] }
            self.objective = objective
            self.method = method
            self.gradientNorms = gradientNorms
            self.final = final
            self.n = n
            self.point = point
            lengths = (0..<n).map { Outcome.distance(point($0 + 1), point($0)) }
            gradients = objective.map { objective in
                (
                    euclideanNorm(Outcome.probeGradient(objective, at: Array(point(0)))),
                    euclideanNorm(Outcome.probeGradient(objective, at: final))
                )
            }
            windowStart = n - min(n, Outcome.window)
            ratio = Outcome.meanRatio(Array(lengths[windowStart...]))
        }

        /// Rule 3: the gradient has all but vanished.
        var gradientVanished: Outcome? {
            guard let gradients, gradients.final <= gradientTolerance * gradients.start else { return nil }
            return Outcome(
                status: .converged,
                reason: "the gradient norm fell from \(format(gradients.start)) to \(format(gradients.final))")
        }

        /// Rule 4, first half: the last step had length 0.
        var frozen: Outcome? {
            guard lengths[n - 1] == 0 else { return nil }
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

        /// Rule 4, second half: the numerical gradient of the last step was 0 where the true one
        /// is not small, so only momentum moves x.
        var numericalGradientBlind: Outcome? {
            guard let gradients, method == .numerical, gradientNorms[n - 1] == 0,
                gradients.final > gradientTolerance * gradients.start
            else { return nil }
            let blindFrom = (gradientNorms.lastIndex { $0 != 0 }).map { $0 + 1 } ?? 0
            return Outcome(
                status: .stalled,
                reason: "the numerical gradient is 0 from step \(blindFrom) on while the gradient norm there is "
                    + "\(format(gradients.final)): x ± h rounds back to x, and only the optimiser's momentum moves x")
        }

        /// Rule 5: the steps grow geometrically and carry x uphill or far away (without f,
        /// growing steps that carry x away from its start are all there is to go on).
        var diverging: Outcome? {
            let distanceFromStart = { (k: Int) in Outcome.distance(point(k), point(0)) }
            let uphillOrAway =
                objective.map { objective in
                    let climbs = objective(final) > objective(Array(point(windowStart)))
                    let runsAway = euclideanNorm(final) > runawayFactor * max(1, euclideanNorm(point(0)))
                    return climbs || runsAway
                } ?? true
            guard ratio > growthRatio, distanceFromStart(n) > distanceFromStart(windowStart), uphillOrAway else {
                return nil
            }
            return Outcome(
                status: .diverged,
                reason:
                    "each step is \(format(ratio)) times the one before; ‖x‖ reached \(format(euclideanNorm(final)))")
        }

        /// Rule 6: every two successive steps of the window point in opposite directions, and
        /// they do not shrink.
        var oscillating: Outcome? {
            let step = { (k: Int) in zip(point(k + 1), point(k)).map { $0 - $1 } }
            let reverses =
                n - windowStart >= 2 && (windowStart..<n - 1).allSatisfy { Outcome.dot(step($0), step($0 + 1)) < 0 }
            guard reverses, ratio >= sustainedRatio else { return nil }
            return Outcome(
                status: .oscillating,
                reason: "x jumps back and forth with steps of \(format(lengths[n - 1])) that do not shrink")
        }

        /// Σsₖ, the path travelled.
        private var pathLength: Double { lengths.reduce(0, +) }

        /// Rule 7: the steps shrink, and the distance still to go, estimated by the geometric
        /// series, is a small part of the path travelled.
        var closingIn: Outcome? {
            guard n - windowStart >= 3, ratio < 1 else { return nil }
            let remaining = lengths[n - 1] * ratio / (1 - ratio)
            guard remaining <= remainingFraction * pathLength else { return nil }
            return Outcome(
                status: .converged,
                reason: "the steps shrink by a factor \(format(ratio)); about \(format(remaining)) is left to go")
        }

        /// Rule 8: the mean step is a tiny part of the scale of x.
        var crawling: Outcome? {
            let scale = max(1, euclideanNorm(point(0)), euclideanNorm(final))
            guard pathLength / Double(n) <= crawlFraction * scale else { return nil }
            let gradient = gradients.map { " while the gradient norm is \(format($0.final))" } ?? ""
            return Outcome(
                status: .stalled, reason: "x crawls: it moved \(format(pathLength)) in \(n) steps\(gradient)")
        }

        /// Rule 9: none of the above.
        var stillRunning: Outcome {
            guard let gradients else {
                return Outcome(
                    status: .running,
                    reason:
                        "the points end while x is still on its way: the last step is \(format(lengths[n - 1])) long"
                )
            }
            return Outcome(
                status: .running,
                reason:
                    "the steps ran out with the gradient norm at \(format(gradients.final)), down from \(format(gradients.start))"
            )
        }
    }
}
