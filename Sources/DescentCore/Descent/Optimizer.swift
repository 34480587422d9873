import Foundation

/// An update rule: given x and the gradient there, moves x.
///
/// The six rules are those of the book's `common/optimizer.py` (chapter 6), each computed operation
/// for operation as NumPy computes it on float64: one IEEE operation per arithmetic symbol, left
/// to right, no fused multiply-add, no reassociation. Each keeps its own state between updates
/// (velocities, squared-gradient sums, moments), which is why `update` is mutating; the state
/// starts at 0 and takes the shape of x at the first update, as the book's `np.zeros_like`.
///
/// The rules apply to each coordinate independently, so a vector x of n coordinates goes exactly
/// where n of the book's scalar parameters (its `params['x']`, `params['y']`) go.
public protocol Optimizer: Sendable {
    /// The name used on the command line and in JSON (`sgd`).
    var name: String { get }
    /// The base learning rate η.
    var learningRate: Double { get }
    /// The settings besides the learning rate, by their command-line names (`momentum`, `decay`,
    /// `beta1`, `beta2`), in that order. Default: none.
    var hyperparameters: [(setting: Hyperparameter, value: Double)] { get }
    /// Moves `x` one step, given the gradient at `x`.
    ///
    /// - Precondition: `gradient.count == x.count`, and `x.count` is the same at every update.
    mutating func update(_ x: inout [Double], gradient: [Double])
}

extension Optimizer {
    /// None: the default for optimisers that take only a learning rate (SGD, AdaGrad).
    public var hyperparameters: [(setting: Hyperparameter, value: Double)] { [] }
}

/// A setting of an optimiser besides its learning rate. Each is a number in [0, 1): a fraction of
/// the previous state kept at each update.
public enum Hyperparameter: String, CaseIterable, Sendable {
    /// The fraction m of the velocity kept (Momentum, Nesterov). Default: 0.9.
    case momentum
    /// The fraction d of the running mean of g² kept (RMSprop's `decay_rate`). Default: 0.99.
    case decay
    /// Adam's β₁, the decay of the first-moment (mean) estimate. Default: 0.9.
    case beta1
    /// Adam's β₂, the decay of the second-moment (uncentred variance) estimate. Default: 0.999.
    case beta2

    /// The default of the book's `common/optimizer.py`.
    public var bookDefault: Double {
        switch self {
        case .momentum: 0.9
        case .decay: 0.99
        case .beta1: 0.9
        case .beta2: 0.999
        }
    }

    /// Whether `value` is allowed: 0 ≤ value < 1. At 1 the state never forgets (Adam's bias
    /// correction divides by 1 − β₁ᵗ = 0); above 1 or below 0 it grows or flips sign each update.
    public static func isValid(_ value: Double) -> Bool {
        value >= 0 && value < 1
    }

    /// `value` when it is allowed, or an error naming the setting, the value and the range.
    func validated(_ value: Double) throws(DescentError) -> Double {
        guard Self.isValid(value) else {
            throw DescentError(
                description:
                    "\(rawValue) must be at least 0 and below 1 (such as \(NumberText.shortest(bookDefault))), "
                    + "got \(NumberText.shortest(value))")
        }
        return value
    }
}

/// A learning rate when it is finite and greater than 0, or an error saying so.
private func validatedLearningRate(_ rate: Double) throws(DescentError) -> Double {
    guard rate.isFinite, rate > 0 else {
        throw DescentError(
            description: "the learning rate must be a finite number greater than 0, got \(NumberText.shortest(rate))")
    }
    return rate
}

/// Plain (stochastic) gradient descent, the book's `SGD`:
/// ```
/// p −= lr · g
/// ```
/// two roundings per coordinate, in that order, as NumPy computes `lr * grad` and then the subtraction.
public struct SGD: Optimizer {
    /// The learning rate (η): the multiple of the gradient subtracted at each step.
    public let learningRate: Double

    /// Plain gradient descent at `learningRate`.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and greater than 0.
    public init(learningRate: Double) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
    }

    /// `sgd`.
    public var name: String { "sgd" }

    /// Moves each coordinate by `−learningRate · gradient[i]`, rounded as NumPy rounds
    /// `params[key] -= self.lr * grads[key]`.
    ///
    /// - Complexity: O(n) for n coordinates; no allocation.
    @inline(__always)
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        for index in x.indices {
            x[index] -= learningRate * gradient[index]
        }
    }
}

/// Momentum SGD, the book's `Momentum`: a velocity v that keeps the fraction m of itself and
/// gathers the gradient steps, so that steps along a consistent direction add up and zig-zags
/// across a valley cancel:
/// ```
/// v = m · v − lr · g        ((m·v) − (lr·g): two products, then the difference)
/// p += v
/// ```
public struct Momentum: Optimizer {
    /// The learning rate (η): the multiple of the gradient folded into the velocity at each step.
    public let learningRate: Double
    /// The fraction m of the velocity kept at each update. Default: 0.9.
    public let momentum: Double
    /// The velocity v, one per coordinate (empty before the first update).
    public private(set) var velocity: [Double] = []

    /// Momentum at `learningRate`, keeping the fraction `momentum` of the velocity (default: 0.9),
    /// with a velocity of zero.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and > 0 and `momentum` is in [0, 1).
    public init(learningRate: Double, momentum: Double = Hyperparameter.momentum.bookDefault) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
        self.momentum = try Hyperparameter.momentum.validated(momentum)
    }

    /// `momentum`.
    public var name: String { "momentum" }
    /// The momentum m.
    public var hyperparameters: [(setting: Hyperparameter, value: Double)] { [(.momentum, momentum)] }

    /// Updates the velocity and moves x by it (see the type's formula).
    ///
    /// - Complexity: O(n) for n coordinates; allocates the velocity at the first update only.
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        if velocity.isEmpty { velocity = Array(repeating: 0, count: x.count) }
        for index in x.indices {
            velocity[index] = momentum * velocity[index] - learningRate * gradient[index]
            x[index] += velocity[index]
        }
    }
}

/// Nesterov's accelerated gradient in the reformulation of Bengio et al. (arXiv:1212.0901) that
/// the book's `Nesterov` uses: the gradient taken at p stands in for the gradient at the
/// look-ahead point p + m·v.
/// ```
/// v *= m
/// v −= lr · g
/// p += (m · m) · v
/// p −= ((1 + m) · lr) · g
/// ```
/// The products m·m and (1 + m)·lr are Python floats in the book, rounded once before they meet
/// an array; they are computed here once, with the same roundings.
public struct Nesterov: Optimizer {
    /// The learning rate (η): the multiple of the gradient folded into the velocity at each step.
    public let learningRate: Double
    /// The fraction m of the velocity kept at each update. Default: 0.9.
    public let momentum: Double
    /// The velocity v, one per coordinate (empty before the first update).
    public private(set) var velocity: [Double] = []

    /// Nesterov's momentum at `learningRate`, keeping the fraction `momentum` of the velocity
    /// (default: 0.9), with a velocity of zero.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and > 0 and `momentum` is in [0, 1).
    public init(learningRate: Double, momentum: Double = Hyperparameter.momentum.bookDefault) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
        self.momentum = try Hyperparameter.momentum.validated(momentum)
    }

    /// `nesterov`.
    public var name: String { "nesterov" }
    /// The momentum m.
    public var hyperparameters: [(setting: Hyperparameter, value: Double)] { [(.momentum, momentum)] }

    /// Updates the velocity and moves x by the look-ahead step (see the type's formula).
    ///
    /// - Complexity: O(n) for n coordinates; allocates the velocity at the first update only.
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        if velocity.isEmpty { velocity = Array(repeating: 0, count: x.count) }
        let momentumSquared = momentum * momentum
        let gradientStep = (1 + momentum) * learningRate
        for index in x.indices {
            velocity[index] *= momentum
            velocity[index] -= learningRate * gradient[index]
            x[index] += momentumSquared * velocity[index]
            x[index] -= gradientStep * gradient[index]
        }
    }
}

/// AdaGrad (Duchi, Hazan & Singer 2011), the book's `AdaGrad`: each coordinate's step is divided
/// by the root of the sum h of all its squared gradients so far, so steep coordinates slow down:
/// ```
/// h += g · g
/// p −= (lr · g) / (√h + 1e-7)
/// ```
/// The 1e-7 (the book's) keeps the division finite while h is 0.
public struct AdaGrad: Optimizer {
    /// The base learning rate (η), before each coordinate's division by √h.
    public let learningRate: Double
    /// The sum h of the squared gradients, one per coordinate (empty before the first update).
    public private(set) var squaredGradientSum: [Double] = []

    /// AdaGrad at `learningRate`, with sums of zero.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and greater than 0.
    public init(learningRate: Double) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
    }

    /// `adagrad`.
    public var name: String { "adagrad" }

    /// Adds g² to each coordinate's sum and steps by `(lr · g) / (√h + 1e-7)`.
    ///
    /// - Complexity: O(n) for n coordinates; allocates the sums at the first update only.
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        if squaredGradientSum.isEmpty { squaredGradientSum = Array(repeating: 0, count: x.count) }
        for index in x.indices {
            let g = gradient[index]
            squaredGradientSum[index] += g * g
            x[index] -= learningRate * g / (squaredGradientSum[index].squareRoot() + optimizerEpsilon)
        }
    }
}

/// RMSprop (Hinton's lecture 6e), the book's `RMSprop`: AdaGrad with a sum that forgets, an
/// exponential moving average h of g² with decay d:
/// ```
/// h *= d
/// h += ((1 − d) · g) · g
/// p −= (lr · g) / (√h + 1e-7)
/// ```
/// `(1 - self.decay_rate) * grads[key] * grads[key]` multiplies left to right, so (1 − d)·g is
/// rounded before the second g: not (1 − d)·(g·g), which differs in the last bit.
public struct RMSprop: Optimizer {
    /// The base learning rate (η), before each coordinate's division by √h.
    public let learningRate: Double
    /// The fraction d of the running mean kept at each update (the book's `decay_rate`). Default: 0.99.
    public let decay: Double
    /// The running mean h of g², one per coordinate (empty before the first update).
    public private(set) var meanSquaredGradient: [Double] = []

    /// RMSprop at `learningRate`, keeping the fraction `decay` of the running mean (default: 0.99),
    /// with means of zero.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and > 0 and `decay` is in [0, 1).
    public init(learningRate: Double, decay: Double = Hyperparameter.decay.bookDefault) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
        self.decay = try Hyperparameter.decay.validated(decay)
    }

    /// `rmsprop`.
    public var name: String { "rmsprop" }
    /// The decay d.
    public var hyperparameters: [(setting: Hyperparameter, value: Double)] { [(.decay, decay)] }

    /// Decays each coordinate's running mean, adds the new g², and steps by `(lr · g) / (√h + 1e-7)`.
    ///
    /// - Complexity: O(n) for n coordinates; allocates the means at the first update only.
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        if meanSquaredGradient.isEmpty { meanSquaredGradient = Array(repeating: 0, count: x.count) }
        let kept = 1 - decay
        for index in x.indices {
            let g = gradient[index]
            meanSquaredGradient[index] *= decay
            meanSquaredGradient[index] += kept * g * g
            x[index] -= learningRate * g / (meanSquaredGradient[index].squareRoot() + optimizerEpsilon)
        }
    }
}

/// Adam (Kingma & Ba, arXiv:1412.6980v8), the book's `Adam`: moving averages m of g and v of g²,
/// with the bias correction folded into the step size of update t:
/// ```
/// t += 1
/// lr_t = (lr · √(1 − β₂^t)) / (1 − β₁^t)
/// m += (1 − β₁) · (g − m)
/// v += (1 − β₂) · (g^2 − v)
/// p −= (lr_t · m) / (√v + 1e-7)
/// ```
/// `β^t` and `g^2` are C's `pow`, as Python's `**` on floats (the book's Figure 6-8 runs on Python
/// floats and NumPy scalars, whose `**` calls `pow`): glibc's `pow(g, 2)` is not always `g·g`
/// (at g = 0.01073998969781852 it is 1 ulp below). The exponent 2 reaches `pow` as a run-time
/// value, as in ``ExpressionProgram``, so that the compiler does not
/// rewrite `pow(g, 2)` to `g * g`. (On NumPy *arrays*, `g**2` is `np.square`, g·g: the network's
/// optimiser in DescentNet follows that.)
public struct Adam: Optimizer {
    /// The base learning rate (η), before the bias correction and the division by √v.
    public let learningRate: Double
    /// β₁, the decay of the first-moment estimate. Default: 0.9.
    public let beta1: Double
    /// β₂, the decay of the second-moment estimate. Default: 0.999.
    public let beta2: Double
    /// Updates made so far (the book's `iter`).
    public private(set) var iteration = 0
    /// The first-moment estimate m, one per coordinate (empty before the first update).
    public private(set) var firstMoment: [Double] = []
    /// The second-moment estimate v, one per coordinate (empty before the first update).
    public private(set) var secondMoment: [Double] = []
    /// The exponent of `g^2`: 2, in a variable the compiler must read at run time. Its linkage is
    /// public (`@usableFromInline`), so no optimiser may assume that nothing writes it; a `let`, a
    /// literal, an `@_optimize(none)` function returning 2 or a private variable are all folded
    /// into `pow(g, 2)` and then into `g * g` in an optimised whole-module build (tried with
    /// Swift 6.3 at -O: each gives 0x1.e3cd4e07f487cp-14 at g = 0.01073998969781852, where
    /// glibc's pow gives …7bp-14). Never written.
    @usableFromInline nonisolated(unsafe) static var squareExponent = 2.0

    /// Adam at `learningRate` with the decays `beta1` (default: 0.9) and `beta2` (default: 0.999),
    /// with moments of zero and no update counted.
    ///
    /// - Throws: ``DescentError`` unless `learningRate` is finite and > 0 and both betas are in [0, 1).
    public init(
        learningRate: Double, beta1: Double = Hyperparameter.beta1.bookDefault,
        beta2: Double = Hyperparameter.beta2.bookDefault
    ) throws(DescentError) {
        self.learningRate = try validatedLearningRate(learningRate)
        self.beta1 = try Hyperparameter.beta1.validated(beta1)
        self.beta2 = try Hyperparameter.beta2.validated(beta2)
    }

    /// `adam`.
    public var name: String { "adam" }
    /// β₁ and β₂, in that order.
    public var hyperparameters: [(setting: Hyperparameter, value: Double)] { [(.beta1, beta1), (.beta2, beta2)] }

    /// The step size lr_t of update `iteration` (counted from 1), bias correction included:
    /// `(lr · √(1 − β₂^t)) / (1 − β₁^t)`, with C's `pow`, as the book's `lr_t`.
    public static func correctedLearningRate(_ rate: Double, beta1: Double, beta2: Double, iteration: Int) -> Double {
        let t = Double(iteration)
        return rate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
    }

    /// Counts the update, moves both moment estimates toward g and g², and steps by
    /// `(lr_t · m) / (√v + 1e-7)` (see the type's formula).
    ///
    /// - Complexity: O(n) for n coordinates, one `pow` each; allocates the moments at the first
    ///   update only.
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        if firstMoment.isEmpty {
            firstMoment = Array(repeating: 0, count: x.count)
            secondMoment = Array(repeating: 0, count: x.count)
        }
        iteration += 1
        let step = Self.correctedLearningRate(learningRate, beta1: beta1, beta2: beta2, iteration: iteration)
        let (keep1, keep2) = (1 - beta1, 1 - beta2)
        let square = Self.squareExponent
        for index in x.indices {
            let g = gradient[index]
            firstMoment[index] += keep1 * (g - firstMoment[index])
            secondMoment[index] += keep2 * (pow(g, square) - secondMoment[index])
            x[index] -= step * firstMoment[index] / (secondMoment[index].squareRoot() + optimizerEpsilon)
        }
    }
}

/// The 1e-7 the book adds to √h and √v so that a zero denominator never occurs.
let optimizerEpsilon = 1e-7

/// The optimisers that can be chosen by name.
public enum OptimizerKind: String, CaseIterable, Sendable {
    /// ``SGD``: plain gradient descent.
    case sgd
    /// ``Momentum``: a velocity that gathers the steps.
    case momentum
    /// ``Nesterov``: momentum with the gradient taken ahead.
    case nesterov
    /// ``AdaGrad``: steps divided by the root of all squared gradients so far.
    case adagrad
    /// ``RMSprop``: steps divided by the root of a moving average of squared gradients.
    case rmsprop
    /// ``Adam``: moving averages of the gradient and its square, bias-corrected.
    case adam

    /// The name of the book's class (`SGD`, `Momentum`, `Nesterov`, `AdaGrad`, `RMSprop`, `Adam`),
    /// which its figures use as titles and legend labels.
    public var bookName: String {
        switch self {
        case .sgd: "SGD"
        case .momentum: "Momentum"
        case .nesterov: "Nesterov"
        case .adagrad: "AdaGrad"
        case .rmsprop: "RMSprop"
        case .adam: "Adam"
        }
    }

    /// The settings this optimiser takes besides the learning rate, in order.
    public var hyperparameters: [Hyperparameter] {
        switch self {
        case .sgd, .adagrad: []
        case .momentum, .nesterov: [.momentum]
        case .rmsprop: [.decay]
        case .adam: [.beta1, .beta2]
        }
    }

    /// The learning rate of the optimiser's class in the book's `common/optimizer.py`, which
    /// `ch06/optimizer_compare_mnist.py` trains its networks with: 0.01, and 0.001 for Adam.
    public var bookLearningRate: Double {
        self == .adam ? 0.001 : 0.01
    }

    /// Every hyperparameter of this optimiser with its value: the given one, or the book's
    /// default.
    ///
    /// - Throws: ``DescentError`` when a value is outside [0, 1), or a setting is given that this
    ///   optimiser does not have (it would be silently ignored).
    public func resolve(_ given: [Hyperparameter: Double]) throws(DescentError) -> [Hyperparameter: Double] {
        for (setting, _) in given.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !hyperparameters.contains(setting) {
            let owners = Self.allCases.filter { $0.hyperparameters.contains(setting) }.map(\.rawValue)
            throw DescentError(
                description: "\(rawValue) has no \(setting.rawValue) setting; \(setting.rawValue) is for "
                    + owners.joined(separator: " and "))
        }
        var values: [Hyperparameter: Double] = [:]
        for setting in hyperparameters {
            values[setting] = try setting.validated(given[setting] ?? setting.bookDefault)
        }
        return values
    }

    /// A fresh optimiser of this kind with the given learning rate and settings (the book's
    /// defaults for those not given).
    ///
    /// - Throws: ``DescentError`` when the learning rate is not finite and > 0, a setting is out of
    ///   [0, 1), or a setting is given that this optimiser does not have.
    public func make(learningRate: Double, hyperparameters given: [Hyperparameter: Double] = [:]) throws(DescentError)
        -> any Optimizer
    {
        let values = try resolve(given)
        switch self {
        case .sgd: return try SGD(learningRate: learningRate)
        case .momentum: return try Momentum(learningRate: learningRate, momentum: values[.momentum]!)
        case .nesterov: return try Nesterov(learningRate: learningRate, momentum: values[.momentum]!)
        case .adagrad: return try AdaGrad(learningRate: learningRate)
        case .rmsprop: return try RMSprop(learningRate: learningRate, decay: values[.decay]!)
        case .adam: return try Adam(learningRate: learningRate, beta1: values[.beta1]!, beta2: values[.beta2]!)
        }
    }
}
