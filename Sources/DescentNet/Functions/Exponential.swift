import CKernels

/// eˣ for x ≤ 0, written so that a loop over an array vectorises: no table, no branch, no call.
/// Sigmoid and softmax only ever exponentiate non-positive numbers (``Logistic`` takes e^(−|x|),
/// softmax e^(x − max)), so that is the whole domain they need.
///
/// The one copy of each polynomial is C's (`CKernels.h`, `descent_exponential_of_non_positive`
/// and its Float twin), which the matrix kernels inline, so that the element functions here and
/// the kernels give the same bits. That header describes the method (Cody–Waite reduction, Taylor
/// polynomial of degree 13 in Double and 7 in Float, 2ᵏ from the bits), its accuracy (within
/// 2 ulp) and its special values (0 below the smallest normal and at −∞, NaN for NaN).
@usableFromInline
enum Exponential {
    /// eˣ for x ≤ 0 in Double.
    @inlinable @inline(__always)
    static func ofNonPositive(_ x: Double) -> Double { descent_exponential_of_non_positive(x) }

    /// eˣ for x ≤ 0 in Float.
    @inlinable @inline(__always)
    static func ofNonPositive(_ x: Float) -> Float { descent_exponential_of_non_positive_float(x) }
}
