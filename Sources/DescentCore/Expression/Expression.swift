/// A parsed arithmetic expression over the variables x0…x9.
///
/// The tree keeps the exact order of operations the text asked for, so that compiling it gives a
/// program that computes, operation for operation, what NumPy computes for the same formula
/// (`x0^2 + x1^2` is `x[0]**2 + x[1]**2`). Nothing is reassociated or folded.
public indirect enum Expression: Equatable, Sendable {
    case constant(Double)
    /// The variable `x<index>`, 0-based.
    case variable(Int)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(MathFunction, Expression)

    /// The number of variables a point needs for this expression: one more than the highest
    /// variable index used, and at least 1 (a constant is a function of one variable).
    public var dimension: Int {
        max(1, highestVariableIndex + 1)
    }

    private var highestVariableIndex: Int {
        switch self {
        case .constant: -1
        case .variable(let index): index
        case .negate(let operand), .call(_, let operand): operand.highestVariableIndex
        case .binary(_, let left, let right): max(left.highestVariableIndex, right.highestVariableIndex)
        }
    }
}

/// The binary operators of the expression language, with the usual precedence:
/// `^` binds tightest and is right-associative, then `*` `/`, then `+` `-` (both left-associative).
public enum BinaryOperator: Character, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
}
