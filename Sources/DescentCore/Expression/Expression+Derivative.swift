/// Symbolic differentiation of expressions: the analytic gradient of an objective is derived from
/// the very expression that defines it.
///
/// The rules are the textbook ones, with `u' = ∂u/∂xᵢ`:
/// ```
/// (u ± v)' = u' ± v'          (u·v)' = u'·v + u·v'        (u/v)' = u'/v − u·v'/v²
/// (uᶜ)'    = c·u^(c−1)·u'     (c constant)
/// (uᵛ)'    = uᵛ·(v'·log u + v·u'/u)                       (general exponent)
/// sin' = cos   cos' = −sin   tan' = 1/cos²   exp' = exp   log' = 1/u   sqrt' = 1/(2·sqrt u)
/// abs' = sign  tanh' = 1 − tanh²   sigmoid' = sigmoid·(1 − sigmoid)   sign' = 0
/// ```
/// The result is simplified as it is built (0 and 1 absorbed, constant operations folded), so the
/// derivative of `x0^2 + x1^2` by `x0` is `2*x0`, not `2*x0^1*1 + 0`, and that of `x^2 / 20` by x is
/// `x / 10` (see ``quotient(_:_:)``).
extension Expression {
    /// The partial derivative ∂self/∂x`variable`.
    ///
    /// - Complexity: linear in the size of the result, which the product rule makes up to quadratic in
    ///   the size of `self` (`x*x*…*x` with n factors gives about n²/2 operations).
    public func derivative(withRespectTo variable: Int) -> Expression {
        switch self {
        case .constant:
            return .constant(0)
        case .variable(let index):
            return .constant(index == variable ? 1 : 0)
        case .negate(let operand):
            return .negated(operand.derivative(withRespectTo: variable))
        case .binary(let symbol, let u, let v):
            let du = u.derivative(withRespectTo: variable)
            let dv = v.derivative(withRespectTo: variable)
            switch symbol {
            case .add:
                return .sum(du, dv)
            case .subtract:
                return .difference(du, dv)
            case .multiply:
                return .sum(.product(du, v), .product(u, dv))
            case .divide:
                return .difference(.quotient(du, v), .quotient(.product(u, dv), .power(v, .constant(2))))
            case .power:
                if case .constant(let c) = v {
                    return .product(.product(.constant(c), .power(u, .constant(c - 1))), du)
                }
                let logarithmicTerm = Expression.product(dv, .call(.log, u))
                let baseTerm = Expression.quotient(.product(v, du), u)
                return .product(self, .sum(logarithmicTerm, baseTerm))
            }
        case .call(let function, let u):
            let du = u.derivative(withRespectTo: variable)
            return .product(function.derivative(at: u), du)
        }
    }

    /// `u + v`, simplified.
    static func sum(_ u: Expression, _ v: Expression) -> Expression {
        switch (u, v) {
        case (.constant(let a), .constant(let b)): .constant(a + b)
        case (.constant(0), _): v
        case (_, .constant(0)): u
        default: .binary(.add, u, v)
        }
    }

    /// `u - v`, simplified.
    static func difference(_ u: Expression, _ v: Expression) -> Expression {
        switch (u, v) {
        case (.constant(let a), .constant(let b)): .constant(a - b)
        case (_, .constant(0)): u
        case (.constant(0), _): negated(v)
        default: .binary(.subtract, u, v)
        }
    }

    /// `u * v`, simplified.
    static func product(_ u: Expression, _ v: Expression) -> Expression {
        switch (u, v) {
        case (.constant(let a), .constant(let b)): .constant(a * b)
        case (.constant(0), _), (_, .constant(0)): .constant(0)
        case (.constant(1), _): v
        case (_, .constant(1)): u
        default: .binary(.multiply, u, v)
        }
    }

    /// `u / v`, simplified.
    ///
    /// `(c·w) / d` with constants c and d becomes `w / (d/c)` when c is ±2ᵏ with k ≥ 0 and d/c is a
    /// normal number: then c·w and d/c are exact (c·w unless it overflows), so both forms round the
    /// same real number once and give the same bits, and the second cannot overflow where the
    /// first would. This is what makes the derivative of `x^2 / 20` the book's `x / 10.0`
    /// (`optimizer_compare_naive.py`'s `df`) rather than `2*x / 20`: equal for |x| < 8.9e307, and
    /// beyond that `2*x` is infinite while `x / 10` is not.
    static func quotient(_ u: Expression, _ v: Expression) -> Expression {
        switch (u, v) {
        case (.constant(0), _): .constant(0)
        case (_, .constant(1)): u
        case (.binary(.multiply, .constant(let c), let w), .constant(let d))
        where c.isNormal && c.significandBitPattern == 0 && c.exponent >= 0 && (d / c).isNormal:
            quotient(w, .constant(d / c))
        default: .binary(.divide, u, v)
        }
    }

    /// `u ^ v`, simplified.
    static func power(_ u: Expression, _ v: Expression) -> Expression {
        switch v {
        case .constant(0): .constant(1)
        case .constant(1): u
        default: .binary(.power, u, v)
        }
    }

    /// `-u`, simplified.
    static func negated(_ u: Expression) -> Expression {
        switch u {
        case .constant(let a): .constant(-a)
        case .negate(let inner): inner
        default: .negate(u)
        }
    }
}

extension MathFunction {
    /// The derivative of the function, as an expression in its argument `u`.
    func derivative(at u: Expression) -> Expression {
        switch self {
        case .sin: .call(.cos, u)
        case .cos: .negated(.call(.sin, u))
        case .tan: .quotient(.constant(1), .power(.call(.cos, u), .constant(2)))
        case .exp: .call(.exp, u)
        case .log: .quotient(.constant(1), u)
        case .sqrt: .quotient(.constant(1), .product(.constant(2), .call(.sqrt, u)))
        case .abs: .call(.sign, u)
        case .tanh: .difference(.constant(1), .power(.call(.tanh, u), .constant(2)))
        case .sigmoid: .product(.call(.sigmoid, u), .difference(.constant(1), .call(.sigmoid, u)))
        case .sign: .constant(0)
        }
    }
}
