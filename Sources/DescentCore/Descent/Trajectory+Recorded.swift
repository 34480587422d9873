extension Trajectory {
    /// The trajectory of points another program computed: `points` are every x visited, in order,
    /// the last taken as the final x and those before it as the history (n + 1 points, n steps).
    ///
    /// With `objective`, ``values`` and ``gradientNorms`` are computed from it (the gradient as
    /// `method` says: the book's numerical one by default, so that a run's own points give back
    /// its own numbers), and the points are held to a run's checks: the path ends, as
    /// ``GradientDescent/run(_:from:steps:gradient:optimizer:)`` ends, at the first point where x,
    /// f(x) or the gradient is not finite, the last point included, and the outcome is then
    /// ``Outcome/Status/overflow``. Without one, only the points are known: ``knownObjective`` is
    /// `nil`, ``values`` and ``gradientNorms`` are NaN, the path ends at the first point that is
    /// not finite, and the outcome is judged from the points alone (``Outcome``).
    ///
    /// Points after the one that ended the path are not kept; ``requestedSteps`` (the points
    /// recorded, less one) then exceeds ``history``'s count, as for a run that stopped early.
    ///
    /// - Throws: ``DescentError`` for no points, points of another dimension than `objective`'s,
    ///   more than ``RecordedHistory/maximumRows`` points, or the analytic gradient asked of an
    ///   objective that has none.
    /// - Complexity: one objective call and one gradient per point when `objective` is given.
    public init(recorded points: PointList, objective: Objective? = nil, gradient method: GradientMethod = .numerical)
        throws(DescentError)
    {
        guard !points.isEmpty else { throw DescentError(description: "an empty history: no points") }
        guard points.count <= RecordedHistory.maximumRows else {
            throw DescentError(
                description: "\(points.count) points; a history holds at most \(RecordedHistory.maximumRows)")
        }
        if let objective {
            guard objective.dimension == points.dimension else {
                throw DescentError(
                    description: "points of \(points.dimension) coordinate\(points.dimension == 1 ? "" : "s") "
                        + "but \(objective.description) is a function of \(objective.dimension)")
            }
            try GradientDescent.requireGradient(method, of: objective)
        }
        let steps = points.count - 1
        var history = PointList(dimension: points.dimension)
        history.reserveCapacity(steps)
        var values: [Double] = []
        var gradientNorms: [Double] = []
        var stop: EarlyStop?
        var gradient = [Double](repeating: 0, count: points.dimension)
        // The checks of GradientDescent.run at x_step, in its order; nil when all pass.
        func fault(at x: inout [Double]) -> (EarlyStop.Cause?, value: Double, norm: Double) {
            guard allFinite(x) else { return (.point, .nan, .nan) }
            guard let objective else { return (nil, .nan, .nan) }
            let value = objective(x)
            guard value.isFinite else { return (.value, value, .nan) }
            switch method {
            case .numerical: numericalGradient(objective.callAsFunction, at: &x, into: &gradient)
            case .analytic: objective.analyticGradient(at: x, into: &gradient)
            }
            guard allFinite(gradient) else { return (.gradient, value, .nan) }
            return (nil, value, euclideanNorm(gradient))
        }
        var final = Array(points[steps])
        for step in 0...steps {
            var x = Array(points[step])
            let (cause, value, norm) = fault(at: &x)
            if let cause {
                stop = EarlyStop(step: step, cause: cause)
                final = x
                break
            }
            guard step < steps else { break }
            history.append(x)
            values.append(value)
            gradientNorms.append(norm)
        }
        self.init(
            objective: objective ?? Self.unknownFunction(dimension: points.dimension),
            source: .recorded(functionKnown: objective != nil), optimizer: ("recorded", .nan, []), method: method,
            initial: Array(points[0]), requestedSteps: steps, history: history, values: values,
            gradientNorms: gradientNorms, final: final, earlyStop: stop)
    }

    /// The trajectory of `points` another program computed, each an array of its coordinates, as
    /// ``init(recorded:objective:gradient:)-(PointList,_,_)`` makes it from a ``PointList``: the path a program of
    /// one's own computed, ready for DescentPlot's `TrajectoryFigures`.
    ///
    /// ```swift
    /// let path = try Trajectory(recorded: [[-3, 4], [-2.4, 3.2], [-1.92, 2.56]], objective: Preset.sphere.objective)
    /// let figure = TrajectoryFigures.trajectory(path)
    /// ```
    ///
    /// - Throws: ``DescentError`` as the other initialiser does, and for points of no coordinate or
    ///   of different numbers of coordinates.
    /// - Complexity: O(n·d) for n points of d coordinates, plus the other initialiser's.
    public init(recorded points: [[Double]], objective: Objective? = nil, gradient method: GradientMethod = .numerical)
        throws(DescentError)
    {
        guard let dimension = points.first?.count else {
            throw DescentError(description: "an empty history: no points")
        }
        guard dimension > 0 else { throw DescentError(description: "point 0 has no coordinates") }
        if let index = points.firstIndex(where: { $0.count != dimension }) {
            throw DescentError(
                description:
                    "point \(index) has \(points[index].count) coordinate\(points[index].count == 1 ? "" : "s") "
                    + "where point 0 has \(dimension)")
        }
        try self.init(recorded: PointList(points, dimension: dimension), objective: objective, gradient: method)
    }

    /// Reads the history recorded in `path` (`.npy`, `.csv` or `.json`, as ``RecordedHistory``
    /// describes them) and makes its trajectory, as ``init(recorded:objective:gradient:)-(PointList,_,_)`` does.
    ///
    /// This is the one call that turns a history file into a ``Trajectory``, for any command that
    /// draws one (`descent trajectory --history FILE`, `descent optimizers --history NAME=FILE`).
    ///
    /// - Throws: ``HistoryError`` naming `path` and what is wrong: a file that cannot be read or
    ///   parsed, an empty history, or points that do not fit `objective`.
    /// - Complexity: O(file size) to read, then per point one evaluation of f and of its gradient
    ///   when `objective` is given (2·n evaluations of f for the numerical gradient).
    public static func loadHistory(
        _ path: String, objective: Objective? = nil, gradient method: GradientMethod = .numerical
    ) throws(HistoryError) -> Trajectory {
        let points = try RecordedHistory.read(contentsOf: path)
        do {
            return try Trajectory(recorded: points, objective: objective, gradient: method)
        } catch {
            throw HistoryError(path: path, reason: error.description)
        }
    }

    /// The stand-in for a function that is not known: NaN everywhere.
    private static func unknownFunction(dimension: Int) -> Objective {
        Objective(description: "unknown", dimension: dimension, value: { _ in .nan })
    }
}
