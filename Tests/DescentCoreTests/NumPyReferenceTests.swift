import DescentCore
import Foundation
import Testing

/// Further NumPy values (Fixtures/numpy_reference.json), reproduced bit for bit.
@Suite struct NumPyReferenceTests {
    let reference: [String: Any]

    init() throws {
        reference = try ReferenceFixtures.load("numpy_reference")
    }

    @Test func numericalDiffMatchesNumPy() throws {
        let cases = try #require(reference["numerical_diff"] as? [[String: Any]])
        #expect(cases.count == 7)
        for entry in cases {
            let objective = try Objective(expression: try #require(entry["function"] as? String))
            let x = try ReferenceFixtures.double(hex: entry["x"])
            let expected = try ReferenceFixtures.double(hex: entry["value"])
            #expect(numericalDiff({ objective([$0]) }, at: x).bitPattern == expected.bitPattern, "at \(x)")
        }
    }

    @Test func numericalGradientMatchesNumPyOnEveryPolynomialPreset() throws {
        let cases = try #require(reference["numerical_gradient"] as? [[String: Any]])
        #expect(cases.count == 80)
        for entry in cases {
            let text = try #require(entry["function"] as? String)
            let objective = try Objective(expression: text)
            let x = try ReferenceFixtures.doubles(hex: entry["x"])
            let expected = try ReferenceFixtures.doubles(hex: entry["gradient"])
            #expect(bits(numericalGradient(objective.callAsFunction, at: x)) == bits(expected), "\(text) at \(x)")
        }
    }

    @Test func batchGradientMatchesTheBooksGrid() throws {
        let batch = try #require(reference["batch_gradient"] as? [String: Any])
        let rows = try ReferenceFixtures.rows(hex: batch["rows"])
        let expected = try ReferenceFixtures.rows(hex: batch["gradient"])
        let sphere = try Objective(expression: "x0^2 + x1^2")
        #expect(rows.count == 81)
        #expect(numericalGradient(sphere.callAsFunction, atEachOf: rows).map(bits) == expected.map(bits))
    }

    @Test func tensorGradientMatchesNDIter() throws {
        let entry = try #require(reference["tensor_gradient"] as? [String: Any])
        let offset = try ReferenceFixtures.doubles(hex: entry["offset"])
        let shape = try #require(entry["shape"] as? [Int])
        var w = Tensor(shape: shape, scalars: try ReferenceFixtures.doubles(hex: entry["w"]))
        let original = w
        let gradient = numericalGradient(
            { tensor in
                var sum = 0.0
                for (value, shift) in zip(tensor.scalars, offset) {
                    sum += (value - shift) * (value - shift)
                }
                return sum
            }, at: &w)
        #expect(gradient.shape == [2, 3])
        let expected = try ReferenceFixtures.doubles(hex: entry["gradient"])
        #expect(bits(gradient.scalars) == bits(expected))
        #expect(w == original, "the tensor is restored after each perturbation")
        #expect(w[1, 2] == w.scalars[5], "row-major: the last axis varies fastest")
    }

    @Test func gradientDescentHistoriesMatchNumPy() throws {
        let runs = try #require(reference["gradient_descent"] as? [[String: Any]])
        #expect(runs.count == 8)
        for run in runs {
            let text = try #require(run["function"] as? String)
            let start = try #require(run["init"] as? [Double])
            let learningRate = try #require(run["lr"] as? Double)
            let steps = try #require(run["steps"] as? Int)
            let trajectory = try GradientDescent.run(
                try Objective(expression: text), from: start, learningRate: learningRate, steps: steps)
            let history = try ReferenceFixtures.rows(hex: run["history"])
            #expect(trajectory.history.map { bits(Array($0)) } == history.map(bits), "\(text), lr \(learningRate)")
            let final = try ReferenceFixtures.doubles(hex: run["final"])
            #expect(bits(trajectory.final) == bits(final))
        }
    }
}
