import CKernels

/// eˣ for x ≤ 0, written so that a loop over an array vectorises: no table, no branch, no call.
/// Sigmoid and softmax only ever exponentiate non-positive numbers (``Logistic`` takes e^(−|x|),
/// softmax e^(x − max)), so that is the whole domain they need.
///
/// The one copy of each polynomial is C's (`CKernels.h`, `descent_exponential_of_non_positive`),
/// which the matrix kernels inline, so that the element functions here and the kernels give the same
/// bits. The classic range reduction (Cody & Waite; Muller, *Elementary Functions*, ch. 11):
/// ```
/// k = round(x / ln 2)      r = (x − k·ln2_hi) − k·ln2_lo      |r| ≤ ln 2 / 2
/// eˣ = 2ᵏ · p(r)           p = the Taylor polynomial of e^r, evaluated by Horner's rule
/// ```
/// k is rounded by adding 1.5·2⁵² (Float: 1.5·2²³), which leaves it in the low bits of the sum,
/// and 2ᵏ is built from those bits. ln2_hi has its low bits zero, so k·ln2_hi is exact. The
/// polynomial has degree 13 for Double (truncation error r¹⁴/14! < 5e-18) and 7 for Float (< 6e-9),
/// so the result is within 2 ulp of the exact eˣ (the C library's `exp` is within 1): the network's
/// losses move in the 16th digit, far inside the 1e-9 at which they match NumPy's.
///
/// Special values: e⁰ = 1; below ln(smallest normal) (−708.40 for Double, −87.34 for Float) the
/// result is 0 where the exact one is subnormal, less than 2.3e-308 (1.2e-38) from it; −∞ gives 0,
/// NaN gives NaN. Positive x is outside the domain (2ᵏ would overflow its exponent bits).
@usableFromInline
enum Exponential {
    /// eˣ for x ≤ 0 in Double.
    @inlinable @inline(__always)
    static func ofNonPositive(_ x: Double) -> Double { descent_exponential_of_non_positive(x) }

    /// eˣ for x ≤ 0 in Float.
    @inlinable @inline(__always)
    static func ofNonPositive(_ x: Float) -> Float { descent_exponential_of_non_positive_float(x) }
}
