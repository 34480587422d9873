import DescentCore

/// A function of two variables sampled on a rectangular grid: the input of marching squares.
///
/// The grid has `xs.count` × `ys.count` points, x and y each spaced evenly over their range as
/// NumPy's `linspace` spaces them (`lower + i · step`, the last point exactly `upper`), and the
/// value at (xs[i], ys[j]) stored at `values[j * xs.count + i]` (row j is one y, as matplotlib's
/// `Z[j, i]` with `meshgrid`). A sample may be NaN or ±∞ (a function with a pole, an overflow):
/// the cells touching it are left out of every contour, and ``nonFiniteCount`` says how many
/// samples were not finite, so that a command can tell the user what is missing.
///
/// The default resolution, 200 × 200 (``defaultResolution``), puts a sample every 2.5 px across
/// a 640 × 480 figure's 496 × 370 px axes box: each contour is a polyline of segments no longer
/// than a cell's diagonal (about 3 px), which reads as a smooth curve, and sampling costs 40,000
/// evaluations (a few milliseconds for the presets).
public struct ContourGrid: Sendable {
    /// The x of each column, increasing.
    public let xs: [Double]
    /// The y of each row, increasing.
    public let ys: [Double]
    /// f(xs[i], ys[j]) at `values[j * xs.count + i]`.
    public let values: [Double]
    /// How many samples are NaN or infinite.
    public let nonFiniteCount: Int
    /// The smallest and largest finite sample, or `nil` when none is finite.
    public let finiteRange: ClosedRange<Double>?
    /// The smallest sample greater than 0, or `nil` when none is: the floor of log-spaced levels.
    public let smallestPositive: Double?
    /// How many cells (squares of four neighbouring samples) touch a non-finite sample: no
    /// contour crosses them and no band fills them.
    public let skippedCellCount: Int
    /// Whether each cell's four samples are finite, `finiteCells[j * (xs.count - 1) + i]` for the
    /// cell whose lower-left sample is (i, j).
    let finiteCells: [Bool]

    /// 200 × 200 samples: see the type's documentation.
    public static let defaultResolution = (x: 200, y: 200)

    /// A grid of given samples.
    ///
    /// - Precondition: at least 2 xs and 2 ys, each strictly increasing and finite, and
    ///   `values.count == xs.count * ys.count`.
    /// - Complexity: O(number of samples).
    public init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(xs.count >= 2 && ys.count >= 2, "a contour grid needs at least 2 × 2 samples")
        precondition(values.count == xs.count * ys.count, "\(values.count) values for \(xs.count) × \(ys.count) points")
        precondition(
            zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 } && zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 }
                && xs.allSatisfy(\.isFinite) && ys.allSatisfy(\.isFinite),
            "grid coordinates must be finite and increasing")
        self.xs = xs
        self.ys = ys
        self.values = values
        var nonFinite = 0
        var low = Double.infinity
        var high = -Double.infinity
        var positive = Double.infinity
        for value in values {
            guard value.isFinite else {
                nonFinite += 1
                continue
            }
            low = min(low, value)
            high = max(high, value)
            if value > 0 { positive = min(positive, value) }
        }
        nonFiniteCount = nonFinite
        finiteRange = low <= high ? low...high : nil
        smallestPositive = positive.isFinite ? positive : nil
        let (nx, ny) = (xs.count, ys.count)
        var finite = [Bool](repeating: true, count: (nx - 1) * (ny - 1))
        if nonFinite > 0 {
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    finite[j * (nx - 1) + i] =
                        values[j * nx + i].isFinite && values[j * nx + i + 1].isFinite
                        && values[(j + 1) * nx + i + 1].isFinite && values[(j + 1) * nx + i].isFinite
                }
            }
        }
        finiteCells = finite
        skippedCellCount = finite.count(where: { !$0 })
    }

    /// Samples `function` at every grid point, passing the point as `[x, y]` in one buffer that
    /// is reused for every sample (the closure must not keep it).
    ///
    /// - Parameters:
    ///   - x: the range of x to cover, ends included, of positive, finite width.
    ///   - y: the range of y to cover, ends included, of positive, finite width.
    ///   - resolution: samples along x and along y, each at least 2. Default: 200 × 200.
    ///   - function: f at the point `[x, y]`; a non-finite value leaves the cells around it blank.
    /// - Complexity: `resolution.x · resolution.y` calls of `function`, and no other allocation
    ///   than the grid's own arrays.
    public init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: (x: Int, y: Int) = defaultResolution,
        function: ([Double]) -> Double
    ) {
        self.init(x: x, y: y, resolution: resolution, dimension: 2, function: function)
    }

    /// Samples `objective` at every grid point: f(x, y) for a function of two variables, f(x) for
    /// one of a single variable (its contours are then vertical lines). The point buffer is
    /// reused for every sample.
    ///
    /// - Precondition: `objective.dimension` is 1 or 2.
    /// - Complexity: `resolution.x · resolution.y` evaluations of `objective`, half of them on a
    ///   second thread.
    public init(
        sampling objective: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>,
        resolution: (x: Int, y: Int) = defaultResolution
    ) {
        precondition((1...2).contains(objective.dimension), "contours need a function of one or two variables")
        self.init(x: x, y: y, resolution: resolution, dimension: objective.dimension, sharedFunction: { objective($0) })
    }

    /// Samples a compiled expression at every grid point (see ``init(sampling:x:y:resolution:)``
    /// for an `Objective`); the program evaluates on its stack, so nothing is allocated per point.
    ///
    /// - Precondition: `program.dimension` is at most 2.
    /// - Complexity: `resolution.x · resolution.y` evaluations of the program, half of them on a
    ///   second thread; no allocation per point.
    public init(
        sampling program: ExpressionProgram, x: ClosedRange<Double>, y: ClosedRange<Double>,
        resolution: (x: Int, y: Int) = defaultResolution
    ) {
        precondition(program.dimension <= 2, "contours need a function of at most two variables")
        self.init(
            x: x, y: y, resolution: resolution, dimension: max(program.dimension, 1),
            sharedFunction: { program.evaluate($0) })
    }

    /// Samples `function` at every grid point.
    private init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: (x: Int, y: Int), dimension: Int,
        function: ([Double]) -> Double
    ) {
        precondition(resolution.x >= 2 && resolution.y >= 2, "a contour grid needs at least 2 × 2 samples")
        let (xs, ys) = (Self.linspace(x, count: resolution.x), Self.linspace(y, count: resolution.y))
        self.init(xs: xs, ys: ys, values: Self.sample(function, xs: xs, rows: ys[...], dimension: dimension))
    }

    /// Samples `function` at every grid point, the two halves of the rows on two threads
    /// (``SharedWork``): the same values as one thread.
    private init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: (x: Int, y: Int), dimension: Int,
        sharedFunction function: @Sendable ([Double]) -> Double
    ) {
        precondition(resolution.x >= 2 && resolution.y >= 2, "a contour grid needs at least 2 × 2 samples")
        let (xs, ys) = (Self.linspace(x, count: resolution.x), Self.linspace(y, count: resolution.y))
        let halves = SharedWork.map([ys[..<(ys.count / 2)], ys[(ys.count / 2)...]]) { rows in
            Self.sample(function, xs: xs, rows: rows, dimension: dimension)
        }
        self.init(xs: xs, ys: ys, values: halves[0] + halves[1])
    }

    /// `function` at (x, y) for every x of `xs` and y of `rows`, row after row, through one point
    /// buffer.
    private static func sample(
        _ function: ([Double]) -> Double, xs: [Double], rows: ArraySlice<Double>, dimension: Int
    ) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(xs.count * rows.count)
        var point = [Double](repeating: 0, count: dimension)
        for yValue in rows {
            if dimension > 1 { point[1] = yValue }
            for xValue in xs {
                point[0] = xValue
                values.append(function(point))
            }
        }
        return values
    }

    /// `count` evenly spaced values from `range.lowerBound` to `range.upperBound`, computed as
    /// NumPy's `linspace` computes them: `lower + i · ((upper − lower) / (count − 1))`, the last
    /// one set to `upper`.
    ///
    /// - Precondition: the range has a positive, finite width and `count >= 2`.
    /// - Complexity: O(`count`).
    public static func linspace(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let width = range.upperBound - range.lowerBound
        precondition(width > 0 && width.isFinite, "a contour range needs a positive, finite width")
        precondition(count >= 2, "a range needs at least 2 samples")
        let step = width / Double(count - 1)
        var values = (0..<count).map { range.lowerBound + Double($0) * step }
        values[count - 1] = range.upperBound
        return values
    }

    /// The value at column `i`, row `j`.
    @inline(__always)
    public subscript(i: Int, j: Int) -> Double { values[j * xs.count + i] }

    /// The data rectangle the grid covers.
    public var bounds: Rect {
        Rect(x: xs[0], y: ys[0], width: xs[xs.count - 1] - xs[0], height: ys[ys.count - 1] - ys[0])
    }
}
