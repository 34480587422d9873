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

    @Test func networksTrainedSideBySideLearnWhatTheyLearnAlone() {
        let images = Matrix<Float>(rows: 120, columns: 6, elements: (0..<720).map { Float(($0 * 7) % 11) / 11 })
        let labels = (0..<120).map { $0 % 3 }
        let dataset = Dataset(
            trainImages: images, trainLabels: labels, testImages: images, testLabels: labels, classCount: 3)
        let configurations = [0.05, 0.5, 5].map { rate in
            var configuration = TrainingConfiguration()
            configuration.iterations = 30
            configuration.batchSize = 12
            configuration.hiddenSize = 4
            configuration.learningRate = rate
            return configuration
        }
        let together = Trainer.train(dataset, configurations: configurations, as: Double.self)
        let alone = configurations.map { Trainer.train(dataset, configuration: $0, as: Double.self) }
        #expect(together.map(\.learningRate) == [0.05, 0.5, 5])
        for (a, b) in zip(together, alone) {
            #expect(maximumRelativeDifference(a.loss, b.loss) < 1e-12)
            #expect(a.accuracy == b.accuracy)
        }
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

    /// The accuracy checks run beside the training, on copies of the network: each must still be
    /// the network of its own iteration, as NumPy measures it.
    @Test func accuracyAtEveryEpochIsNumPys() throws {
        let full = try Self.dataset.get()
        let reference = NetReference.section("fashion_mnist_3000_rows")
        let trainRows = reference["train_rows"] as! Int
        let dataset = Dataset(
            trainImages: full.trainImages.prefix(trainRows),
            trainLabels: Array(full.trainLabels[0..<trainRows]),
            testImages: full.testImages, testLabels: full.testLabels, classCount: full.classCount)
        var configuration = TrainingConfiguration()
        configuration.iterations = 300
        let log = Trainer.train(dataset, configuration: configuration, as: Double.self)
        let numpy = (reference["correct"] as! [[Int]]).map { row in
            TrainingLog.Accuracy(
                iteration: row[0], train: Double(row[1]) / Double(trainRows),
                test: Double(row[2]) / Double(full.testImages.rows))
        }
        #expect(numpy.count == 10)
        #expect(log.accuracy == numpy)
    }
}

@Suite struct SmoothCurveTests {
    /// Against NumPy: x = sin(0.7k) + 0.1k for k = 0…39 through the book's `smooth_curve`
    /// (np.kaiser's I₀ is a Chebyshev fit, ours a series: they agree to about 1e-15).
    @Test func smoothingMatchesTheBooks() {
        let x = (0..<40).map { sin(0.7 * Double($0)) + 0.1 * Double($0) }
        let smooth = smoothCurve(x)
        #expect(smooth.count == 40)
        let head = ["0x1.8668b973545bbp-1", "0x1.7413ada7951fcp-1", "0x1.460f5d47d3b05p-1"].map { Double($0)! }
        let tail = ["0x1.0364d34f82fe1p+2", "0x1.09c33e5db55d2p+2"].map { Double($0)! }
        #expect(maximumRelativeDifference(Array(smooth.prefix(3)), head) < 1e-14)
        #expect(maximumRelativeDifference(Array(smooth.suffix(2)), tail) < 1e-14)
        #expect(abs(kaiserWindow(11, beta: 2)[0] - Double("0x1.c1345acdb96a2p-2")!) < 1e-15)
    }

    /// The estimate of a run's memory, term by term for the book's network (784-50-10, batches
    /// of 100, 10,000 iterations) in Double: 6·39,760 + 3·100·784 + 2·100·110 + 2·1000·894
    /// elements of 8 bytes, and 8 bytes a loss; beside the data set's Float pixels.
    @Test func theMemoryEstimateCountsEveryBufferOfARun() {
        let dataset = Dataset(
            trainImages: Matrix(rows: 10, columns: 784), trainLabels: Array(repeating: 0, count: 10),
            testImages: Matrix(rows: 5, columns: 784), testLabels: Array(repeating: 0, count: 5))
        let book = TrainingConfiguration()
        let run = Double(2_283_760 * 8 + 80_000)
        #expect(Trainer.estimatedMemory(training: [book], on: dataset, as: Double.self) == 15 * 784 * 4 + run)
        let atOnce = Double(min(3, ProcessInfo.processInfo.activeProcessorCount))
        #expect(
            Trainer.estimatedMemory(training: [book, book, book], on: dataset, as: Double.self)
                == 15 * 784 * 4 + atOnce * run)
        #expect(
            Trainer.estimatedMemory(training: [book], on: dataset, as: Float.self) == 15 * 784 * 4 + (run - 80_000) / 2
                + 80_000)
    }

    @Test func logsWriteJSONAndCSV() {
        var log = TrainingLog(learningRate: 0.1)
        log.loss = [2.3, 2.25]
        log.accuracy = [.init(iteration: 0, train: 0.1, test: 0.125)]
        #expect(
            log.json.serialized().hasPrefix(
                #"{"lr": 0.1, "loss": [2.3, 2.25], "accuracy": [{"iteration": 0, "train": 0.1, "test": 0.125}]"#))
        #expect(
            TrainingLog.csv([log])
                == "lr,iteration,loss,train_accuracy,test_accuracy,optimizer\n"
                + "0.1,0,2.3,0.1,0.125,sgd\n0.1,1,2.25,,,sgd\n")
    }
}
