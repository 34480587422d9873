/// A parsed arithmetic expression over the variables x0…x9.
///
/// The tree keeps the exact order of operations the text asked for, so that compiling it gives a
/// program that computes, operation for operation, what NumPy computes for the same formula
/// (`x0^2 + x1^2` is `x[0]**2 + x[1]**2`). Nothing is reassociated or folded.
public indirect enum Expression: Equatable, Sendable {
    /// A number, as written (parsed to the nearest Double, as Python's `float`).
    case constant(Double)
    /// The variable `x<index>`, 0-based.
    case variable(Int)
    /// Unary minus: −operand (exact: it flips the sign bit, so −0 and NaN's sign follow).
    case negate(Expression)
    /// `left op right`, one IEEE operation rounded once (`^` is C's `pow`).
    case binary(BinaryOperator, Expression, Expression)
    /// A function of one argument, as `sin(x0)`.
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
    /// `+`: IEEE addition.
    case add = "+"
    /// `-`: IEEE subtraction.
    case subtract = "-"
    /// `*`: IEEE multiplication (never fused with an addition).
    case multiply = "*"
    /// `/`: IEEE division; x / 0 is ±∞, 0 / 0 NaN.
    case divide = "/"
    /// `^`: C's `pow`, as Python's `**` on floats: `pow(x, 2)` is not always x·x in the last bit;
    /// a negative base to a non-integer power is NaN.
    case power = "^"
}
