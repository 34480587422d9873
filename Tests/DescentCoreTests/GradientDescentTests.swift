import DescentCore
import Foundation
import Testing

@Suite struct GradientDescentTests {
    let sphere = Preset.sphere.objective

    private func run(
        _ objective: Objective? = nil, from start: [Double] = [-3, 4], lr: Double, steps: Int = 20,
        gradient: GradientMethod = .numerical
    ) throws -> Trajectory {
        try GradientDescent.run(objective ?? sphere, from: start, learningRate: lr, steps: steps, gradient: gradient)
    }

    @Test func historyHoldsXBeforeEachUpdateAndFinalIsAfterTheLast() throws {
        let trajectory = try run(lr: 0.1, steps: 3)
        #expect(trajectory.history.count == 3)
        #expect(Array(trajectory.history[0]) == [-3, 4])
        let afterOne = numericalGradient(sphere.callAsFunction, at: [-3, 4])
        #expect(Array(trajectory.history[1]) == [-3 - 0.1 * afterOne[0], 4 - 0.1 * afterOne[1]])
        #expect(trajectory.values == trajectory.history.map { sphere(Array($0)) })
        #expect(trajectory.values[0] == 25)
        #expect(trajectory.gradientNorms[0] == afterOne[0].magnitude.squared(plus: afterOne[1]))
        #expect(trajectory.points.count == 4)
        #expect(Array(trajectory.points[3]) == trajectory.final)
    }

    @Test func theDefaultRunConverges() throws {
        let trajectory = try run(lr: 0.1)
        #expect(trajectory.outcome.status == .converged)
        #expect(trajectory.final == [-0.03458764513817675, 0.04611686018418694])
    }

    @Test func aLongRunConvergesByGradient() throws {
        let trajectory = try run(lr: 0.1, steps: 100)
        #expect(trajectory.outcome.status == .converged)
        #expect(trajectory.outcome.reason.hasPrefix("the gradient norm fell from 10"))
    }

    @Test func learningRate10FreezesBecauseXPlusHRoundsBackToX() throws {
        let trajectory = try run(lr: 10, steps: 100)
        #expect(trajectory.outcome.status == .stalled)
        #expect(trajectory.outcome.reason.contains("x ± h rounds back to x"))
        let frozen = try #require(trajectory.gradientNorms.firstIndex(of: 0))
        #expect(trajectory.outcome.reason.hasPrefix("x stopped moving at step \(frozen) "))
        #expect(Array(trajectory.history[frozen]) == trajectory.final)
        #expect(trajectory.final[0] + 1e-4 == trajectory.final[0])
    }

    @Test func learningRate10WithTheAnalyticGradientDiverges() throws {
        let trajectory = try run(lr: 10, gradient: .analytic)
        #expect(trajectory.outcome.status == .diverged)
        #expect(trajectory.outcome.reason.hasPrefix("each step is 19 times the one before"))
    }

    @Test func aSaddleDivergesAlongItsFallingAxis() throws {
        let trajectory = try run(Preset.saddle.objective, from: Preset.saddle.start, lr: 0.1, steps: 60)
        #expect(trajectory.outcome.status == .diverged)
    }

    /// Steps that grow while f falls are a descent gathering speed, not a divergence: Himmelblau's
    /// from its flat centre with a small rate.
    @Test func growingStepsDownhillNearTheStartAreStillRunning() throws {
        let trajectory = try run(Preset.himmelblau.objective, from: [0, 0], lr: 1e-4, steps: 50)
        #expect(trajectory.finalValue < trajectory.values[0])
        #expect(trajectory.outcome.status == .running)
    }

    /// With momentum, x keeps moving after the numerical gradient has frozen at 0 (x ± h rounds
    /// back to x): the steps shrink, but towards no minimum.
    @Test func momentumCoastingOnAFrozenGradientIsStalled() throws {
        let trajectory = try GradientDescent.run(
            Preset.sphere.objective, from: [-3, 4], steps: 30,
            optimizer: try OptimizerKind.momentum.make(learningRate: 10, hyperparameters: [.momentum: 0.5]))
        #expect(trajectory.outcome.status == .stalled)
        #expect(trajectory.outcome.reason.hasSuffix("only the optimiser's momentum moves x"))
    }

    @Test func learningRate1e8Crawls() throws {
        let trajectory = try run(lr: 1e-8)
        #expect(trajectory.outcome.status == .stalled)
        #expect(trajectory.outcome.reason.hasPrefix("x crawls"))
    }

    @Test func learningRate1OscillatesBetweenTwoPoints() throws {
        let trajectory = try run(lr: 1)
        #expect(trajectory.outcome.status == .oscillating)
        #expect(Array(trajectory.history[1]).map { $0.rounded() } == [3, -4])
    }

    @Test func thePathLengthAddsEveryStepUpToTheFinalPoint() throws {
        #expect(abs(try run(lr: 1).pathLength - 200) < 1e-6, "20 jumps of length 10")
        #expect(abs(try run(lr: 1e-8).pathLength - 2e-6) < 1e-12)
        #expect(try run(lr: 0.1, steps: 0).pathLength == 0)
    }

    @Test func aShrinkingZigZagConverges() throws {
        #expect(try run(lr: 0.9, steps: 40).outcome.status == .converged)
    }

    @Test func tooFewStepsAreStillRunning() throws {
        #expect(try run(lr: 0.1, steps: 3).outcome.status == .running)
        #expect(try run(lr: 0.1, steps: 0).outcome.status == .running)
        #expect(try run(lr: 1e-3, steps: 50).outcome.status == .running)
    }

    @Test func aNonFiniteValueStopsTheRunCleanly() throws {
        let logarithm = try Objective(expression: "log(x)")
        let trajectory = try run(logarithm, from: [0.5], lr: 1, steps: 10)
        #expect(trajectory.outcome.status == .overflow)
        #expect(trajectory.earlyStop?.step == 1 && trajectory.earlyStop?.cause == .value)
        #expect(trajectory.history.count == 1)
        #expect(trajectory.final[0] < 0)
        #expect(trajectory.outcome.reason == "f(x) is not finite at step 1")
    }

    @Test func anOverflowingPointStopsTheRun() throws {
        let line = try Objective(expression: "x")
        let trajectory = try run(line, from: [0], lr: 1e308, steps: 5, gradient: .analytic)
        #expect(trajectory.outcome.status == .overflow)
        #expect(trajectory.earlyStop?.step == 2 && trajectory.earlyStop?.cause == .point)
        #expect(trajectory.final == [-.infinity])
        #expect(trajectory.outcome.reason == "x is no longer finite at step 2")
    }

    @Test func badParametersAreRefusedBeforeAnyStep() throws {
        let noAnalytic = Objective(description: "closure", dimension: 1, value: { $0[0] * $0[0] })
        let cases: [(() throws -> Trajectory, String)] = [
            ({ try run(from: [1], lr: 0.1) }, "the start point has 1 coordinate but x0^2 + x1^2 is a function of 2"),
            ({ try run(lr: 0.1, steps: -5) }, "steps must be between 0 and 1000000, got -5"),
            ({ try run(lr: 0.1, steps: 1_000_001) }, "steps must be between 0 and 1000000, got 1000001"),
            ({ try run(from: [.nan, 1], lr: 0.1) }, "the start point must be finite"),
            ({ try run(noAnalytic, from: [1], lr: 0.1, gradient: .analytic) }, "closure has no analytic gradient"),
        ]
        for (attempt, message) in cases {
            let error = #expect(throws: DescentError.self) { try attempt() }
            #expect(error?.description == message)
        }
    }

    @Test func closureObjectivesAreJudgedWithAScaledProbeGradient() throws {
        let closure = Objective(description: "closure sphere", dimension: 2, value: { $0[0] * $0[0] + $0[1] * $0[1] })
        let trajectory = try run(closure, lr: 10, steps: 100)
        #expect(trajectory.outcome.status == .stalled)
    }
}

extension Double {
    /// √(self² + other²), for expected gradient norms.
    fileprivate func squared(plus other: Double) -> Double {
        (self * self + other * other).squareRoot()
    }
}
