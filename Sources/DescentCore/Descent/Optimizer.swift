/// An update rule: given x and the gradient there, moves x.
///
/// Chapter 6's optimisers (Momentum, AdaGrad, Adam…) conform to this protocol; each keeps its own
/// state between updates, which is why `update` is mutating.
public protocol Optimizer: Sendable {
    /// The name used on the command line and in JSON (`sgd`).
    var name: String { get }
    /// The base learning rate η.
    var learningRate: Double { get }
    /// Moves `x` one step, given the gradient at `x`.
    mutating func update(_ x: inout [Double], gradient: [Double])
}

/// Plain (stochastic) gradient descent, the book's update `x -= lr * grad`:
/// ```
/// x[i] = x[i] − (lr · g[i])
/// ```
/// two roundings per coordinate, in that order, as NumPy computes `lr * grad` and then the subtraction.
public struct SGD: Optimizer {
    /// The learning rate (η): the multiple of the gradient subtracted at each step.
    public var learningRate: Double

    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    public var name: String { "sgd" }

    @inline(__always)
    public mutating func update(_ x: inout [Double], gradient: [Double]) {
        for index in x.indices {
            x[index] -= learningRate * gradient[index]
        }
    }
}

/// The optimisers that can be chosen by name.
public enum OptimizerKind: String, CaseIterable, Sendable {
    case sgd

    /// A fresh optimiser of this kind with the given learning rate.
    public func make(learningRate: Double) -> any Optimizer {
        switch self {
        case .sgd: SGD(learningRate: learningRate)
        }
    }
}
