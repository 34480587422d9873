import DescentCore
import Testing

/// The one central difference every numerical derivative goes through.
@Suite struct CentralDifferenceTests {
    /// f receives value + h first, then value − h, and the result is the book's expression with
    /// those two values, bit for bit, in Double and in Float.
    @Test func itEvaluatesForwardThenBackwardInTheBooksOrder() {
        var seen: [Double] = []
        let f = { (x: Double) in 0.01 * x * x + 0.1 * x }
        let derivative = NumericalDifferentiation.centralDifference(at: 5, step: 1e-4) { x in
            seen.append(x)
            return f(x)
        }
        #expect(seen == [5 + 1e-4, 5 - 1e-4])
        #expect(derivative.bitPattern == ((f(5 + 1e-4) - f(5 - 1e-4)) / (2 * 1e-4)).bitPattern)
        let g = { (x: Float) in x * x * x }
        let single = NumericalDifferentiation.centralDifference(at: Float(0.3), step: Float(1e-4), g)
        #expect(single.bitPattern == ((g(0.3 + 1e-4) - g(0.3 - 1e-4)) / (2 * Float(1e-4))).bitPattern)
    }

    /// Where |x| is so large that x ± h rounds back to x, the derivative is exactly 0: the freeze
    /// of the book's lr = 10 run.
    @Test func aStepLostInRoundingGivesZero() {
        #expect(NumericalDifferentiation.centralDifference(at: 2.6e13, step: 1e-4) { $0 * $0 } == 0)
    }
}
