import Foundation
import Testing

@testable import DescentNet

/// The book's functions against NumPy. Element-wise results may differ from NumPy's in the last
/// bit where NumPy's SIMD `exp` and the C library's disagree, hence a 4-ulp tolerance (4.4e-16
/// relative); everything else is exact.
@Suite struct FunctionTests {
    let reference = NetReference.section("functions")
    let tolerance = 4 * Double.ulpOfOne

    @Test func sigmoidAndItsGradientMatchTheBookWithoutOverflow() {
        let x = NetReference.doubles(reference["x"])
        let sigmoid = x.map { Activations.sigmoid($0) }
        #expect(maximumRelativeDifference(sigmoid, NetReference.doubles(reference["sigmoid"])) <= tolerance)
        let gradient = x.map { Activations.sigmoidGradient($0) }
        #expect(
            maximumRelativeDifference(gradient, NetReference.doubles(reference["sigmoid_grad"]), floor: 1e-300) <= 1e-15
        )
        #expect(sigmoid.allSatisfy(\.isFinite) && sigmoid.first == 0 && sigmoid.last == 1)
        #expect(Activations.sigmoid(Float(-200)) == 0 && Activations.sigmoid(Float(200)) == 1)
    }

    @Test func reluAndItsFixedGradient() {
        let x = NetReference.doubles(reference["x"])
        #expect(x.map { Activations.relu($0) } == NetReference.doubles(reference["relu"]))
        #expect(x.map { Activations.reluGradient($0) } == NetReference.doubles(reference["relu_grad"]))
        #expect(Activations.step(0.5) == 1.0 && Activations.step(-0.5) == 0.0 && Activations.identity(3.0) == 3.0)
    }

    @Test func softmaxSubtractsTheMaximumAndMatchesNumPy() {
        var logits = Matrix(rows: 3, columns: 3, elements: NetReference.doubles(reference["logits"]))
        Activations.softmaxRows(&logits)
        #expect(maximumRelativeDifference(logits.elements, NetReference.doubles(reference["softmax"])) <= tolerance)
        for row in 0..<3 { #expect(abs((0..<3).map { logits[row, $0] }.reduce(0, +) - 1) < 1e-15) }
    }

    @Test func lossesMatchTheBook() {
        var y = Matrix(rows: 3, columns: 3, elements: NetReference.doubles(reference["logits"]))
        Activations.softmaxRows(&y)
        let labels = reference["labels"] as! [Int]
        let expected = NetReference.double(reference["cross_entropy"])
        #expect(abs(Activations.crossEntropy(y, labels: labels) - expected) / expected <= tolerance)
        let oneHot = Matrix(
            rows: 3, columns: 3, elements: labels.flatMap { label in (0..<3).map { $0 == label ? 1.0 : 0.0 } })
        #expect(Activations.crossEntropy(y, oneHot: oneHot) == Activations.crossEntropy(y, labels: labels))
        let logits = Matrix(rows: 3, columns: 3, elements: NetReference.doubles(reference["logits"]))
        #expect(Activations.softmaxLoss(logits, labels: labels) == Activations.crossEntropy(y, labels: labels))
        let mse = Activations.meanSquaredError(
            NetReference.doubles(reference["mse_y"]), NetReference.doubles(reference["mse_t"]))
        #expect(mse == NetReference.double(reference["mse"]))
    }

    @Test func aCertainWrongAnswerCostsLogOf1e7NotInfinity() {
        let y = Matrix(rows: 1, columns: 2, elements: [1.0, 0.0])
        #expect(abs(Activations.crossEntropy(y, labels: [1]) - (-log(1e-7))) < 1e-12)
    }
}
