/// The bridge from a matrix to the element-wise C kernels of `CKernels`, which take the values,
/// their shape and a bias vector, one function per precision.
extension Matrix {
    /// Runs `double` or `float`, whichever is this matrix's precision, over its elements in place
    /// with `bias` (one per column). Does nothing to a matrix without elements.
    ///
    /// - Precondition: `bias.count == columns` (checked by the callers, which name the operation).
    /// - Complexity: the kernel's; no allocation.
    @inline(__always)
    mutating func applyRowKernel(
        _ bias: [Scalar],
        double: (UnsafeMutablePointer<Double>, Int, Int, UnsafePointer<Double>) -> Void,
        float: (UnsafeMutablePointer<Float>, Int, Int, UnsafePointer<Float>) -> Void
    ) {
        let (rows, columns) = (self.rows, self.columns)
        guard rows > 0, columns > 0 else { return }
        bias.withUnsafeBufferPointer { bias in
            elements.withUnsafeMutableBufferPointer { values in
                let (values, bias) = (UnsafeMutableRawPointer(values.baseAddress!), UnsafeRawPointer(bias.baseAddress!))
                if Scalar.self == Double.self {
                    double(
                        values.assumingMemoryBound(to: Double.self), rows, columns,
                        bias.assumingMemoryBound(to: Double.self))
                } else if Scalar.self == Float.self {
                    float(
                        values.assumingMemoryBound(to: Float.self), rows, columns,
                        bias.assumingMemoryBound(to: Float.self))
                } else {
                    preconditionFailure("NetScalar is Double or Float, not \(Scalar.self)")
                }
            }
        }
    }
}
