import DescentCore
import Dispatch
import Foundation

/// The book's numerical gradient of the loss with respect to every parameter: central
/// differences with h = 1e-4, one parameter at a time (`numerical_gradient` over W1, b1, W2, b2).
extension TwoLayerNet {
    /// The book's method as written: perturb a parameter, evaluate the whole loss, restore.
    ///
    /// - Complexity: 2 × (parameters) full forward passes: 79,520 for a 784-50-10 net. Use
    ///   ``numericalGradient(_:labels:)`` instead; this one is the reference it is tested against,
    ///   and is not pre-specialised: specialising it for Double and Float made the Swift 6.3
    ///   optimiser reference ``loss(_:labels:)``'s pre-specialisations from the closure it hands
    ///   to ``NumericalDifferentiation/centralDifference(at:step:_:)`` while dropping them from
    ///   their own file, so a release build failed to link.
    public func numericalGradientByFullEvaluation(_ x: Matrix<Scalar>, labels: [Int]) -> Parameters {
        let h = Self.differentiationStep
        var network = self
        var gradients = zeroParameters()
        func differentiate(_ read: (TwoLayerNet) -> Scalar, _ write: (inout TwoLayerNet, Scalar) -> Void) -> Scalar {
            let saved = read(network)
            func loss(at perturbed: Scalar) -> Scalar {
                write(&network, perturbed)
                return network.loss(x, labels: labels)
            }
            let derivative = NumericalDifferentiation.centralDifference(at: saved, step: h, loss(at:))
            write(&network, saved)
            return derivative
        }
        for index in w1.elements.indices {
            gradients.w1.elements[index] = differentiate({ $0.w1.elements[index] }, { $0.w1.elements[index] = $1 })
        }
        for index in b1.indices { gradients.b1[index] = differentiate({ $0.b1[index] }, { $0.b1[index] = $1 }) }
        for index in w2.elements.indices {
            gradients.w2.elements[index] = differentiate({ $0.w2.elements[index] }, { $0.w2.elements[index] = $1 })
        }
        for index in b2.indices { gradients.b2[index] = differentiate({ $0.b2[index] }, { $0.b2[index] = $1 }) }
        return gradients
    }

    /// The same numerical gradient, fast: perturbing W1[i, j] or b1[j] changes only hidden unit j,
    /// and W2[j, k] or b2[k] only output k, so each loss is re-evaluated from the unperturbed
    /// forward pass by updating that one unit instead of redoing the pass. The perturbed value is
    /// the book's `tmp + h` (and `tmp − h`), so the result agrees with full re-evaluation to
    /// rounding (within 1e-9 on the book's net). Hidden units are spread over all cores.
    ///
    /// - Complexity: O(parameters × batch × outputs), against O(parameters × batch × input ×
    ///   hidden) for full re-evaluation.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func numericalGradient(_ x: Matrix<Scalar>, labels: [Int]) -> Parameters {
        let context = PerturbationContext(network: self, x: x, labels: labels)
        let hidden = hiddenSize
        // Each hidden unit j owns column j of W1, b1[j] and row j of W2: independent work.
        let results = ResultSlots<(w1: [Scalar], b1: Scalar, w2: [Scalar])>(count: hidden)
        DispatchQueue.concurrentPerform(iterations: hidden) { j in
            results.store(context.derivatives(ofHiddenUnit: j), at: j)
        }
        var gradients = zeroParameters()
        for (j, column) in results.values.enumerated() {
            for i in 0..<inputSize { gradients.w1[i, j] = column.w1[i] }
            gradients.b1[j] = column.b1
            for k in 0..<outputSize { gradients.w2[j, k] = column.w2[k] }
        }
        gradients.b2 = context.outputBiasDerivatives()
        return gradients
    }

    /// The book's step h = 1e-4 (``NumericalDifferentiation/step``), in the network's precision.
    static var differentiationStep: Scalar { Scalar(NumericalDifferentiation.step) }

    /// log(softmax(logits)[label] + 1e-7), the max subtracted first; `logits` is overwritten.
    fileprivate static func logProbability(_ logits: inout [Scalar], label: Int) -> Scalar {
        var largest = logits[0]
        for value in logits.dropFirst() { largest = max(largest, value) }
        var sum: Scalar = 0
        for index in logits.indices {
            logits[index] = Scalar.exponentialOfNonPositive(logits[index] - largest)
            sum += logits[index]
        }
        return Scalar.logarithm(logits[label] / sum + Scalar(1e-7))
    }
}

/// The unperturbed forward pass, from which every perturbed loss is re-evaluated.
private struct PerturbationContext<Scalar: NetScalar>: Sendable {
    let network: TwoLayerNet<Scalar>
    let x: Matrix<Scalar>
    let labels: [Int]
    let a1: Matrix<Scalar>
    let z1: Matrix<Scalar>
    let logits: Matrix<Scalar>
    /// The book's step.
    let h = TwoLayerNet<Scalar>.differentiationStep

    init(network: TwoLayerNet<Scalar>, x: Matrix<Scalar>, labels: [Int]) {
        self.network = network
        self.x = x
        self.labels = labels
        var a1 = Matrix<Scalar>(rows: x.rows, columns: network.hiddenSize)
        Matrix.multiply(x, network.w1, into: &a1)
        a1.addToEachRow(network.b1)
        let z1 = Matrix(rows: x.rows, columns: network.hiddenSize, elements: a1.elements.map(Activations.sigmoid))
        var logits = Matrix<Scalar>(rows: x.rows, columns: network.outputSize)
        Matrix.multiply(z1, network.w2, into: &logits)
        logits.addToEachRow(network.b2)
        self.a1 = a1
        self.z1 = z1
        self.logits = logits
    }

    /// The loss when hidden unit `j` takes the values `changed` (one per row) instead of z1[:, j].
    func loss(hiddenUnit j: Int, values changed: [Scalar], scratch: inout [Scalar]) -> Scalar {
        var sum: Scalar = 0
        for row in 0..<x.rows {
            let shift = changed[row] - z1[row, j]
            for k in 0..<network.outputSize { scratch[k] = logits[row, k] + shift * network.w2[j, k] }
            sum += TwoLayerNet<Scalar>.logProbability(&scratch, label: labels[row])
        }
        return -sum / Scalar(x.rows)
    }

    /// The loss when output `k`'s logit of each row is moved by `shift(row)`.
    func loss(output k: Int, scratch: inout [Scalar], shift: (Int) -> Scalar) -> Scalar {
        var sum: Scalar = 0
        for row in 0..<x.rows {
            for column in 0..<network.outputSize { scratch[column] = logits[row, column] }
            scratch[k] += shift(row)
            sum += TwoLayerNet<Scalar>.logProbability(&scratch, label: labels[row])
        }
        return -sum / Scalar(x.rows)
    }

    /// ∂L/∂W1[:, j], ∂L/∂b1[j] and ∂L/∂W2[j, :], each perturbed value being the book's tmp ± h.
    func derivatives(ofHiddenUnit j: Int) -> (w1: [Scalar], b1: Scalar, w2: [Scalar]) {
        var scratch = [Scalar](repeating: 0, count: network.outputSize)
        var changed = [Scalar](repeating: 0, count: x.rows)
        /// The derivative by `saved`, a parameter of hidden unit j's input, where `perturbedA1`
        /// gives a1[row, j] once the parameter is moved by `delta` (its perturbed value minus
        /// `saved`).
        func derivative(of saved: Scalar, _ perturbedA1: (_ row: Int, _ delta: Scalar) -> Scalar) -> Scalar {
            NumericalDifferentiation.centralDifference(at: saved, step: h) { perturbed in
                for row in 0..<x.rows { changed[row] = Activations.sigmoid(perturbedA1(row, perturbed - saved)) }
                return loss(hiddenUnit: j, values: changed, scratch: &scratch)
            }
        }
        let w1Column = (0..<network.inputSize).map { i in
            derivative(of: network.w1[i, j]) { row, delta in a1[row, j] + x[row, i] * delta }
        }
        let b1Value = derivative(of: network.b1[j]) { row, delta in a1[row, j] + delta }
        let w2Row = (0..<network.outputSize).map { k in
            let weight = network.w2[j, k]
            return NumericalDifferentiation.centralDifference(at: weight, step: h) { perturbed in
                loss(output: k, scratch: &scratch) { row in z1[row, j] * (perturbed - weight) }
            }
        }
        return (w1Column, b1Value, w2Row)
    }

    /// ∂L/∂b2.
    func outputBiasDerivatives() -> [Scalar] {
        var scratch = [Scalar](repeating: 0, count: network.outputSize)
        return (0..<network.outputSize).map { k in
            let bias = network.b2[k]
            return NumericalDifferentiation.centralDifference(at: bias, step: h) { perturbed in
                loss(output: k, scratch: &scratch) { _ in perturbed - bias }
            }
        }
    }
}
