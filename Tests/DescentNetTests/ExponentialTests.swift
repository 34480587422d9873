import Foundation
import Testing

@testable import DescentNet

/// DescentNet's vectorisable eˣ (``Exponential``) against the C library's, over its whole domain
/// x ≤ 0, and at its special values.
@Suite struct ExponentialTests {
    /// |a − b| in units of the last place of b.
    func ulps<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T { abs(a - b) / b.ulp }

    @Test func doublesAreWithinTwoUlpOfTheCLibrary() {
        var random = NumPyRandom(seed: 11)
        var worst = 0.0
        for _ in 0..<200_000 {
            let x = -708.3 * random.nextDouble() * random.nextDouble()
            worst = max(worst, ulps(Exponential.ofNonPositive(x), Foundation.exp(x)))
        }
        for x in [-0.0, -1e-300, -1e-17, -0.34657359027997264, -0.5, -1, -745.0 / 2, -708.39] {
            worst = max(worst, ulps(Exponential.ofNonPositive(x), Foundation.exp(x)))
        }
        #expect(worst <= 2, "worst \(worst) ulp")
    }

    @Test func floatsAreWithinTwoUlpOfTheCLibrary() {
        var random = NumPyRandom(seed: 12)
        var worst: Float = 0
        for _ in 0..<200_000 {
            let x = Float(-87.3 * random.nextDouble() * random.nextDouble())
            worst = max(worst, ulps(Exponential.ofNonPositive(x), expf(x)))
        }
        #expect(worst <= 2, "worst \(worst) ulp")
    }

    @Test func specialValues() {
        #expect(Exponential.ofNonPositive(0.0) == 1 && Exponential.ofNonPositive(-0.0) == 1)
        #expect(Exponential.ofNonPositive(Float(0)) == 1)
        #expect(Exponential.ofNonPositive(-Double.infinity) == 0 && Exponential.ofNonPositive(-709.0) == 0)
        #expect(Exponential.ofNonPositive(-Float.infinity) == 0 && Exponential.ofNonPositive(Float(-88)) == 0)
        #expect(Exponential.ofNonPositive(Double.nan).isNaN && Exponential.ofNonPositive(Float.nan).isNaN)
        let smallest = Exponential.ofNonPositive(-708.3964185322641)
        #expect(smallest.isNormal && smallest < 2.3e-308)
    }
}
