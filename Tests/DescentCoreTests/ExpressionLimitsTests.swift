import DescentCore
import Foundation
import Testing

/// The parser's limits keep every recursion over an expression within a thread's stack, and the
/// derivative's budget keeps its compiled program within memory: hostile or careless input is
/// refused with a message, never a crash.
@Suite struct ExpressionLimitsTests {
    private func parseError(_ text: String) -> ExpressionError? {
        do {
            _ = try ExpressionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func deepNestingIsRefusedWithTheLimitNamed() throws {
        let cases = [
            String(repeating: "sin(", count: 10_000) + "x" + String(repeating: ")", count: 10_000),
            String(repeating: "(", count: 60_000),
            String(repeating: "-", count: 1_900) + "x",
            Array(repeating: "x0", count: 900).joined(separator: "^"),
        ]
        for text in cases {
            let error = try #require(parseError(text))
            #expect(
                error.description.contains("nests deeper than 100 levels")
                    || error.description.contains("at most 2000 are allowed"), "\(error)")
        }
        #expect(parseError(String(repeating: "-", count: 1_900) + "x")?.message.contains("nests deeper") == true)
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = ExpressionParser.maximumNesting - 1
        let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(try ExpressionParser.parse(text) == .variable(0))
    }

    @Test func longTextIsRefusedBeforeItIsRead() throws {
        let text = Array(repeating: "x0", count: 40_000).joined(separator: "*")
        let error = try #require(parseError(text))
        #expect(error.description == "the expression is 119999 characters long; at most 2000 are allowed")
    }

    /// The longest chains the limits allow build trees 1,000 deep; parsing, differentiating,
    /// compiling, comparing and releasing them must fit in 1 MiB of stack, half of the smallest
    /// default a thread gets from glibc (2 MiB), even in a debug build.
    @Test func theLongestAcceptedChainsFitASmallStack() async throws {
        let chain = { (operator: String) in Array(repeating: "x", count: 1_000).joined(separator: `operator`) }
        let (sum, product, quotient) = (chain("+"), chain("*"), chain("/"))
        let finished = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let thread = Thread {
                var ok = true
                for text in [sum, product, quotient] {
                    guard let expression = try? ExpressionParser.parse(text) else {
                        ok = false
                        continue
                    }
                    let objective = Objective(expression: expression, description: text)
                    ok = ok && objective(Array(repeating: 1, count: objective.dimension)).isFinite
                    ok = ok && expression == (try? ExpressionParser.parse(text))
                }
                continuation.resume(returning: ok)
            }
            thread.stackSize = 1024 * 1024
            thread.start()
        }
        #expect(finished)
    }

    @Test func aDerivativeTooLargeToCompileLeavesTheNumericalGradient() throws {
        let text = Array(repeating: "x0", count: 666).joined(separator: "*")
        let objective = try Objective(expression: text)
        #expect(!objective.hasAnalyticGradient)
        #expect(
            objective.missingGradientReason
                == "its derivative by x0 would take more than 100000 operations; use the numerical gradient")
        #expect(throws: DescentError.self) {
            try GradientDescent.run(objective, from: [0.5], learningRate: 0.1, steps: 1, gradient: .analytic)
        }
        let numerical = try GradientDescent.run(objective, from: [1], learningRate: 1e-6, steps: 2)
        #expect(numerical.history.count == 2)
    }

    @Test func aDerivativeWithinTheBudgetIsKept() throws {
        let objective = try Objective(expression: Array(repeating: "x0", count: 300).joined(separator: "*"))
        #expect(objective.hasAnalyticGradient)
        #expect(objective.analyticGradient(at: [1]) == [300])
    }
}
