/// The tangent of a function of one variable at a point, from the numerical derivative: the
/// book's `tangent_line` (`ch04/gradient_1d.py`, Figure 4-7), operation for operation:
/// ```
/// d = numerical_diff(f, x)          # (f(x + h) - f(x - h)) / (2*h), h = 1e-4
/// y = f(x) - d*x
/// return lambda t: d*t + y
/// ```
/// At x = 5 for f(x) = 0.01x² + 0.1x the slope is the book's printed 0.1999999999990898 (the
/// true derivative is 0.2: the central difference of a quadratic is exact, the error is
/// rounding in f(x ± h)); at 10 it is 0.2999999999986347.
public struct TangentLine: Sendable, Equatable {
    /// The point of contact x.
    public let at: Double
    /// `numerical_diff(f, x)`.
    public let slope: Double
    /// `f(x) - slope*x`: where the line crosses x = 0.
    public let intercept: Double

    /// The tangent of `f` at `x`.
    public init(_ f: (Double) -> Double, at x: Double) {
        at = x
        slope = numericalDiff(f, at: x)
        intercept = f(x) - slope * x
    }

    /// The line's value at `t`: `slope*t + intercept`.
    public func callAsFunction(_ t: Double) -> Double {
        slope * t + intercept
    }

    /// Whether slope and intercept are both finite, so that there is a line to draw.
    public var isFinite: Bool { slope.isFinite && intercept.isFinite }
}
