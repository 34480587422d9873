import DescentCore
import Testing

@testable import DescentNet

/// The sigmoid over a matrix runs in C (`CKernels`, with AVX2 or AVX-512 where the CPU has them):
/// it must give the same bits as the element function it stands for, `Logistic.value` with
/// DescentNet's ``Exponential``, or the network's numbers would depend on the CPU.
@Suite struct SigmoidKernelTests {
    /// Random values over the whole range the exponential sees, with its edges first.
    static func inputs<Scalar: NetScalar>(_ count: Int, seed: UInt32, as _: Scalar.Type) -> [Scalar] {
        var random = NumPyRandom(seed: seed)
        var values = (0..<count).map { _ in Scalar(60 * (random.nextDouble() - 0.5) * random.nextDouble()) }
        let edges: [Double] = [0, -0.0, 1e-300, -1e-300, 709, -709, 745, -745, 87, -87, 88, -88, 1e308, -1e308]
        values[0..<edges.count] = ArraySlice(edges.map { Scalar($0) })
        values[edges.count...(edges.count + 3)] = [.infinity, -.infinity, .greatestFiniteMagnitude, -.ulpOfOne]
        return values
    }

    func sameBitsAsTheElementFunction<Scalar: NetScalar>(_: Scalar.Type, exponential: @escaping (Scalar) -> Scalar) {
        var random = NumPyRandom(seed: 21)
        let (rows, columns) = (37, 53)
        let values = Self.inputs(rows * columns, seed: 22, as: Scalar.self)
        let bias = (0..<columns).map { _ in Scalar(random.nextDouble() - 0.5) }
        var matrix = Matrix<Scalar>(rows: rows, columns: columns, elements: values)
        Activations.sigmoidOfEachElement(&matrix, addingToEachRow: bias)
        let expected = values.indices.map { index in
            Logistic.value(values[index] + bias[index % columns], exponential: exponential)
        }
        // Float to Double is exact and keeps the sign of zero: equal Doubles are equal bits.
        let bits = { (values: [Scalar]) in values.map { Double($0).bitPattern } }
        #expect(bits(matrix.elements) == bits(expected))
    }

    @Test func theDoubleMatrixLoopGivesTheElementFunctionsBits() {
        sameBitsAsTheElementFunction(Double.self, exponential: Exponential.ofNonPositive)
    }

    @Test func theFloatMatrixLoopGivesTheElementFunctionsBits() {
        sameBitsAsTheElementFunction(Float.self, exponential: Exponential.ofNonPositive)
    }

    @Test func nanStaysNaN() {
        var matrix = Matrix<Double>(rows: 1, columns: 2, elements: [.nan, 0])
        Activations.sigmoidOfEachElement(&matrix, addingToEachRow: [0, .nan])
        #expect(matrix.elements.allSatisfy { $0.isNaN })
        var floats = Matrix<Float>(rows: 1, columns: 2, elements: [.nan, 0])
        Activations.sigmoidOfEachElement(&floats, addingToEachRow: [0, .nan])
        #expect(floats.elements.allSatisfy { $0.isNaN })
    }
}
