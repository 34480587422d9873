/// The sizes of a ``TwoLayerNet`` and where each of its parameters sits in one flat vector of
/// them, in NumPy's order of the book's `params` flattened one after the other: W1 row by row
/// (input × hidden), b1, W2 row by row (hidden × output), b2. The landscape works on such vectors:
/// snapshots of a run, directions, their differences.
public struct NetworkShape: Sendable, Equatable {
    /// Inputs per sample (784 for 28 × 28 images).
    public let inputSize: Int
    /// Hidden units.
    public let hiddenSize: Int
    /// Classes.
    public let outputSize: Int

    /// The shape of a network with the given layer sizes.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
    }

    /// The shape of `network`.
    public init<Scalar: NetScalar>(of network: TwoLayerNet<Scalar>) {
        self.init(inputSize: network.inputSize, hiddenSize: network.hiddenSize, outputSize: network.outputSize)
    }

    /// Where W1, b1, W2 and b2 sit in a flat vector.
    public var w1: Range<Int> { 0..<(inputSize * hiddenSize) }
    /// Where b1 sits: right after W1, `hiddenSize` entries.
    public var b1: Range<Int> { w1.upperBound..<(w1.upperBound + hiddenSize) }
    /// Where W2 sits: after b1, row by row (hidden × output).
    public var w2: Range<Int> { b1.upperBound..<(b1.upperBound + hiddenSize * outputSize) }
    /// Where b2 sits: last, `outputSize` entries.
    public var b2: Range<Int> { w2.upperBound..<(w2.upperBound + outputSize) }

    /// The number of parameters: (input + 1)·hidden + (hidden + 1)·output.
    public var parameterCount: Int { b2.upperBound }
}

extension TwoLayerNet {
    /// Every parameter in one vector of Doubles, in ``NetworkShape``'s order.
    public var flatParameters: [Double] {
        var vector = [Double]()
        vector.reserveCapacity(NetworkShape(of: self).parameterCount)
        for part in [w1.elements, b1, w2.elements, b2] { vector += part.lazy.map(Double.init) }
        return vector
    }
}
