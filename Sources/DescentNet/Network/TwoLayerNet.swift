import Foundation

/// The book's two-layer network (`ch04/two_layer_net.py`): affine → sigmoid → affine → softmax,
/// with cross-entropy loss.
/// ```
/// a1 = x·W1 + b1    z1 = σ(a1)    a2 = z1·W2 + b2    y = softmax(a2)    L = −Σ log(y[t] + 1e-7) / batch
/// ```
public struct TwoLayerNet<Scalar: NetScalar>: Sendable {
    /// input × hidden weights.
    public var w1: Matrix<Scalar>
    public var b1: [Scalar]
    /// hidden × output weights.
    public var w2: Matrix<Scalar>
    public var b2: [Scalar]

    public var inputSize: Int { w1.rows }
    public var hiddenSize: Int { w1.columns }
    public var outputSize: Int { w2.columns }

    /// Weights as the book draws them: `weightInitStd · randn(input, hidden)` for W1, then the same
    /// for W2, from `random` (a seeded ``NumPyRandom`` gives NumPy's weights), biases zero.
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
        public var w1: Matrix<Scalar>
        public var b1: [Scalar]
        public var w2: Matrix<Scalar>
        public var b2: [Scalar]
    }

    /// Zeroed storage shaped like this network's parameters.
    public func zeroParameters() -> Parameters {
        Parameters(
            w1: Matrix(rows: w1.rows, columns: w1.columns), b1: Array(repeating: 0, count: b1.count),
            w2: Matrix(rows: w2.rows, columns: w2.columns), b2: Array(repeating: 0, count: b2.count))
    }

    /// Buffers for one batch size, so that training allocates nothing per iteration, and how many
    /// threads share the input-layer products.
    public struct Workspace: Sendable {
        public let batch: Int
        /// Threads for the two products with the input (x·W1 and xᵀ·dz1), the bulk of the work.
        /// Default: the number of cores.
        public let threads: Int
        /// x·W1 + b1, then σ of it in place (a1 itself is not kept: backpropagation needs σ(a1)).
        var z1: Matrix<Scalar>
        var a2: Matrix<Scalar>
        var da1: Matrix<Scalar>

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
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func predict(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        var workspace = Workspace(batch: x.rows, network: self)
        forward(x, workspace: &workspace)
        return workspace.a2
    }

    /// The cross-entropy loss of `x` against `labels` (the book's `loss`).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func loss(_ x: Matrix<Scalar>, labels: [Int]) -> Scalar {
        Activations.crossEntropy(predict(x), labels: labels)
    }

    /// The fraction of rows whose most probable class is their label (the book's `accuracy`).
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
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func gradient(_ x: Matrix<Scalar>, labels: [Int]) -> Parameters {
        var workspace = Workspace(batch: x.rows, network: self)
        var gradients = zeroParameters()
        gradient(x, labels: labels, workspace: &workspace, into: &gradients)
        return gradients
    }

    /// One step of gradient descent: every parameter p ← p − lr·g (the book's update loop).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public mutating func update(with gradients: Parameters, learningRate: Scalar) {
        for index in w1.elements.indices { w1.elements[index] -= learningRate * gradients.w1.elements[index] }
        for index in b1.indices { b1[index] -= learningRate * gradients.b1[index] }
        for index in w2.elements.indices { w2.elements[index] -= learningRate * gradients.w2.elements[index] }
        for index in b2.indices { b2[index] -= learningRate * gradients.b2[index] }
    }
}
