import Foundation

/// An ``Expression`` compiled to a flat postfix program for a small stack machine.
///
/// Evaluation walks the instruction array once, keeping intermediate values on a stack allocated
/// on the call stack (its depth is known at compile time): no heap allocation, no dictionary
/// look-up, no recursion. Every instruction performs exactly the IEEE operation the expression
/// names, in the order it names them, so results are bit-identical to NumPy's for the same formula.
///
/// `u^v` is always C's `pow(u, v)`, even for v = 2: glibc's `pow` is accurate to about 0.52 ulp,
/// not correctly rounded, and NumPy's `x[0]**2` on a float64 scalar (the book's `function_2`)
/// calls `pow`, so `u * u` would differ from the book in the last bit at some x
/// (0.01073998969781852, for one). The exponent reaches `pow` as a run-time value, so the
/// optimiser cannot rewrite it to a multiplication as it does for a literal `pow(x, 2)`.
///
/// - Complexity: O(number of instructions) per evaluation, O(depth) stack space.
public struct ExpressionProgram: Sendable {
    enum Instruction: Sendable {
        /// Push a constant.
        case constant(Double)
        /// Push x[index].
        case variable(Int)
        /// Replace the top with its negation.
        case negate
        /// Replace the top with the function of it.
        case function(MathFunction)
        /// Pop b, pop a, push `a op b`.
        case binary(BinaryOperator)
        /// Replace the top a with `a op c`: a binary operation whose right operand is a constant,
        /// fused so that `x^2` or `y / 20` costs one dispatch instead of two.
        case binaryWithConstant(BinaryOperator, Double)
        /// Replace the top a with `a op x[index]`.
        case binaryWithVariable(BinaryOperator, Int)
    }

    let instructions: [Instruction]
    /// The deepest the evaluation stack gets.
    let stackDepth: Int
    /// How many variables a point must have: see ``Expression/dimension``.
    public let dimension: Int

    /// The most instructions ``init(_:maximumInstructions:)`` lets a derivative have by default.
    /// An expression within the parser's limits compiles to at most about 2,000; its derivative can
    /// be far larger, because the product rule copies each factor (`x*x*…*x` with n factors has a
    /// derivative of about n²/2 operations). A program this long still evaluates in well under a
    /// millisecond; a longer one would make the analytic gradient slower than the numerical.
    public static let maximumDerivativeInstructions = 100_000

    /// Compiles `expression`.
    ///
    /// - Complexity: O(size of `expression`).
    public init(_ expression: Expression) {
        self.init(expression, maximumInstructions: .max)!
    }

    /// Compiles `expression`, or returns `nil` as soon as the program would hold more than
    /// `maximumInstructions` instructions (the tree is expanded as it is compiled: a shared
    /// subexpression is compiled once for each place that uses it).
    ///
    /// - Complexity: O(min(size of the expanded tree, `maximumInstructions`)).
    public init?(_ expression: Expression, maximumInstructions: Int) {
        var instructions: [Instruction] = []
        var depth = 0
        var maximumDepth = 0
        func emit(_ instruction: Instruction, stackChange: Int) {
            instructions.append(instruction)
            depth += stackChange
            maximumDepth = max(maximumDepth, depth)
        }
        func compile(_ node: Expression) {
            guard instructions.count <= maximumInstructions else { return }
            switch node {
            case .constant(let value):
                emit(.constant(value), stackChange: 1)
            case .variable(let index):
                emit(.variable(index), stackChange: 1)
            case .negate(let operand):
                compile(operand)
                emit(.negate, stackChange: 0)
            case .call(let function, let operand):
                compile(operand)
                emit(.function(function), stackChange: 0)
            case .binary(let symbol, let left, .constant(let value)):
                compile(left)
                emit(.binaryWithConstant(symbol, value), stackChange: 0)
            case .binary(let symbol, let left, .variable(let index)):
                compile(left)
                emit(.binaryWithVariable(symbol, index), stackChange: 0)
            case .binary(let symbol, let left, let right):
                compile(left)
                compile(right)
                emit(.binary(symbol), stackChange: -1)
            }
        }
        compile(expression)
        guard instructions.count <= maximumInstructions else { return nil }
        self.instructions = instructions
        self.stackDepth = max(maximumDepth, 1)
        self.dimension = expression.dimension
    }

    /// The value of the expression at `x`.
    ///
    /// - Precondition: `x.count >= dimension`.
    /// - Complexity: O(number of instructions); no allocation.
    public func evaluate(_ x: [Double]) -> Double {
        precondition(x.count >= dimension, "a point of \(x.count) coordinates for a function of \(dimension)")
        return x.withUnsafeBufferPointer { point in
            instructions.withUnsafeBufferPointer { program in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: stackDepth) { stack in
                    Self.run(program, at: point, stack: stack.baseAddress!)
                }
            }
        }
    }

    @inline(__always)
    private static func run(
        _ program: UnsafeBufferPointer<Instruction>, at x: UnsafeBufferPointer<Double>,
        stack: UnsafeMutablePointer<Double>
    ) -> Double {
        var top = -1
        for instruction in program {
            switch instruction {
            case .constant(let value):
                top += 1
                stack[top] = value
            case .variable(let index):
                top += 1
                stack[top] = x[index]
            case .negate:
                stack[top] = -stack[top]
            case .function(let function):
                stack[top] = function(stack[top])
            case .binary(let symbol):
                top -= 1
                stack[top] = apply(symbol, stack[top], stack[top + 1])
            case .binaryWithConstant(let symbol, let value):
                stack[top] = apply(symbol, stack[top], value)
            case .binaryWithVariable(let symbol, let index):
                stack[top] = apply(symbol, stack[top], x[index])
            }
        }
        return stack[0]
    }

    /// `a op b`, one IEEE operation; `^` is C's `pow` (see the type's documentation).
    @inline(__always)
    private static func apply(_ symbol: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch symbol {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: pow(a, b)
        }
    }
}
