import Foundation

/// The functions an expression may call, each of one argument, evaluated with the C library
/// (glibc on Linux) as NumPy's scalar code does.
public enum MathFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh
    /// The logistic function 1 / (1 + e⁻ˣ), computed without overflow for large |x|.
    case sigmoid
    /// −1, 0 or 1 (NaN for NaN): the derivative of `abs`, also callable.
    case sign

    /// The function applied to `x`.
    @inline(__always)
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .exp: Foundation.exp(x)
        case .log: Foundation.log(x)
        case .sqrt: x.squareRoot()
        case .abs: Swift.abs(x)
        case .tanh: Foundation.tanh(x)
        case .sigmoid: Logistic.value(x, exponential: Foundation.exp)
        case .sign: x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0))
        }
    }

    /// The names accepted in expressions, for error messages and help.
    public static var namesList: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
