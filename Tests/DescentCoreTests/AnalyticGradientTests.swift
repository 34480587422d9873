import DescentCore
import DescentTestSupport
import Foundation
import Testing

/// The analytic gradient derived from an expression agrees with the numerical one.
///
/// Tolerance: the central difference has truncation error h²/6·|f'''| and rounding error about
/// ε·|f|/h (ε = 2.2e-16, h = 1e-4), so on these domains agreement to 1e-5 relative (plus 1e-5
/// absolute for near-zero components, 1e-3 for Rastrigin's cos terms, whose f''' reaches 2480)
/// is what exact derivatives must meet.
@Suite struct AnalyticGradientTests {
    @Test(arguments: Preset.allCases)
    func presetGradientsAgreeWithNumericalOnes(preset: Preset) {
        let objective = preset.objective
        #expect(objective.hasAnalyticGradient)
        let (xRange, yRange) = preset.domain
        let absoluteTolerance = preset == .rastrigin ? 1e-3 : 1e-5
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let x = [Double.random(in: xRange, using: &generator), Double.random(in: yRange, using: &generator)]
            let analytic = objective.analyticGradient(at: x)!
            let numerical = numericalGradient(objective.callAsFunction, at: x)
            for (a, n) in zip(analytic, numerical) {
                #expect(
                    abs(a - n) <= absoluteTolerance + 1e-5 * abs(a), "\(preset) at \(x): \(analytic) vs \(numerical)")
            }
        }
    }

    @Test(arguments: [
        "sin(x) * cos(y)", "tan(x / 4) + exp(y / 3)", "log(x^2 + 1) * sqrt(y^2 + 1)", "abs(x - 0.3) + tanh(y)",
        "sigmoid(x * y)", "x^y", "2^x / (1 + y^2)", "-(x - y)^3 / 7",
    ])
    func everyRuleAgreesWithNumericalDifferentiation(text: String) throws {
        let objective = try Objective(expression: text)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let x = [Double.random(in: 0.5...2, using: &generator), Double.random(in: -2...2, using: &generator)]
            let analytic = objective.analyticGradient(at: x)!
            let numerical = numericalGradient(objective.callAsFunction, at: x)
            for (a, n) in zip(analytic, numerical) {
                #expect(abs(a - n) <= 1e-6 + 1e-6 * abs(a), "\(text) at \(x): \(analytic) vs \(numerical)")
            }
        }
    }

    @Test func derivativesAreSimplified() throws {
        let sphere = try ExpressionParser.parse("x0^2 + x1^2")
        #expect(sphere.derivative(withRespectTo: 0) == .binary(.multiply, .constant(2), .variable(0)))
        #expect(sphere.derivative(withRespectTo: 2) == .constant(0))
    }

    @Test func presetMinimaAreStationary() {
        for preset in Preset.allCases {
            for minimum in preset.minima {
                let gradient = preset.objective.analyticGradient(at: minimum)!
                #expect(gradient.allSatisfy { abs($0) < 1e-4 }, "\(preset) at \(minimum): \(gradient)")
            }
            let (xRange, yRange) = preset.domain
            #expect(xRange.contains(preset.start[0]) && yRange.contains(preset.start[1]), "\(preset) start")
        }
    }
}
