import Testing

@testable import DescentNet

/// The softmax over a matrix runs in C (`CKernels`): it must give the same bits as its three passes
/// written out here in Swift with DescentNet's ``Exponential`` (bias and row maximum; every
/// exponential; each row over its sum, added left to right).
@Suite struct SoftmaxKernelTests {
    /// The three passes, element by element.
    static func reference<Scalar: NetScalar>(
        _ values: [Scalar], columns: Int, bias: [Scalar], exponential: (Scalar) -> Scalar
    ) -> [Scalar] {
        var result = values
        for start in stride(from: 0, to: values.count, by: columns) {
            for column in 0..<columns { result[start + column] += bias[column] }
            var largest = result[start]
            for column in 1..<columns { largest = max(largest, result[start + column]) }
            for column in 0..<columns { result[start + column] = exponential(result[start + column] - largest) }
            var sum: Scalar = 0
            for column in 0..<columns { sum += result[start + column] }
            for column in 0..<columns { result[start + column] /= sum }
        }
        return result
    }

    func sameBitsAsThePasses<Scalar: NetScalar>(
        _: Scalar.Type, columns: Int, exponential: @escaping (Scalar) -> Scalar
    ) {
        let rows = 41
        var values = SigmoidKernelTests.inputs(rows * columns, seed: 31, as: Scalar.self)
        // The exponential's edges as differences from the row's maximum.
        values[0..<4] = [0, -800, -88, -745]
        values[columns..<(columns + 3)] = [-0.0, 0, -0.0]
        var random = NumPyRandom(seed: 32)
        let bias = (0..<columns).map { _ in Scalar(random.nextDouble() - 0.5) }
        var matrix = Matrix<Scalar>(rows: rows, columns: columns, elements: values)
        Activations.softmaxRows(&matrix, addingToEachRow: bias)
        let expected = Self.reference(values, columns: columns, bias: bias, exponential: exponential)
        // Rows holding ∞ are NaN (∞ − ∞) in both; which NaN is the CPU's business.
        let bits = { (values: [Scalar]) in values.map { $0.isNaN ? nil : Double($0).bitPattern } }
        #expect(bits(matrix.elements) == bits(expected))
        #expect(matrix.elements.contains { $0.isNaN })
    }

    @Test(arguments: [10, 1, 3, 17])
    func doubleRowsGiveThePassesBits(columns: Int) {
        sameBitsAsThePasses(Double.self, columns: columns, exponential: Exponential.ofNonPositive)
    }

    @Test(arguments: [10, 1, 3, 17])
    func floatRowsGiveThePassesBits(columns: Int) {
        sameBitsAsThePasses(Float.self, columns: columns, exponential: Exponential.ofNonPositive)
    }

    @Test func aRowWithInfinityOrNaNBecomesNaN() {
        var matrix = Matrix<Double>(rows: 3, columns: 2, elements: [.infinity, 0, .nan, 1, 0, 1])
        Activations.softmaxRows(&matrix, addingToEachRow: [0, 0])
        #expect(matrix.elements[0..<4].allSatisfy { $0.isNaN })
        #expect(matrix.elements[4..<6].allSatisfy { !$0.isNaN })
    }
}
