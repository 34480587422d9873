/// The logistic function σ(x) = 1 / (1 + e⁻ˣ): the expression language's `sigmoid` and the
/// network's activation (the book's `sigmoid`), in one place for both.
public enum Logistic {
    /// σ(x), computed as
    /// ```
    /// e = exp(−|x|)    σ = (x ≥ 0 ? 1 : e) / (1 + e)
    /// ```
    /// For x ≥ 0 that is the book's `1 / (1 + np.exp(-x))` operation for operation; for x < 0 it is
    /// the equal eˣ / (1 + eˣ), so that `exp` only ever sees a non-positive argument and never
    /// overflows (the book's form warns there and relies on 1/∞ = 0 below x = −709). Without a
    /// branch around `exp`, loops over arrays vectorise.
    ///
    /// Special values: σ(−0) = σ(0) = ½, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
    ///
    /// - Parameter exponential: eˣ for x ≤ 0 (the C library's `exp`, or a vectorisable one).
    @inlinable
    public static func value<Scalar: FloatingPoint>(_ x: Scalar, exponential: (Scalar) -> Scalar) -> Scalar {
        let e = exponential(-abs(x))
        return (x >= 0 ? 1 : e) / (1 + e)
    }
}
