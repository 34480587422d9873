import DescentCore
import Testing

@testable import DescentNet

/// The Double sigmoid over a matrix runs in C (`CKernels`, four lanes wide with AVX2): it must give
/// the same bits as the element function it stands for, `Logistic.value` with DescentNet's
/// ``Exponential``, or the network's numbers would depend on the CPU.
@Suite struct SigmoidKernelTests {
    @Test func theMatrixLoopGivesTheElementFunctionsBits() {
        var random = NumPyRandom(seed: 21)
        let rows = 37
        let columns = 53
        var values = (0..<rows * columns).map { _ in 60 * (random.nextDouble() - 0.5) * random.nextDouble() }
        values[0...11] = [0, -0.0, 1e-300, -1e-300, 709, -709, 745, -745, 1e308, -1e308, .infinity, -.infinity]
        let bias = (0..<columns).map { _ in random.nextDouble() - 0.5 }
        var matrix = Matrix<Double>(rows: rows, columns: columns, elements: values)
        Activations.sigmoidOfEachElement(&matrix, addingToEachRow: bias)
        let expected = values.indices.map { index in
            Logistic.value(values[index] + bias[index % columns], exponential: Exponential.ofNonPositive)
        }
        #expect(matrix.elements.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func nanStaysNaN() {
        var matrix = Matrix<Double>(rows: 1, columns: 2, elements: [.nan, 0])
        Activations.sigmoidOfEachElement(&matrix, addingToEachRow: [0, .nan])
        #expect(matrix.elements.allSatisfy { $0.isNaN })
    }
}
