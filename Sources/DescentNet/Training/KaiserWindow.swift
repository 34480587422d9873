/// NumPy's `np.kaiser(M, beta)`: I₀(β·√(1 − (2n/(M−1) − 1)²)) / I₀(β).
func kaiserWindow(_ length: Int, beta: Double) -> [Double] {
    (0..<length).map { n in
        let ratio = 2 * Double(n) / Double(length - 1) - 1
        return besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselI0(beta)
    }
}

/// The modified Bessel function of the first kind, order 0: Σ ((x/2)ᵏ / k!)², summed until the
/// terms no longer change the sum.
func besselI0(_ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    var k = 1.0
    while true {
        term *= (x / 2) / k
        let next = sum + term * term
        if next == sum { return sum }
        sum = next
        k += 1
    }
}
