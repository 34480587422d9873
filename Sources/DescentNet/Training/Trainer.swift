import DescentCore
import Dispatch
import Foundation

/// How to train: the book's `train_neuralnet.py` settings by default.
public struct TrainingConfiguration: Sendable {
    /// Hidden units. Default: 50.
    public var hiddenSize = 50
    /// Updates. Default: 10000.
    public var iterations = 10_000
    /// Images per mini-batch, drawn with replacement (`np.random.choice`). Default: 100.
    public var batchSize = 100
    /// Default: 0.1.
    public var learningRate = 0.1
    /// `np.random.seed(seed)` before the weights are drawn. Default: 0.
    public var seed: UInt32 = 0
    /// Standard deviation of the initial weights. Default: 0.01.
    public var weightInitStd = 0.01
    /// The update rule, one of the book's `common/optimizer.py`. Default: sgd (the book's
    /// `train_neuralnet.py`).
    public var optimizer: OptimizerKind = .sgd
    /// The optimiser's settings besides the learning rate; those not given are the book's
    /// defaults. They must be valid for ``optimizer`` (``OptimizerKind/resolve(_:)`` says whether
    /// they are): training with invalid ones is a precondition failure. Default: none.
    public var hyperparameters: [Hyperparameter: Double] = [:]
    /// Threads that split each product of the training loop. Default: 1. The loss and the accuracy
    /// checks already run on a second thread; splitting the book's small 100×784×50 products as well
    /// was slower on two cores (BENCHMARKS.md).
    public var threads = 1

    public init() {}
}

/// What a training run recorded: the loss after every update and the accuracies at every epoch.
public struct TrainingLog: Sendable {
    public struct Accuracy: Sendable, Equatable {
        /// The iteration the accuracy was measured at (before its update, as the book's loop).
        public let iteration: Int
        public let train: Double
        public let test: Double
    }

    public var learningRate: Double
    /// The optimiser's name (`sgd`, `adam`…). Default: sgd.
    public var optimizer = OptimizerKind.sgd.rawValue
    /// The mini-batch loss, one per iteration (the book's `train_loss_list`).
    public var loss: [Double] = []
    /// Train and test accuracy every epoch (iteration 0, 600, 1200, … for 60,000 images in
    /// batches of 100: 17 points over 10,000 iterations).
    public var accuracy: [Accuracy] = []
    /// Wall-clock seconds the run took.
    public var seconds = 0.0
}

/// Progress of a run, for a progress bar.
public struct TrainingProgress: Sendable {
    /// Iterations whose loss is known (the loss trails the updates by at most one).
    public let iteration: Int
    public let iterations: Int
    public let loss: Double
    public let lastAccuracy: TrainingLog.Accuracy?
    public let elapsed: Double
}

/// The book's mini-batch training loop (`ch04/train_neuralnet.py`), with any of the book's optimisers
/// in place of its SGD update (``NetworkOptimizer``, as `ch06/optimizer_compare_mnist.py`):
/// ```
/// for i in range(iters_num):
///     batch_mask = np.random.choice(train_size, batch_size)
///     grad = network.gradient(x_batch, t_batch)
///     for key in ('W1', 'b1', 'W2', 'b2'): network.params[key] -= learning_rate * grad[key]
///     train_loss_list.append(network.loss(x_batch, t_batch))
///     if i % iter_per_epoch == 0: record train and test accuracy
/// ```
/// With the same seed it draws the same weights and batches as the book's code. Batches,
/// activations and gradients live in buffers made once. Two things run beside the loop, each on a
/// thread of its own (``BackgroundSeries``) and on copies of the network: the loss of each update,
/// overlapping the next gradient and followed by gathering the batch after next (``MiniBatch``), and
/// the accuracy checks, whose 17 passes over 70,000 images cost about a fifth of a run. The training
/// thread computes gradients and updates only, so both cores have work throughout (BENCHMARKS.md).
public enum Trainer {
    /// Trains one network. Specialised for Double and Float, so that callers in other modules get
    /// the compiled loops rather than generic code. Loads the BLAS (``BLASLibrary``) first, if no
    /// product has yet. `observer`, if any, sees the parameters as it asks (``TrainingObserver``).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func train<Scalar: NetScalar>(
        _ dataset: Dataset, configuration: TrainingConfiguration, as _: Scalar.Type = Scalar.self,
        progress: ((TrainingProgress) -> Void)? = nil, observer: TrainingObserver<Scalar>? = nil
    ) -> TrainingLog {
        let start = Date()
        // Before the loss and accuracy threads start: loading touches the environment. Without a
        // BLAS, the first product stops the process with the reason.
        _ = try? BLASLibrary.load(for: Scalar.self)
        var random = NumPyRandom(seed: configuration.seed)
        var network = TwoLayerNet<Scalar>(
            inputSize: dataset.trainImages.columns, hiddenSize: configuration.hiddenSize,
            outputSize: dataset.classCount,
            weightInitStd: configuration.weightInitStd, random: &random)
        let trainSize = dataset.trainImages.rows
        let batchSize = configuration.batchSize
        let iterationsPerEpoch = max(trainSize / batchSize, 1)
        var log = TrainingLog(learningRate: configuration.learningRate)
        log.optimizer = configuration.optimizer.rawValue
        var optimizer: NetworkOptimizer<Scalar>
        do {
            optimizer = try NetworkOptimizer(
                kind: configuration.optimizer, learningRate: configuration.learningRate,
                hyperparameters: configuration.hyperparameters)
        } catch {
            preconditionFailure("training with invalid optimiser settings: \(error)")
        }

        var indices = [Int](repeating: 0, count: batchSize)
        func drawBatch() -> [Int] {
            random.choice(trainSize, into: &indices)
            return indices
        }
        // Three batches: one trains while the loss of the one before is computed, and that
        // computation then gathers the one after next (the rows are drawn here, in the book's order).
        let batches = (0..<3).map { _ in
            MiniBatch<Scalar>(rows: batchSize, columns: dataset.trainImages.columns)
        }
        for slot in 0..<min(2, configuration.iterations) { batches[slot].gather(drawBatch(), from: dataset) }
        var workspace = TwoLayerNet<Scalar>.Workspace(
            batch: batchSize, network: network, threads: configuration.threads)
        var gradients = network.zeroParameters()
        let losses = BackgroundSeries<TwoLayerNet<Scalar>.Workspace, Double>(
            label: "Descent.loss", state: TwoLayerNet<Scalar>.Workspace(batch: batchSize, network: network, threads: 1),
            capacity: configuration.iterations)
        let accuracy = BackgroundSeries<AccuracyMeter<Scalar>, TrainingLog.Accuracy>(
            label: "Descent.accuracy", state: AccuracyMeter(for: network))
        func report(_ iteration: Int, _ loss: Double, _ lastAccuracy: TrainingLog.Accuracy?) {
            progress?(
                TrainingProgress(
                    iteration: iteration, iterations: configuration.iterations, loss: loss,
                    lastAccuracy: lastAccuracy, elapsed: Date().timeIntervalSince(start)))
        }
        observer?.notice(network, after: 0, of: configuration.iterations)
        for iteration in 0..<configuration.iterations {
            let batch = batches[iteration % 3]
            network.gradient(batch.images, labels: batch.labels, workspace: &workspace, into: &gradients)
            // The previous loss is done with its copy of the network (and has gathered this
            // iteration's next batch), so the update changes the weights in place.
            losses.waitForAll()
            optimizer.update(&network, with: gradients)
            observer?.notice(network, after: iteration + 1, of: configuration.iterations)
            let updated = network
            let ahead = iteration + 2 < configuration.iterations ? drawBatch() : nil
            let afterNext = batches[(iteration + 2) % 3]
            losses.append { workspace in
                updated.forward(batch.images, workspace: &workspace)
                let loss = Double(Activations.crossEntropy(workspace.a2, labels: batch.labels))
                if let ahead { afterNext.gather(ahead, from: dataset) }
                return loss
            }
            if iteration % iterationsPerEpoch == 0 {
                accuracy.append { meter in
                    TrainingLog.Accuracy(
                        iteration: iteration,
                        train: meter.accuracy(of: updated, on: dataset.trainImages, labels: dataset.trainLabels),
                        test: meter.accuracy(of: updated, on: dataset.testImages, labels: dataset.testLabels))
                }
            }
            if let latest = losses.latest { report(latest.count, latest.value, accuracy.latest?.value) }
        }
        log.loss = losses.finish()
        log.accuracy = accuracy.finish()
        if let loss = log.loss.last { report(log.loss.count, loss, log.accuracy.last) }
        log.seconds = Date().timeIntervalSince(start)
        return log
    }

    /// Copies the rows `rows` of `images` into `batch` (converting the Float pixels) and their labels.
    static func gather<Scalar: NetScalar>(
        _ images: Matrix<Float>, _ allLabels: [Int], rows: [Int], into batch: inout Matrix<Scalar>, labels: inout [Int]
    ) {
        let width = images.columns
        images.elements.withUnsafeBufferPointer { source in
            batch.elements.withUnsafeMutableBufferPointer { target in
                for (slot, row) in rows.enumerated() {
                    // One row at a time through its own pointers, so that the conversion vectorises.
                    let from = source.baseAddress! + row * width
                    let to = target.baseAddress! + slot * width
                    for column in 0..<width { to[column] = Scalar(from[column]) }
                    labels[slot] = allLabels[row]
                }
            }
        }
    }

    /// Trains one network per configuration, side by side on the cores (each with one thread and
    /// the serial BLAS), and returns their logs in order. `progress` gets the run's index.
    /// Specialised like the single run: generic code here would reach it unspecialised, which is
    /// several times slower.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func train<Scalar: NetScalar>(
        _ dataset: Dataset, configurations: [TrainingConfiguration], as _: Scalar.Type = Scalar.self,
        progress: (@Sendable (Int, TrainingProgress) -> Void)? = nil
    ) -> [TrainingLog] {
        guard configurations.count > 1 else {
            return configurations.map { configuration in
                train(
                    dataset, configuration: configuration, as: Scalar.self,
                    progress: progress.map { report in { report(0, $0) } })
            }
        }
        _ = try? BLASLibrary.load(for: Scalar.self)
        let logs = ResultSlots<TrainingLog>(count: configurations.count)
        DispatchQueue.concurrentPerform(iterations: configurations.count) { index in
            var configuration = configurations[index]
            configuration.threads = 1
            let report = progress.map { report in { (step: TrainingProgress) in report(index, step) } }
            logs.store(train(dataset, configuration: configuration, as: Scalar.self, progress: report), at: index)
        }
        return logs.values
    }
}
