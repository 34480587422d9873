import DescentCore
import Foundation

/// The book's optimisers (`common/optimizer.py`, see DescentCore's `Optimizer`) applied to a
/// network's parameter arrays W1, b1, W2, b2, element by element, as NumPy computes them on arrays
/// of the network's `Scalar`.
///
/// Two things differ from the same rules on DescentCore's Python floats, both because the book's
/// network parameters are NumPy arrays:
/// - `g**2` on an array is `np.square`, g·g, not `pow(g, 2)`.
/// - In float32 (NumPy 2, NEP 50), a Python-float constant meets an array as a float32: `lr * g` is
///   `Float(lr) · g`, and `m * m * v` is `Float(m·m) · v` (the product of the two Python floats,
///   rounded once to Double and then to Float). Adam's lr_t, though, is an `np.float64` scalar
///   (`np.sqrt` of a Python float), which promotes: its last step is computed in Double and rounded
///   to Float as it is stored.
///
/// In Double every rule is operation for operation DescentCore's, and the SGD rule is
/// ``TwoLayerNet/update(with:learningRate:)``, unchanged.
public struct NetworkOptimizer<Scalar: NetScalar>: Sendable {
    /// Which of the book's rules it applies.
    public let kind: OptimizerKind
    /// The learning rate η, as a Double (Adam's step size is computed in Double, as NumPy's).
    public let learningRate: Double
    /// Every setting of `kind` (the given ones, the book's defaults for the others).
    public let hyperparameters: [Hyperparameter: Double]
    /// The first piece of state (velocity v, sum h, mean h or Adam's m), made at the first update.
    private var first: TwoLayerNet<Scalar>.Parameters?
    /// Adam's second moment v.
    private var second: TwoLayerNet<Scalar>.Parameters?
    /// Updates so far (Adam's `iter`).
    private var iteration = 0

    /// The `kind` rule at `learningRate`, with `given` settings (the book's defaults for the others)
    /// and no state yet.
    ///
    /// - Throws: `DescentError` when the learning rate is not finite and > 0, a setting is outside
    ///   [0, 1), or a setting is given that `kind` does not have.
    public init(kind: OptimizerKind, learningRate: Double, hyperparameters given: [Hyperparameter: Double] = [:])
        throws(DescentError)
    {
        _ = try kind.make(learningRate: learningRate, hyperparameters: given)
        self.kind = kind
        self.learningRate = learningRate
        self.hyperparameters = try kind.resolve(given)
    }

    /// Moves every parameter of `network` one step, given their gradients.
    ///
    /// - Complexity: O(parameters); allocates the optimiser's state at the first update only.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public mutating func update(_ network: inout TwoLayerNet<Scalar>, with gradients: TwoLayerNet<Scalar>.Parameters) {
        if kind == .sgd {
            network.update(with: gradients, learningRate: Scalar(learningRate))
            return
        }
        var a = first ?? network.zeroParameters()
        var b = second ?? (kind == .adam ? network.zeroParameters() : a)
        iteration += 1
        let rule = Rule(kind: kind, learningRate: learningRate, settings: hyperparameters, iteration: iteration)
        rule.apply(&network.w1.elements, gradients.w1.elements, &a.w1.elements, &b.w1.elements)
        rule.apply(&network.b1, gradients.b1, &a.b1, &b.b1)
        rule.apply(&network.w2.elements, gradients.w2.elements, &a.w2.elements, &b.w2.elements)
        rule.apply(&network.b2, gradients.b2, &a.b2, &b.b2)
        first = a
        if kind == .adam { second = b }
    }

    /// One update's constants, each rounded as NumPy rounds it, and the rule for one array.
    struct Rule {
        let kind: OptimizerKind
        let lr: Scalar
        /// m (momentum, Nesterov), d (RMSprop), 1 − β₁ (Adam).
        let c1: Scalar
        /// m·m (Nesterov), 1 − d (RMSprop), 1 − β₂ (Adam).
        let c2: Scalar
        /// (1 + m)·lr (Nesterov).
        let c3: Scalar
        /// Adam's lr_t, in Double as NumPy's `np.float64` scalar.
        let adamStep: Double
        let epsilon = Scalar(1e-7)

        init(kind: OptimizerKind, learningRate: Double, settings: [Hyperparameter: Double], iteration: Int) {
            self.kind = kind
            lr = Scalar(learningRate)
            switch kind {
            case .momentum, .nesterov:
                let m = settings[.momentum]!
                (c1, c2, c3) = (Scalar(m), Scalar(m * m), Scalar((1 + m) * learningRate))
            case .rmsprop:
                let d = settings[.decay]!
                (c1, c2, c3) = (Scalar(d), Scalar(1 - d), 0)
            case .adam:
                let (beta1, beta2) = (settings[.beta1]!, settings[.beta2]!)
                (c1, c2, c3) = (Scalar(1 - beta1), Scalar(1 - beta2), 0)
            case .sgd, .adagrad:
                (c1, c2, c3) = (0, 0, 0)
            }
            adamStep =
                kind == .adam
                ? Adam.correctedLearningRate(
                    learningRate, beta1: settings[.beta1]!, beta2: settings[.beta2]!, iteration: iteration) : 0
        }

        /// The rule on one parameter array `p` with gradient `g` and state `a` (and Adam's `b`).
        @inline(__always)
        func apply(_ p: inout [Scalar], _ g: [Scalar], _ a: inout [Scalar], _ b: inout [Scalar]) {
            switch kind {
            case .sgd:
                preconditionFailure("SGD updates through TwoLayerNet.update, unchanged")
            case .momentum:
                for i in p.indices {
                    a[i] = c1 * a[i] - lr * g[i]
                    p[i] += a[i]
                }
            case .nesterov:
                for i in p.indices {
                    a[i] *= c1
                    a[i] -= lr * g[i]
                    p[i] += c2 * a[i]
                    p[i] -= c3 * g[i]
                }
            case .adagrad:
                for i in p.indices {
                    a[i] += g[i] * g[i]
                    p[i] -= lr * g[i] / (a[i].squareRoot() + epsilon)
                }
            case .rmsprop:
                for i in p.indices {
                    a[i] *= c1
                    a[i] += c2 * g[i] * g[i]
                    p[i] -= lr * g[i] / (a[i].squareRoot() + epsilon)
                }
            case .adam:
                for i in p.indices {
                    a[i] += c1 * (g[i] - a[i])
                    b[i] += c2 * (g[i] * g[i] - b[i])
                    p[i] = Scalar(Double(p[i]) - adamStep * Double(a[i]) / Double(b[i].squareRoot() + epsilon))
                }
            }
        }
    }
}
