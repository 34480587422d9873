import CKernels
import DescentCore

/// The book's activation and loss functions (`common/functions.py`), element-wise loops the
/// compiler vectorises, fixed where the book is wrong. The element functions are inlinable and
/// the matrix ones specialised for Double and Float, so that other modules get compiled loops
/// rather than generic code.
public enum Activations {
    /// The identity: `identity_function`.
    @inlinable
    public static func identity<Scalar: NetScalar>(_ x: Scalar) -> Scalar { x }

    /// The step function: 1 where x > 0, else 0 (`step_function`).
    @inlinable
    public static func step<Scalar: NetScalar>(_ x: Scalar) -> Scalar { x > 0 ? 1 : 0 }

    /// The logistic function 1 / (1 + e⁻ˣ) (`sigmoid`), as DescentCore's
    /// `Logistic.value(_:exponential:)` computes it, with DescentNet's vectorisable `exp` (within
    /// 2 ulp of the C library's).
    ///
    /// Special values: σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN; σ(0) = 0.5 exactly.
    @inlinable
    public static func sigmoid<Scalar: NetScalar>(_ x: Scalar) -> Scalar {
        Logistic.value(x, exponential: Scalar.exponentialOfNonPositive)
    }

    /// x[r, c] ← σ(x[r, c] + bias[c]) over the whole matrix in one pass: the network's
    /// `a1 = x·W1 + b1; z1 = sigmoid(a1)`, with the same operations in the same order as
    /// ``sigmoid(_:)``, so the same bits. The loop runs in C (`CKernels`), where it may use AVX2 or
    /// AVX-512 (chosen at run time): it is bound by its division, which the baseline x86-64 target
    /// of Swift code runs two doubles wide.
    ///
    /// - Complexity: O(rows · columns); no allocation.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    static func sigmoidOfEachElement<Scalar: NetScalar>(_ x: inout Matrix<Scalar>, addingToEachRow bias: [Scalar]) {
        precondition(bias.count == x.columns, "a vector of \(bias.count) for \(x.columns) columns")
        x.applyRowKernel(bias, double: descent_sigmoid_rows, float: descent_sigmoid_rows_float)
    }

    /// σ'(x) = (1 − σ(x))·σ(x), in the book's order (`sigmoid_grad`).
    @inlinable
    public static func sigmoidGradient<Scalar: NetScalar>(_ x: Scalar) -> Scalar {
        let s = sigmoid(x)
        return (1 - s) * s
    }

    /// max(0, x) (`relu`).
    @inlinable
    public static func relu<Scalar: NetScalar>(_ x: Scalar) -> Scalar { max(0, x) }

    /// 1 where x ≥ 0, else 0. The book's `relu_grad` starts from `np.zeros(x)`, which fails for an
    /// array argument; this is the intended `np.zeros_like(x)` version (grad[x >= 0] = 1).
    @inlinable
    public static func reluGradient<Scalar: NetScalar>(_ x: Scalar) -> Scalar { x >= 0 ? 1 : 0 }

    /// Row-wise softmax, the maximum subtracted first so that exp never overflows:
    /// `exp(x − max) / Σ exp(x − max)`, in place.
    ///
    /// A row holding +∞ or NaN becomes all NaN (∞ − ∞), and so does a row of −∞ only; a −∞ among
    /// finite values gets probability 0.
    ///
    /// - Complexity: O(rows · columns), one `exp` per element; no allocation.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func softmaxRows<Scalar: NetScalar>(_ x: inout Matrix<Scalar>) {
        softmaxRows(&x, addingToEachRow: Array(repeating: 0, count: x.columns))
    }

    /// Row-wise softmax of x + bias (the network's `a2 = z1·W2 + b2; y = softmax(a2)`), in three
    /// passes over the matrix: bias added and row maximum subtracted; every exponential, in one
    /// loop; each row divided by its sum, added left to right. The loops run in C (`CKernels`,
    /// AVX2 or AVX-512 where the CPU has them), with the same bits on every CPU.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    static func softmaxRows<Scalar: NetScalar>(_ x: inout Matrix<Scalar>, addingToEachRow bias: [Scalar]) {
        precondition(bias.count == x.columns, "a vector of \(bias.count) for \(x.columns) columns")
        x.applyRowKernel(bias, double: descent_softmax_rows, float: descent_softmax_rows_float)
    }

    /// ½ Σ (y − t)² (`mean_squared_error`, which despite its name sums).
    ///
    /// - Precondition: `y.count == t.count`.
    /// - Complexity: O(n).
    public static func meanSquaredError<Scalar: NetScalar>(_ y: [Scalar], _ t: [Scalar]) -> Scalar {
        precondition(y.count == t.count, "\(y.count) outputs for \(t.count) targets")
        var sum: Scalar = 0
        for (a, b) in zip(y, t) { sum += (a - b) * (a - b) }
        return sum / 2
    }

    /// The cross entropy −Σ log(y[i, tᵢ] + 1e-7) / batch, for targets given as labels.
    /// The 1e-7 keeps log away from log(0), as the book's `cross_entropy_error`.
    ///
    /// A probability of 0 for the true class adds −log(1e-7) ≈ 16.1 (before the division by the
    /// batch), not ∞; a NaN probability gives NaN.
    ///
    /// - Precondition: one label per row, each in 0..<`y.columns`.
    /// - Complexity: O(rows).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func crossEntropy<Scalar: NetScalar>(_ y: Matrix<Scalar>, labels: [Int]) -> Scalar {
        precondition(labels.count == y.rows, "\(labels.count) labels for \(y.rows) rows")
        var sum: Scalar = 0
        for (row, label) in labels.enumerated() {
            sum += Scalar.logarithm(y[row, label] + Scalar(1e-7))
        }
        return -sum / Scalar(y.rows)
    }

    /// The cross entropy for one-hot targets: the label of each row is its largest entry.
    ///
    /// - Complexity: O(rows · columns).
    public static func crossEntropy<Scalar: NetScalar>(_ y: Matrix<Scalar>, oneHot t: Matrix<Scalar>) -> Scalar {
        crossEntropy(y, labels: t.rowArgmax())
    }

    /// softmax then cross entropy (the book's `softmax_loss`).
    ///
    /// - Complexity: O(rows · columns); copies `x` once.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func softmaxLoss<Scalar: NetScalar>(_ x: Matrix<Scalar>, labels: [Int]) -> Scalar {
        var y = x
        softmaxRows(&y)
        return crossEntropy(y, labels: labels)
    }
}
