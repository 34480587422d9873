import DescentCore
import Foundation
import Testing

/// Every value of shared/reference/book_values.json, reproduced bit for bit (no tolerance).
@Suite struct BookValuesTests {
    let book: [String: Any]

    init() throws {
        book = try ReferenceFixtures.load("book_values")
    }

    @Test func numericalDiffOfFunction1MatchesTheBook() throws {
        let section = try #require(book["numerical_diff"] as? [String: Any])
        let cases = try #require(section["at"] as? [String: [String: Any]])
        let function1 = try Objective(expression: "0.01*x^2 + 0.1*x")
        #expect(cases.count == 2)
        for (x, expected) in cases {
            let value = numericalDiff({ function1([$0]) }, at: try #require(Double(x)))
            let bookValue = try ReferenceFixtures.double(hex: expected["hex"])
            #expect(value.bitPattern == bookValue.bitPattern, "at \(x)")
        }
    }

    @Test func numericalGradientOfFunction2MatchesTheBook() throws {
        let section = try #require(book["numerical_gradient"] as? [String: Any])
        let cases = try #require(section["at"] as? [[String: Any]])
        let function2 = try Objective(expression: "x0^2 + x1^2")
        #expect(cases.count == 3)
        for entry in cases {
            let x = try #require(entry["x"] as? [Double])
            let expected = try ReferenceFixtures.doubles(hex: entry["gradient_hex"])
            let gradient = numericalGradient(function2.callAsFunction, at: x)
            #expect(bits(gradient) == bits(expected), "at \(x)")
        }
    }

    @Test func gradientDescentFinalPointsMatchTheBook() throws {
        let section = try #require(book["gradient_descent"] as? [String: Any])
        let start = try #require(section["init"] as? [Double])
        let runs = try #require(section["runs"] as? [[String: Any]])
        #expect(runs.count == 4)
        for run in runs {
            let learningRate = try #require(run["lr"] as? Double)
            let steps = try #require(run["step_num"] as? Int)
            let trajectory = try GradientDescent.run(
                Preset.sphere.objective, from: start, learningRate: learningRate, steps: steps)
            let expected = try ReferenceFixtures.doubles(hex: run["final_hex"])
            #expect(bits(trajectory.final) == bits(expected), "lr \(learningRate), \(steps) steps")
            #expect(trajectory.history.count == steps)
        }
    }

    @Test func wholeNumberPointsAreDifferentiatedInDouble() throws {
        let function2 = try Objective(expression: "x0^2 + x1^2")
        let gradient = numericalGradient(function2.callAsFunction, at: [3, 4] as [Int])
        #expect(gradient == numericalGradient(function2.callAsFunction, at: [3.0, 4.0]))
        #expect(abs(gradient[0] - 6) < 1e-9 && abs(gradient[1] - 8) < 1e-9)
    }
}
