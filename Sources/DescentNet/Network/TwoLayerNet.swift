import CKernels
import Foundation

/// The book's two-layer network (`ch04/two_layer_net.py`): affine → sigmoid → affine → softmax,
/// with cross-entropy loss.
/// ```
/// a1 = x·W1 + b1    z1 = σ(a1)    a2 = z1·W2 + b2    y = softmax(a2)    L = −Σ log(y[t] + 1e-7) / batch
/// ```
public struct TwoLayerNet<Scalar: NetScalar>: Sendable {
    /// input × hidden weights.
    public var w1: Matrix<Scalar>
    /// The hidden layer's biases, one per hidden unit (zero at the start).
    public var b1: [Scalar]
    /// hidden × output weights.
    public var w2: Matrix<Scalar>
    /// The output layer's biases, one per class (zero at the start).
    public var b2: [Scalar]

    /// Inputs per sample: 784 for 28 × 28 images.
    public var inputSize: Int { w1.rows }
    /// Hidden units: 50 in the book.
    public var hiddenSize: Int { w1.columns }
    /// Classes: 10 for MNIST and Fashion-MNIST.
    public var outputSize: Int { w2.columns }

    /// Weights as the book draws them: `weightInitStd · randn(input, hidden)` for W1, then the same
    /// for W2, from `random` (a seeded ``NumPyRandom`` gives NumPy's weights), biases zero.
    ///
    /// - Complexity: O(input · hidden + hidden · output) Gaussians drawn.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, weightInitStd: Double = 0.01, random: inout NumPyRandom
    ) {
        w1 = Matrix(
            rows: inputSize, columns: hiddenSize,
            elements: random.gaussians(inputSize * hiddenSize).map { Scalar(weightInitStd * $0) })
        b1 = Array(repeating: 0, count: hiddenSize)
        w2 = Matrix(
            rows: hiddenSize, columns: outputSize,
            elements: random.gaussians(hiddenSize * outputSize).map { Scalar(weightInitStd * $0) })
        b2 = Array(repeating: 0, count: outputSize)
    }

    /// A network with the given parameters.
    public init(w1: Matrix<Scalar>, b1: [Scalar], w2: Matrix<Scalar>, b2: [Scalar]) {
        precondition(w1.columns == b1.count && w2.rows == w1.columns && w2.columns == b2.count, "inconsistent shapes")
        self.w1 = w1
        self.b1 = b1
        self.w2 = w2
        self.b2 = b2
    }

    /// The parameters' gradients (or any values of their shapes).
    public struct Parameters: Sendable {
        /// The gradient (or value) for W1, input × hidden.
        public var w1: Matrix<Scalar>
        /// The gradient (or value) for b1, one per hidden unit.
        public var b1: [Scalar]
        /// The gradient (or value) for W2, hidden × output.
        public var w2: Matrix<Scalar>
        /// The gradient (or value) for b2, one per class.
        public var b2: [Scalar]
    }

    /// Zeroed storage shaped like this network's parameters.
    ///
    /// - Complexity: allocates as many scalars as the network has parameters.
    public func zeroParameters() -> Parameters {
        Parameters(
            w1: Matrix(rows: w1.rows, columns: w1.columns), b1: Array(repeating: 0, count: b1.count),
            w2: Matrix(rows: w2.rows, columns: w2.columns), b2: Array(repeating: 0, count: b2.count))
    }

    /// Buffers for one batch size, so that training allocates nothing per iteration, and how many
    /// threads share the input-layer products.
    public struct Workspace: Sendable {
        /// The number of samples (rows) every buffer is sized for.
        public let batch: Int
        /// Threads for the two products with the input (x·W1 and xᵀ·dz1), the bulk of the work.
        /// Default: the number of cores.
        public let threads: Int
        /// x·W1 + b1, then σ of it in place (a1 itself is not kept: backpropagation needs σ(a1)).
        var z1: Matrix<Scalar>
        var a2: Matrix<Scalar>
        var da1: Matrix<Scalar>

        /// Buffers for `batch` samples through `network`'s layer sizes, with the input-layer products
        /// split over `threads` (default: the number of active cores).
        ///
        /// - Complexity: allocates O(`batch` · (hidden + output)) scalars, once.
        public init(batch: Int, network: TwoLayerNet, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.batch = batch
            self.threads = threads
            z1 = Matrix(rows: batch, columns: network.hiddenSize)
            a2 = Matrix(rows: batch, columns: network.outputSize)
            da1 = Matrix(rows: batch, columns: network.hiddenSize)
        }
    }

    /// The forward pass into the workspace: z1 = σ(x·W1 + b1) and y = softmax(z1·W2 + b2) (in
    /// `a2`), each bias and activation applied in one pass over the product.
    func forward(_ x: Matrix<Scalar>, workspace: inout Workspace) {
        Matrix.multiplyInParallel(x, w1, into: &workspace.z1, parts: workspace.threads)
        Activations.sigmoidOfEachElement(&workspace.z1, addingToEachRow: b1)
        Matrix.multiply(workspace.z1, w2, into: &workspace.a2)
        Activations.softmaxRows(&workspace.a2, addingToEachRow: b2)
    }

    /// The class probabilities for each row of `x` (the book's `predict`).
    ///
    /// - Complexity: O(batch · (input · hidden + hidden · output)), in two BLAS products.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func predict(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        var workspace = Workspace(batch: x.rows, network: self)
        forward(x, workspace: &workspace)
        return workspace.a2
    }

    /// The cross-entropy loss of `x` against `labels` (the book's `loss`).
    ///
    /// - Complexity: one forward pass, as ``predict(_:)``.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func loss(_ x: Matrix<Scalar>, labels: [Int]) -> Scalar {
        Activations.crossEntropy(predict(x), labels: labels)
    }

    /// The fraction of rows whose most probable class is their label (the book's `accuracy`).
    ///
    /// - Complexity: one forward pass, as ``predict(_:)``.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func accuracy(_ x: Matrix<Scalar>, labels: [Int]) -> Double {
        let predicted = predict(x).rowArgmax()
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Backpropagation, as the book's `gradient`:
    /// ```
    /// dy = (y − t) / batch      dW2 = z1ᵀ·dy    db2 = Σ dy
    /// da1 = dy·W2ᵀ              dz1 = σ'(a1) ⊙ da1    dW1 = xᵀ·dz1    db1 = Σ dz1
    /// ```
    /// Writes into `gradients` and returns the loss before the update; allocates nothing.
    ///
    /// - Complexity: one forward and one backward pass: about three times ``predict(_:)``.
    @discardableResult
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func gradient(
        _ x: Matrix<Scalar>, labels: [Int], workspace: inout Workspace, into gradients: inout Parameters
    ) -> Scalar {
        precondition(
            x.rows == workspace.batch && labels.count == workspace.batch,
            "the workspace is for batches of \(workspace.batch)")
        forward(x, workspace: &workspace)
        let loss = outputGradient(labels: labels, workspace: &workspace, bias: &gradients.b2)
        Matrix.multiply(workspace.z1, transposed: true, workspace.a2, into: &gradients.w2)
        Matrix.multiply(workspace.a2, transposed: false, w2, transposed: true, into: &workspace.da1)
        hiddenGradient(workspace: &workspace, bias: &gradients.b1)
        Matrix.multiplyInParallel(x, transposed: true, workspace.da1, into: &gradients.w1, parts: workspace.threads)
        return loss
    }

    /// One pass over y (in `a2`): the cross-entropy loss −Σ log(y[t] + 1e-7) / batch, y turned into
    /// dy = (y − t) / batch in place, and db2 = Σ dy over the rows, each sum in row order as the
    /// separate passes added them.
    private func outputGradient(labels: [Int], workspace: inout Workspace, bias: inout [Scalar]) -> Scalar {
        let batch = Scalar(workspace.batch)
        let outputs = outputSize
        var sum: Scalar = 0
        workspace.a2.elements.withUnsafeMutableBufferPointer { y in
            bias.withUnsafeMutableBufferPointer { sums in
                for column in 0..<outputs { sums[column] = 0 }
                for (row, label) in labels.enumerated() {
                    let start = y.baseAddress! + row * outputs
                    sum += Scalar.logarithm(start[label] + Scalar(1e-7))
                    for column in 0..<outputs {
                        let difference = (start[column] - (column == label ? 1 : 0)) / batch
                        start[column] = difference
                        sums[column] += difference
                    }
                }
            }
        }
        return -sum / batch
    }

    /// One pass over da1 = dy·W2ᵀ: dz1 = σ'(a1) ⊙ da1 in place, with σ'(a1) = (1 − σ(a1))·σ(a1)
    /// from z1, which holds σ(a1) (the book's `sigmoid_grad` without evaluating exp again), and
    /// db1 = Σ dz1 over the rows.
    private func hiddenGradient(workspace: inout Workspace, bias: inout [Scalar]) {
        let hidden = hiddenSize
        workspace.z1.elements.withUnsafeBufferPointer { z1 in
            workspace.da1.elements.withUnsafeMutableBufferPointer { da1 in
                bias.withUnsafeMutableBufferPointer { sums in
                    for column in 0..<hidden { sums[column] = 0 }
                    for row in 0..<workspace.batch {
                        let (s, d) = (z1.baseAddress! + row * hidden, da1.baseAddress! + row * hidden)
                        for column in 0..<hidden {
                            let product = (1 - s[column]) * s[column] * d[column]
                            d[column] = product
                            sums[column] += product
                        }
                    }
                }
            }
        }
    }

    /// Backpropagation with fresh buffers.
    ///
    /// - Complexity: as the workspace form, plus the buffers it allocates.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func gradient(_ x: Matrix<Scalar>, labels: [Int]) -> Parameters {
        var workspace = Workspace(batch: x.rows, network: self)
        var gradients = zeroParameters()
        gradient(x, labels: labels, workspace: &workspace, into: &gradients)
        return gradients
    }

    /// One step of gradient descent: every parameter p ← p − lr·g (the book's update loop).
    ///
    /// - Complexity: O(parameters).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public mutating func update(with gradients: Parameters, learningRate: Scalar) {
        Self.descend(&w1.elements, along: gradients.w1.elements, rate: learningRate)
        Self.descend(&b1, along: gradients.b1, rate: learningRate)
        Self.descend(&w2.elements, along: gradients.w2.elements, rate: learningRate)
        Self.descend(&b2, along: gradients.b2, rate: learningRate)
    }

    /// p ← p − rate·g over one parameter array, the product rounded before the difference. The
    /// loop runs in C (`CKernels`, with AVX2 or AVX-512 where the CPU has them): it is on the
    /// training thread's path at every iteration, and the baseline x86-64 target of Swift code runs
    /// it two doubles wide.
    private static func descend(_ parameters: inout [Scalar], along gradients: [Scalar], rate: Scalar) {
        precondition(
            parameters.count == gradients.count, "\(gradients.count) gradients for \(parameters.count) parameters")
        guard !parameters.isEmpty else { return }
        parameters.withUnsafeMutableBufferPointer { parameters in
            gradients.withUnsafeBufferPointer { gradients in
                let (p, g) = (
                    UnsafeMutableRawPointer(parameters.baseAddress!), UnsafeRawPointer(gradients.baseAddress!)
                )
                if Scalar.self == Double.self {
                    descent_descend(
                        p.assumingMemoryBound(to: Double.self), g.assumingMemoryBound(to: Double.self),
                        parameters.count, Double(rate))
                } else if Scalar.self == Float.self {
                    descent_descend_float(
                        p.assumingMemoryBound(to: Float.self), g.assumingMemoryBound(to: Float.self),
                        parameters.count, Float(rate))
                } else {
                    preconditionFailure("NetScalar is Double or Float, not \(Scalar.self)")
                }
            }
        }
    }
}
