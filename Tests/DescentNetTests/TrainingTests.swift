import Foundation
import Testing

@testable import DescentNet

/// The book's training loop on Fashion-MNIST (Debian's `dataset-fashion-mnist`, which `.ci/run`
/// installs), against the losses of the book's NumPy code with the same seed.
@Suite(.serialized) struct TrainingTests {
    static let dataset = Result { try Dataset.load() }

    @Test func threeHundredIterationsLoseWhatNumPyLoses() throws {
        let dataset = try Self.dataset.get()
        #expect(
            dataset.trainImages.rows == 60000 && dataset.testImages.rows == 10000 && dataset.trainImages.columns == 784)
        var configuration = TrainingConfiguration()
        configuration.iterations = 300
        let log = Trainer.train(dataset, configuration: configuration, as: Double.self)
        let numpy = NetReference.doubles(NetReference.section("fashion_mnist_300")["loss"])
        #expect(log.loss.count == 300)
        // Same weights, same batches; only the order of BLAS's sums differs from NumPy's.
        let worst = maximumRelativeDifference(log.loss, numpy)
        #expect(worst < 1e-9, "largest relative difference \(worst)")
        #expect(log.accuracy.map(\.iteration) == [0])
    }

    @Test func singlePrecisionFollowsTheSameCurve() throws {
        let dataset = try Self.dataset.get()
        var configuration = TrainingConfiguration()
        configuration.iterations = 300
        let log = Trainer.train(dataset, configuration: configuration, as: Float.self)
        let numpy = NetReference.doubles(NetReference.section("fashion_mnist_300")["loss"])
        #expect(maximumRelativeDifference(log.loss, numpy) < 1e-3)
    }

    @Test func accuracyIsMeasuredEveryEpoch() throws {
        let images = Matrix<Float>(rows: 200, columns: 4, elements: (0..<800).map { Float($0 % 7) / 7 })
        let labels = (0..<200).map { $0 % 3 }
        let dataset = Dataset(
            trainImages: images, trainLabels: labels, testImages: images, testLabels: labels, classCount: 3)
        var configuration = TrainingConfiguration()
        configuration.iterations = 45
        configuration.batchSize = 10
        configuration.hiddenSize = 5
        let log = Trainer.train(dataset, configuration: configuration, as: Double.self)
        // 200 images in batches of 10: an epoch is 20 iterations.
        #expect(log.accuracy.map(\.iteration) == [0, 20, 40])
        #expect(log.accuracy.allSatisfy { (0...1).contains($0.train) && (0...1).contains($0.test) })
    }
}
