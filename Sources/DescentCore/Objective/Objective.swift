/// A function f: Rⁿ → R to be minimised, with its analytic gradient when one is known.
///
/// Objectives come from an expression (``init(expression:)``), a ``Preset``, or any Swift closure.
/// Calling one never mutates the point, so the numerical gradient may perturb a point in place and
/// evaluate it, exactly as the book's code does.
public struct Objective: Sendable {
    /// How the function reads to a person: the expression text, or a name.
    public let description: String
    /// The number of coordinates a point must have.
    public let dimension: Int
    /// Why there is no analytic gradient, when there is none for a reason worth telling: e.g. that
    /// the derivative is too large to compile. Default: nil.
    public let missingGradientReason: String?
    /// How the function is best drawn, when that is known (a preset's domain and minima); `nil`
    /// leaves the view to the data. Default: nil.
    public var landscape: Landscape?
    private let evaluate: @Sendable ([Double]) -> Double
    private let evaluateGradient: (@Sendable ([Double], inout [Double]) -> Void)?

    /// An objective from closures.
    ///
    /// - Parameters:
    ///   - description: how the function reads to a person, as `x0^2 + x1^2`; figures and JSON
    ///     show it.
    ///   - dimension: the number of coordinates of a point, at least 1.
    ///   - value: f(x); called with points of exactly `dimension` coordinates.
    ///   - gradient: writes ∇f(x) into its second argument (of `dimension` elements), or `nil` when
    ///     no analytic gradient is known.
    ///   - missingGradientReason: when `gradient` is `nil`, why (for error messages).
    public init(
        description: String, dimension: Int, value: @escaping @Sendable ([Double]) -> Double,
        gradient: (@Sendable ([Double], inout [Double]) -> Void)? = nil, missingGradientReason: String? = nil
    ) {
        precondition(dimension > 0, "an objective needs at least one variable")
        self.description = description
        self.dimension = dimension
        self.evaluate = value
        self.evaluateGradient = gradient
        self.missingGradientReason = gradient == nil ? missingGradientReason : nil
    }

    /// f(x).
    @inline(__always)
    public func callAsFunction(_ x: [Double]) -> Double {
        evaluate(x)
    }

    /// Whether ``analyticGradient(at:into:)`` is available.
    public var hasAnalyticGradient: Bool { evaluateGradient != nil }

    /// Writes the analytic gradient ∇f(x) into `gradient`.
    ///
    /// - Precondition: ``hasAnalyticGradient``, and `gradient.count == dimension`.
    public func analyticGradient(at x: [Double], into gradient: inout [Double]) {
        guard let evaluateGradient else {
            preconditionFailure("\(description) has no analytic gradient")
        }
        evaluateGradient(x, &gradient)
    }

    /// The analytic gradient ∇f(x), or `nil` when none is known.
    public func analyticGradient(at x: [Double]) -> [Double]? {
        guard hasAnalyticGradient else { return nil }
        var gradient = [Double](repeating: 0, count: dimension)
        analyticGradient(at: x, into: &gradient)
        return gradient
    }
}

extension Objective {
    /// The objective an expression defines, with its analytic gradient derived symbolically.
    ///
    /// - Throws: ``ExpressionError`` when the text does not parse.
    /// - Complexity: linear in the length of `text` to parse and compile, plus the size of each partial
    ///   derivative (quadratic in the number of factors of a long product, and given up past
    ///   ``ExpressionProgram/maximumDerivativeInstructions``).
    public init(expression text: String) throws(ExpressionError) {
        self.init(expression: try ExpressionParser.parse(text), description: text)
    }

    /// The objective `expression` defines; `description` is how it reads to a person.
    ///
    /// Its analytic gradient is left out, with ``missingGradientReason`` saying so, when a partial
    /// derivative would compile to more than ``ExpressionProgram/maximumDerivativeInstructions``.
    ///
    /// - Complexity: the size of `expression` and of each of its partial derivatives.
    public init(expression: Expression, description: String) {
        let program = ExpressionProgram(expression)
        var partials: [ExpressionProgram] = []
        for variable in 0..<program.dimension {
            guard
                let partial = ExpressionProgram(
                    expression.derivative(withRespectTo: variable),
                    maximumInstructions: ExpressionProgram.maximumDerivativeInstructions)
            else {
                self.init(
                    description: description, dimension: program.dimension, value: program.evaluate,
                    missingGradientReason: "its derivative by x\(variable) would take more than "
                        + "\(ExpressionProgram.maximumDerivativeInstructions) operations; use the numerical gradient")
                return
            }
            partials.append(partial)
        }
        let programs = partials
        self.init(
            description: description, dimension: program.dimension, value: program.evaluate,
            gradient: { x, gradient in
                for (index, partial) in programs.enumerated() {
                    gradient[index] = partial.evaluate(x)
                }
            })
    }
}
