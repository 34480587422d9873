/// eˣ for x ≤ 0, written so that a loop over an array vectorises: no table, no branch, no call.
/// Sigmoid and softmax only ever exponentiate non-positive numbers (``Logistic`` takes e^(−|x|),
/// softmax e^(x − max)), so that is the whole domain they need.
///
/// The classic range reduction (Cody & Waite; Muller, *Elementary Functions*, ch. 11):
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
    static func ofNonPositive(_ x: Double) -> Double {
        let smallestNormalLogarithm = -708.3964185322641
        let shifter = 0x1.8p52
        let clamped = Swift.max(x, smallestNormalLogarithm)
        let shifted = clamped * 1.4426950408889634 + shifter
        let k = shifted - shifter
        let r = (clamped - k * 0x1.62e42fee00000p-1) - k * 0x1.a39ef35793c76p-33
        var p = 1.0 / 6_227_020_800
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40320
        p = p * r + 1.0 / 5040
        p = p * r + 1.0 / 720
        p = lowTerms(p, r)
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) &<< 52)
        return x < smallestNormalLogarithm ? 0 : p * scale
    }

    /// eˣ for x ≤ 0 in Float.
    @inlinable @inline(__always)
    static func ofNonPositive(_ x: Float) -> Float {
        let smallestNormalLogarithm: Float = -87.33654
        let shifter: Float = 0x1.8p23
        let clamped = Swift.max(x, smallestNormalLogarithm)
        let shifted = clamped * 1.442695 + shifter
        let k = shifted - shifter
        let r = (clamped - k * 0x1.62e4p-1) - k * 0x1.7f7d1cp-20
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = lowTerms(p, r)
        let scale = Float(bitPattern: (shifted.bitPattern &+ 127) &<< 23)
        return x < smallestNormalLogarithm ? 0 : p * scale
    }

    /// Horner's rule from `p` (the sum so far of the terms above r⁵/5!) down to the constant term:
    /// ((((p·r + 1/5!)·r + 1/4!)·r + 1/3!)·r + 1/2)·r + 1)·r + 1.
    @inlinable @inline(__always)
    static func lowTerms<Scalar: BinaryFloatingPoint>(_ p: Scalar, _ r: Scalar) -> Scalar {
        var p = p * r + 1 / 120
        p = p * r + 1 / 24
        p = p * r + 1 / 6
        p = p * r + 0.5
        p = p * r + 1
        return p * r + 1
    }
}
