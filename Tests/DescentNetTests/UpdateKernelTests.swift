import Testing

@testable import DescentNet

/// The SGD step runs in C (`CKernels`): every parameter must be p − lr·g with the product rounded
/// first, bit for bit as the loop written out here computes it.
@Suite struct UpdateKernelTests {
    func sameBitsAsTheLoop<Scalar: NetScalar>(_: Scalar.Type) {
        var random = NumPyRandom(seed: 41)
        let draw = { (count: Int) in (0..<count).map { _ in Scalar(random.nextGaussian()) } }
        var network = TwoLayerNet<Scalar>(
            w1: Matrix(rows: 37, columns: 13, elements: draw(37 * 13)), b1: draw(13),
            w2: Matrix(rows: 13, columns: 3, elements: draw(13 * 3)), b2: draw(3))
        let gradients = TwoLayerNet<Scalar>.Parameters(
            w1: Matrix(rows: 37, columns: 13, elements: draw(37 * 13)), b1: draw(13),
            w2: Matrix(rows: 13, columns: 3, elements: draw(13 * 3)), b2: draw(3))
        let rate = Scalar(0.1)
        let step = { (p: [Scalar], g: [Scalar]) in zip(p, g).map { p, g in p - rate * g } }
        let expected = [
            step(network.w1.elements, gradients.w1.elements), step(network.b1, gradients.b1),
            step(network.w2.elements, gradients.w2.elements), step(network.b2, gradients.b2),
        ]
        network.update(with: gradients, learningRate: rate)
        let bits = { (values: [Scalar]) in values.map { Double($0).bitPattern } }
        #expect(
            [network.w1.elements, network.b1, network.w2.elements, network.b2].map(bits) == expected.map(bits))
    }

    @Test func doubleStepsGiveTheLoopsBits() { sameBitsAsTheLoop(Double.self) }

    @Test func floatStepsGiveTheLoopsBits() { sameBitsAsTheLoop(Float.self) }
}
