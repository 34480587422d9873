/// The book's numerical differentiation (chapter 4), operation for operation.
///
/// Central differences with a fixed step:
/// ```
/// f'(x) ≈ (f(x + h) − f(x − h)) / (2h),    h = 1e-4
/// ```
/// The partial derivatives perturb one coordinate of the point *in place*, evaluate, and restore
/// it, exactly as `_numerical_gradient_no_batch` does:
/// ```
/// tmp = x[i]; x[i] = tmp + h; f1 = f(x); x[i] = tmp - h; f2 = f(x); g[i] = (f1 - f2) / (2*h); x[i] = tmp
/// ```
/// Every operation is one IEEE double operation (no fused multiply-add, no reassociation), so the
/// results match NumPy's bit for bit. A consequence the book shows without saying: once |x[i]| is so
/// large that `x[i] ± h` rounds back to `x[i]` (|x[i]| ≳ 2⁵³·h ≈ 9e11), both evaluations are equal
/// and the numerical gradient is exactly 0, so a diverging descent freezes there.
public enum NumericalDifferentiation {
    /// The step h = 1e-4 of the book: small enough for a good approximation, large enough that
    /// f(x + h) − f(x − h) does not cancel to rounding noise (1e-50 would give 0 in float32).
    public static let step = 1e-4

    /// The central difference of `f` at `value` with step `h`, the one place Descent computes it:
    /// ```
    /// forward = f(value + h); backward = f(value − h); (forward − backward) / (2h)
    /// ```
    /// `f` receives the perturbed value itself (`value + h`, then `value − h`), so a caller that
    /// perturbs a coordinate in place writes it, evaluates, and restores `value` afterwards, as
    /// the book's code does. Each operation is one IEEE operation in this order (no fused
    /// multiply-add), which keeps every caller bit for bit equal to NumPy.
    ///
    /// Callers and their steps: ``numericalDiff(_:at:)`` and ``numericalGradient(_:at:into:)``
    /// use the book's ``step``; the outcome classifier's probe scales it with |x|; the network's
    /// gradient check uses the book's step in the network's own precision.
    ///
    /// - Complexity: two evaluations of `f`.
    @inlinable
    public static func centralDifference<Scalar: FloatingPoint>(
        at value: Scalar, step h: Scalar, _ f: (Scalar) -> Scalar
    ) -> Scalar {
        let forward = f(value + h)
        let backward = f(value - h)
        return (forward - backward) / (2 * h)
    }
}

/// The derivative of a function of one variable at `x`, by central difference with h = 1e-4:
/// the book's `numerical_diff(f, x)`.
public func numericalDiff(_ f: (Double) -> Double, at x: Double) -> Double {
    NumericalDifferentiation.centralDifference(at: x, step: NumericalDifferentiation.step, f)
}

/// Writes the numerical gradient of `f` at `x` into `gradient`, perturbing `x` in place and
/// restoring it: the book's `_numerical_gradient_no_batch`, without allocating.
///
/// - Precondition: `gradient.count == x.count`.
/// - Complexity: 2·n evaluations of `f` for n coordinates.
public func numericalGradient(
    _ f: ([Double]) -> Double, at x: inout [Double], into gradient: inout [Double]
) {
    precondition(gradient.count == x.count, "gradient has \(gradient.count) elements for \(x.count)")
    for index in x.indices {
        let saved = x[index]
        gradient[index] = NumericalDifferentiation.centralDifference(at: saved, step: NumericalDifferentiation.step) {
            x[index] = $0
            return f(x)
        }
        x[index] = saved
    }
}

/// The numerical gradient of `f` at `x` (vector form).
public func numericalGradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
    var point = x
    var gradient = [Double](repeating: 0, count: x.count)
    numericalGradient(f, at: &point, into: &gradient)
    return gradient
}

/// The numerical gradient at a point given in whole numbers, computed in Double.
///
/// The book's code fails here: `np.zeros_like` of an integer array is an integer array and
/// `x[i] = tmp + h` truncates, so it returns garbage. Converting first gives the true gradient.
public func numericalGradient<Whole: BinaryInteger>(_ f: ([Double]) -> Double, at x: [Whole]) -> [Double] {
    numericalGradient(f, at: x.map { Double($0) })
}

/// The numerical gradient of `f` at each row of a batch (batch form): the book's
/// `numerical_gradient(f, X)` for a 2-D `X`, where `f` takes one row.
public func numericalGradient(_ f: ([Double]) -> Double, atEachOf rows: [[Double]]) -> [[Double]] {
    rows.map { numericalGradient(f, at: $0) }
}

/// The numerical gradient of `f` with respect to every element of a tensor of any rank, in
/// row-major order (any-shape form): the book's `nditer` version in `common/gradient.py`, where
/// `f` reads the tensor as a whole. The result has the tensor's shape.
public func numericalGradient(_ f: (Tensor) -> Double, at x: inout Tensor) -> Tensor {
    let shape = x.shape
    var gradient = [Double](repeating: 0, count: x.scalars.count)
    numericalGradient({ f(Tensor(shape: shape, scalars: $0)) }, at: &x.scalars, into: &gradient)
    return Tensor(shape: shape, scalars: gradient)
}
