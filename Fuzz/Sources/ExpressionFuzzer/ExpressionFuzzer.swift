// Harness: the expression language — lexer and parser (`ExpressionParser.parse`), the compiler
// (`ExpressionProgram`), symbolic differentiation (`Expression.derivative`) and the analytic
// gradient an `Objective` builds from them.
//
// Input: the bytes, read as UTF-8 text (invalid sequences become U+FFFD), so the seed corpus is
// plain expressions. Invariants checked beyond "no crash, no sanitizer report":
// - a parse error names a column within the text (1 … characters + 1);
// - the compiled program computes bit for bit what a direct walk of the tree computes, at a few
//   points, for the expression and for each of its partial derivatives (DESIGN.md §4: nothing is
//   reassociated or folded, so the two must agree, NaN with NaN);
// - `Objective(expression:)` has an analytic gradient exactly when every partial derivative
//   compiles within `ExpressionProgram.maximumDerivativeInstructions`, and it is those partials.

import DescentCore
import Foundation
import FuzzSupport

/// Points at which every expression is evaluated: ordinary, zero, negative and huge coordinates.
let probes: [[Double]] = [
    [0.5, -1.5, 2, 3, -4, 0.25, 7, -8, 9, 10],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [-3, 4, -0.0, 1e-300, 1e300, -2, 1, 1, 1, 1],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let expression: DescentCore.Expression
    do {
        expression = try ExpressionParser.parse(text)
    } catch {
        if let column = error.column {
            fuzzCheck(
                (1...(text.count + 1)).contains(column),
                "column \(column) outside 1…\(text.count + 1) for \(error.message)")
        }
        _ = error.description
        return 0
    }
    let dimension = expression.dimension
    fuzzCheck((1...10).contains(dimension), "dimension \(dimension)")
    let program = ExpressionProgram(expression)
    fuzzCheck(program.dimension == dimension, "program dimension \(program.dimension) ≠ \(dimension)")
    for point in probes {
        checkSame(program.evaluate(point), walk(expression, at: point), "f", text)
    }
    var partials: [ExpressionProgram] = []
    for variable in 0..<dimension {
        let derivative = expression.derivative(withRespectTo: variable)
        // As `Objective` does: a derivative past the bound is left to the numerical gradient
        // (and walking its tree, which shares subtrees, could take exponential time).
        guard
            let partial = ExpressionProgram(
                derivative, maximumInstructions: ExpressionProgram.maximumDerivativeInstructions)
        else {
            partials = []
            break
        }
        fuzzCheck(derivative.dimension <= dimension, "∂/∂x\(variable) has a higher dimension")
        partials.append(partial)
        for point in probes {
            checkSame(partial.evaluate(point), walk(derivative, at: point), "∂f/∂x\(variable)", text)
        }
    }
    let objective = Objective(expression: expression, description: text)
    fuzzCheck(objective.dimension == dimension, "objective dimension")
    let point = Array(probes[0].prefix(dimension))
    _ = objective(point)
    fuzzCheck(
        objective.hasAnalyticGradient == (partials.count == dimension), "analytic gradient iff every partial compiles")
    if let gradient = objective.analyticGradient(at: point) {
        for (index, partial) in partials.enumerated() {
            checkSame(gradient[index], partial.evaluate(point), "gradient[\(index)]", text)
        }
    }
    return 0
}

/// Bit-identical, or both NaN (NaN payloads may differ).
func checkSame(_ compiled: Double, _ walked: Double, _ what: String, _ text: String) {
    fuzzCheck(
        compiled.bitPattern == walked.bitPattern || (compiled.isNaN && walked.isNaN),
        "\(what) of \(text.debugDescription): compiled \(compiled) ≠ tree \(walked)")
}

/// The reference semantics: a direct recursive walk of the tree, each node one IEEE operation.
func walk(_ expression: DescentCore.Expression, at x: [Double]) -> Double {
    switch expression {
    case .constant(let value): value
    case .variable(let index): x[index]
    case .negate(let operand): -walk(operand, at: x)
    case .call(let function, let operand): function(walk(operand, at: x))
    case .binary(let symbol, let left, let right):
        apply(symbol, walk(left, at: x), walk(right, at: x))
    }
}

/// One IEEE operation per operator. A second copy of ExpressionProgram's private `apply` on
/// purpose: an oracle shares no code with what it checks.
func apply(_ symbol: BinaryOperator, _ a: Double, _ b: Double) -> Double {
    switch symbol {
    case .add: a + b
    case .subtract: a - b
    case .multiply: a * b
    case .divide: a / b
    case .power: pow(a, b)
    }
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver (see `fuzzerMain`).
@_cdecl("ExpressionFuzzer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
