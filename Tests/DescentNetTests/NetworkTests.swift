import Foundation
import Testing

@testable import DescentNet

@Suite struct NetworkTests {
    let reference = NetReference.section("small_net")

    /// The small net of the fixture: np.random.seed(7), TwoLayerNet(6, 4, 3, weight_init_std=0.5).
    func smallNet() -> (TwoLayerNet<Double>, Matrix<Double>, [Int]) {
        var random = NumPyRandom(seed: 7)
        let network = TwoLayerNet<Double>(
            inputSize: 6, hiddenSize: 4, outputSize: 3, weightInitStd: 0.5, random: &random)
        let x = Matrix(rows: 5, columns: 6, elements: NetReference.doubles(reference["x"]))
        return (network, x, reference["labels"] as! [Int])
    }

    @Test func predictionLossAndAccuracyMatchNumPy() {
        let (network, x, labels) = smallNet()
        #expect(
            maximumRelativeDifference(network.predict(x).elements, NetReference.doubles(reference["predict"])) < 1e-14)
        let loss = NetReference.double(reference["loss"])
        #expect(abs(network.loss(x, labels: labels) - loss) / loss < 1e-14)
        #expect(network.accuracy(x, labels: labels) == reference["accuracy"] as! Double)
    }

    @Test func backpropMatchesTheBooksGradient() {
        let (network, x, labels) = smallNet()
        let gradients = network.gradient(x, labels: labels)
        let expected = reference["gradient"] as! [String: Any]
        #expect(
            maximumRelativeDifference(gradients.w1.elements, NetReference.doubles(expected["W1"]), floor: 1e-12) < 1e-12
        )
        #expect(maximumRelativeDifference(gradients.b1, NetReference.doubles(expected["b1"]), floor: 1e-12) < 1e-12)
        #expect(
            maximumRelativeDifference(gradients.w2.elements, NetReference.doubles(expected["W2"]), floor: 1e-12) < 1e-12
        )
        #expect(maximumRelativeDifference(gradients.b2, NetReference.doubles(expected["b2"]), floor: 1e-12) < 1e-12)
    }

    @Test func bothNumericalGradientsMatchNumPysAndEachOther() {
        let (network, x, labels) = smallNet()
        let expected = reference["numerical_gradient"] as! [String: Any]
        let full = network.numericalGradientByFullEvaluation(x, labels: labels)
        let fast = network.numericalGradient(x, labels: labels)
        for (name, values, fastValues) in [
            ("W1", full.w1.elements, fast.w1.elements), ("b1", full.b1, fast.b1),
            ("W2", full.w2.elements, fast.w2.elements),
            ("b2", full.b2, fast.b2),
        ] {
            let numpy = NetReference.doubles(expected[name])
            #expect(zip(values, numpy).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name) full vs NumPy")
            #expect(zip(fastValues, values).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name) fast vs full")
        }
    }

    /// Backprop differentiates −log y where the numerical gradient differentiates the book's loss
    /// −log(y + 1e-7): their derivatives differ by (1 − y)·1e-7/y per sample, up to 3e-7 while the
    /// untrained net gives each class y ≈ 1/4. After 300 steps on its batch (y ≈ 0.9 for the true
    /// class) that bias is about 1e-8, and what remains is the agreement of the two methods.
    @Test func backpropAgreesWithTheNumericalGradientOnRandomNetworks() {
        for seed: UInt32 in [1, 2, 3] {
            var random = NumPyRandom(seed: seed)
            var network = TwoLayerNet<Double>(
                inputSize: 12, hiddenSize: 7, outputSize: 4, weightInitStd: 0.3, random: &random)
            let x = Matrix(rows: 6, columns: 12, elements: (0..<72).map { _ in random.nextDouble() })
            let labels = random.choice(4, count: 6)
            for _ in 0..<300 { network.update(with: network.gradient(x, labels: labels), learningRate: 1) }
            let backprop = network.gradient(x, labels: labels)
            let numerical = network.numericalGradient(x, labels: labels)
            let difference = zip(
                backprop.w1.elements + backprop.b1 + backprop.w2.elements + backprop.b2,
                numerical.w1.elements + numerical.b1 + numerical.w2.elements + numerical.b2
            ).map { abs($0 - $1) }.max()!
            #expect(difference < 1e-7, "seed \(seed): \(difference)")
        }
    }

    @Test func theFastNumericalGradientMatchesFullEvaluationOnTheBooksShape() {
        var random = NumPyRandom(seed: 0)
        let network = TwoLayerNet<Double>(inputSize: 784, hiddenSize: 50, outputSize: 10, random: &random)
        let x = Matrix(
            rows: 3, columns: 784,
            elements: (0..<(3 * 784)).map { _ in random.nextDouble() < 0.5 ? 0 : random.nextDouble() })
        let labels = [3, 7, 1]
        let fast = network.numericalGradient(x, labels: labels)
        // Full evaluation of the 2 × 39,760 losses is slow; check a spread of parameters.
        var copy = network
        let h = 1e-4
        for index in stride(from: 0, to: network.w1.elements.count, by: 997) {
            let saved = copy.w1.elements[index]
            copy.w1.elements[index] = saved + h
            let forward = copy.loss(x, labels: labels)
            copy.w1.elements[index] = saved - h
            let backward = copy.loss(x, labels: labels)
            copy.w1.elements[index] = saved
            #expect(abs((forward - backward) / (2 * h) - fast.w1.elements[index]) < 1e-9, "W1[\(index)]")
        }
    }

    @Test func updatesMoveAgainstTheGradient() {
        var (network, x, labels) = smallNet()
        let before = network.loss(x, labels: labels)
        for _ in 0..<20 { network.update(with: network.gradient(x, labels: labels), learningRate: 0.5) }
        #expect(network.loss(x, labels: labels) < before)
    }

    @Test func floatNetworksComputeTheSameInSinglePrecision() {
        let (network, x, labels) = smallNet()
        let single = TwoLayerNet<Float>(
            w1: network.w1.converted(), b1: network.b1.map(Float.init), w2: network.w2.converted(),
            b2: network.b2.map(Float.init))
        let loss = Double(single.loss(x.converted(), labels: labels))
        #expect(abs(loss - network.loss(x, labels: labels)) < 1e-5)
    }
}
