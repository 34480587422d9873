import Foundation

/// An ``Expression`` compiled to a flat postfix program for a small stack machine.
///
/// Evaluation walks the instruction array once, keeping intermediate values on a stack allocated
/// on the call stack (its depth is known at compile time): no heap allocation, no dictionary
/// look-up, no recursion. Every instruction performs exactly the IEEE operation the expression
/// names, in the order it names them, so results are bit-identical to NumPy's for the same formula.
///
/// - Complexity: O(number of instructions) per evaluation, O(depth) stack space.
public struct ExpressionProgram: Sendable {
    enum Instruction: Sendable {
        case constant(Double)
        case variable(Int)
        case negate
        /// `pow(u, v)` from the C library, for every exponent. `u^2` is deliberately not `u * u`:
        /// glibc's `pow` is accurate to within about 0.52 ulp, not correctly rounded, and NumPy's
        /// `x[0]**2` on a float64 scalar (the book's `function_2`) calls `pow`, so `u * u` would
        /// differ from the book in the last bit for some x (e.g. 0.01073998969781852).
        case add, subtract, multiply, divide, power
        case function(MathFunction)
    }

    let instructions: [Instruction]
    /// The deepest the evaluation stack gets.
    let stackDepth: Int
    /// How many variables a point must have: see ``Expression/dimension``.
    public let dimension: Int

    /// Compiles `expression`.
    public init(_ expression: Expression) {
        var instructions: [Instruction] = []
        var depth = 0
        var maximumDepth = 0
        func emit(_ instruction: Instruction, stackChange: Int) {
            instructions.append(instruction)
            depth += stackChange
            maximumDepth = max(maximumDepth, depth)
        }
        func compile(_ node: Expression) {
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
            case .binary(let symbol, let left, let right):
                compile(left)
                compile(right)
                emit(Self.instruction(for: symbol), stackChange: -1)
            }
        }
        compile(expression)
        self.instructions = instructions
        self.stackDepth = max(maximumDepth, 1)
        self.dimension = expression.dimension
    }

    private static func instruction(for symbol: BinaryOperator) -> Instruction {
        switch symbol {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        }
    }

    /// The value of the expression at `x`.
    ///
    /// - Precondition: `x.count >= dimension`.
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
            case .add:
                top -= 1
                stack[top] = stack[top] + stack[top + 1]
            case .subtract:
                top -= 1
                stack[top] = stack[top] - stack[top + 1]
            case .multiply:
                top -= 1
                stack[top] = stack[top] * stack[top + 1]
            case .divide:
                top -= 1
                stack[top] = stack[top] / stack[top + 1]
            case .power:
                top -= 1
                stack[top] = pow(stack[top], stack[top + 1])
            }
        }
        return stack[0]
    }
}
