import Foundation

/// The gradient of a function of two variables at every point of a grid, as arrows: the book's
/// Figure 4-9 (`ch04/gradient_2d.py`).
///
/// The book's grid is `np.meshgrid(np.arange(-2, 2.5, 0.25), np.arange(-2, 2.5, 0.25))`, flattened:
/// 18 × 18 points, x0 varying fastest, the last row and column (2.25) one step past the view
/// −2..2 (their arrows, pointing inwards, stop short of it: the figure shows 17 × 17). Each arrow is the numerical gradient
/// (central difference, h = 1e-4) at its point, negated for descent: `-grad` as the book passes
/// it to `plt.quiver`.
///
/// The gradient is computed a point at a time, by the one central difference of
/// ``numericalGradient(_:atEachOf:)`` (the book's `numerical_gradient` over a batch of points,
/// rows as points). The book's script itself passes `np.array([X, Y])`, two rows of 324
/// coordinates, to `function_2 = np.sum(x**2)`, so its differences are taken between sums of 324
/// squares: they round differently from the per-point x0² + x1², by up to 3.2e-10 relative
/// (a thousandth of a pixel on the figure). That trick works only for a sum of squares; a
/// per-point gradient works for every function, and is what the fixtures compare bit for bit.
public struct GradientField: Sendable {
    /// Which way the arrows point.
    public enum Sign: String, CaseIterable, Sendable {
        /// −∇f, the direction of steepest descent (the book's figure). Default.
        case descent
        /// +∇f, the direction of steepest ascent.
        case ascent
    }

    /// How the function reads to a person.
    public let function: String
    /// Whether the arrows point downhill (−∇f, the book's) or uphill.
    public let sign: Sign
    /// The grid's values along x0.
    public let gridX: [Double]
    /// The grid's values along x1.
    public let gridY: [Double]
    /// The points' x0, in `np.meshgrid(...).flatten()` order: x0 varies fastest.
    public let xs: [Double]
    /// The points' x1, in the order of ``xs``.
    public let ys: [Double]
    /// The arrows' x0 components as drawn: of −∇f (descent) or ∇f (ascent) at each point; NaN or
    /// ±∞ where the gradient is not finite.
    public let us: [Double]
    /// The arrows' x1 components, as ``us``.
    public let vs: [Double]

    /// The most arrows a field may have: a million arrows take about 4 million evaluations of f
    /// and a million polygons to draw, a few seconds; more would not be legible anyway.
    public static let maximumArrows = 1_000_000

    /// The book's view, −2..2 on both axes (`plt.xlim([-2, 2])`).
    public static let bookLimits: ClosedRange<Double> = -2...2

    /// The book's grid spacing, 0.25.
    public static let bookStep = 0.25

    /// The field of `objective` (a function of two variables) on the grid `gridX` × `gridY`.
    ///
    /// - Precondition: `objective.dimension == 2`.
    /// - Complexity: 4 evaluations of f per point.
    public init(objective: Objective, gridX: [Double], gridY: [Double], sign: Sign = .descent) {
        precondition(objective.dimension == 2, "a gradient field needs a function of two variables")
        function = objective.description
        self.sign = sign
        self.gridX = gridX
        self.gridY = gridY
        let points = gridY.flatMap { y in gridX.map { x in [x, y] } }
        let gradients = numericalGradient({ objective($0) }, atEachOf: points)
        xs = points.map { $0[0] }
        ys = points.map { $0[1] }
        us = gradients.map { sign == .descent ? -$0[0] : $0[0] }
        vs = gradients.map { sign == .descent ? -$0[1] : $0[1] }
    }

    /// The grid for a view: along each axis `np.arange(low, high + 2·step, step)`, which for the
    /// book's view and step is the book's `np.arange(-2, 2.5, 0.25)` (its stop, 2.5, is the upper
    /// limit plus two steps: the last value, 2.25, lies one step past the view).
    ///
    /// - Throws: ``NumPyArange/Failure`` for a step that is not a finite positive number, or a
    ///   grid of more than ``maximumArrows`` points (`tooMany` then counts the arrows).
    /// - Complexity: O(values along x + values along y); the number of points is checked against
    ///   ``maximumArrows`` before anything is allocated.
    public static func grid(x: ClosedRange<Double>, y: ClosedRange<Double>, step: Double) throws(NumPyArange.Failure)
        -> (x: [Double], y: [Double])
    {
        guard step.isFinite, step > 0 else { throw .step(step) }
        let stops = (x: x.upperBound + 2 * step, y: y.upperBound + 2 * step)
        let count =
            NumPyArange.count(start: x.lowerBound, stop: stops.x, step: step)
            * NumPyArange.count(start: y.lowerBound, stop: stops.y, step: step)
        guard count <= Double(maximumArrows) else { throw .tooMany(count: count, limit: maximumArrows) }
        return (
            try NumPyArange.values(start: x.lowerBound, stop: stops.x, step: step, limit: maximumArrows),
            try NumPyArange.values(start: y.lowerBound, stop: stops.y, step: step, limit: maximumArrows)
        )
    }

    /// The grid spacing used when none is given: the nice number (1, 2, 2.5 or 5 times a power of
    /// ten) nearest, on a log scale, to a sixteenth of the wider side of the view, so that about
    /// 18 arrows span it as in the book. For the book's view, 4/16 = 0.25, the book's step.
    public static func defaultStep(x: ClosedRange<Double>, y: ClosedRange<Double>) -> Double {
        let target = max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound) / 16
        guard target.isFinite, target > 0 else { return bookStep }
        let decade = pow(10, log10(target).rounded(.down))
        let candidates = [1, 2, 2.5, 5, 10].map { $0 * decade }
        return candidates.min { abs(log(($0 / target))) < abs(log(($1 / target))) }!
    }

    /// How many arrows there are.
    public var count: Int { xs.count }

    /// Whether the arrow at `index` is finite (and so drawn).
    public func isFinite(at index: Int) -> Bool {
        us[index].isFinite && vs[index].isFinite
    }

    /// The indices of the arrows that are not finite: the points where f or its numerical
    /// gradient is not finite.
    public var nonFiniteIndices: [Int] {
        xs.indices.filter { !isFinite(at: $0) }
    }
}
