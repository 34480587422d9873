/// A dense array of Doubles of any rank, stored in row-major (C) order, as a NumPy array.
public struct Tensor: Equatable, Sendable {
    /// The extent of each axis; `[]` is a scalar, `[3]` a vector, `[2, 3]` a 2×3 matrix.
    public let shape: [Int]
    /// The elements in row-major order: the last axis varies fastest.
    public var scalars: [Double]

    /// A tensor of `shape` holding `scalars` in row-major order.
    ///
    /// - Precondition: every extent is non-negative and `scalars.count` is their product.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(
            scalars.count == shape.reduce(1, *), "\(scalars.count) scalars for shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` filled with zeros.
    public init(zerosOfShape shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *)))
    }

    /// The element at a multi-index, one index per axis.
    public subscript(indices: Int...) -> Double {
        get { scalars[offset(of: indices)] }
        set { scalars[offset(of: indices)] = newValue }
    }

    private func offset(of indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "\(indices.count) indices for rank \(shape.count)")
        var offset = 0
        for (index, extent) in zip(indices, shape) {
            precondition((0..<extent).contains(index), "index \(index) out of 0..<\(extent)")
            offset = offset * extent + index
        }
        return offset
    }
}
