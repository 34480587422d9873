import Foundation

/// One run of ``Trainer``'s loop, from the initial weights to its ``TrainingLog``: the network and
/// its optimiser, the generator that draws the batches, three mini-batches, the training workspace
/// and gradients, and the two series beside the loop (the loss of each update, the accuracy every
/// epoch). `Trainer.train` makes one and, for each iteration, calls ``update(_:)``,
/// ``measureLoss(of:)``, ``measureAccuracy(at:)`` at the start of an epoch and ``reportProgress()``;
/// then ``finish()``.
///
/// The batches rotate through three slots. Iteration i trains on slot i mod 3; meanwhile the loss
/// thread computes the loss of iteration i − 1 on slot (i − 1) mod 3 and then gathers the batch of
/// iteration i + 1 into slot (i + 1) mod 3. Every batch's rows are drawn on the training thread, in
/// the book's order: the weights first, then one `np.random.choice` per iteration. The loss thread
/// is idle whenever ``update(_:)`` has returned, so ``network`` then holds the weights after that
/// update, before any later one.
///
/// The accuracy at each epoch is split between the cores: the accuracy thread measures the training
/// set and the rest of the test set at a lower priority than the loss, which the training thread
/// waits for at every update, and the training thread measures the first part of the test set
/// itself (``testShare``). In Double, with half of the test set there (65 of the 70 chunks of
/// 1,000 images on the accuracy thread), each core carries about 1,250 products of the batch's
/// size per epoch of 600 iterations: the training thread its two an iteration and 50 for the
/// test set, the other core the loss's one and the 650 of the accuracy. `perf` samples per
/// thread over 3,000 iterations (Zen 4, BLIS): 50 % on the training thread, 49 % on the other two;
/// 47 % and 52 % with all of the accuracy on the accuracy thread, 53 % and 46 % with all of the
/// test set on the training thread. In Float, where gathering a batch weighs more beside the
/// products, half of the test set left 47 % and 52 % over a whole run, all of it 52 % and 48 %,
/// three quarters 48 % and 52 % (single runs on a shared machine, within about 2 % of each other
/// when repeated): three quarters go to the training thread.
struct TrainingRun<Scalar: NetScalar> {
    private let dataset: Dataset
    private let configuration: TrainingConfiguration
    /// The weights, updated in place on the training thread.
    private(set) var network: TwoLayerNet<Scalar>
    private var optimizer: NetworkOptimizer<Scalar>
    /// Seeded with the configuration's seed; draws the weights, then every batch's rows.
    private var random: NumPyRandom
    /// The rows last drawn, reused from one draw to the next.
    private var rows: [Int]
    private let batches: [MiniBatch<Scalar>]
    private var workspace: TwoLayerNet<Scalar>.Workspace
    private var gradients: TwoLayerNet<Scalar>.Parameters
    private let losses: BackgroundSeries<TwoLayerNet<Scalar>.Workspace, Double>
    /// Each epoch's iteration, training set accuracy, and correct count in the test set's rows
    /// from `testSplit` on.
    private let accuracySeries: BackgroundSeries<AccuracyMeter<Scalar>, EpochAccuracy>
    /// Each epoch's correct count in the test set's rows before `testSplit`, measured on the
    /// training thread with `testMeter`.
    private var testCorrect: [Int] = []
    private var testMeter: AccuracyMeter<Scalar>
    /// The first test row the accuracy thread measures: ``testShare`` of the set, in whole chunks.
    private let testSplit: Int

    /// What the accuracy thread measures at an epoch.
    private struct EpochAccuracy {
        let iteration: Int
        let train: Double
        let testCorrect: Int
    }
    /// Iterations per pass over the training set (at least 1): 600 for 60,000 images in batches of 100.
    private let iterationsPerEpoch: Int
    private let start: Date
    private let progress: ((TrainingProgress) -> Void)?

    /// A run of `configuration` on `dataset` that started at `start`: draws the initial weights and
    /// the rows of the first two batches, and gathers those batches. `progress`, if any, hears
    /// from ``reportProgress()`` and ``finish()``.
    ///
    /// - Precondition: the configuration's optimiser settings are valid
    ///   (`OptimizerKind.resolve(_:)`).
    init(
        _ dataset: Dataset, configuration: TrainingConfiguration, start: Date,
        progress: ((TrainingProgress) -> Void)?
    ) {
        self.dataset = dataset
        self.configuration = configuration
        self.start = start
        self.progress = progress
        random = NumPyRandom(seed: configuration.seed)
        network = TwoLayerNet(
            inputSize: dataset.trainImages.columns, hiddenSize: configuration.hiddenSize,
            outputSize: dataset.classCount,
            weightInitStd: configuration.weightInitStd, random: &random)
        do {
            optimizer = try NetworkOptimizer(
                kind: configuration.optimizer, learningRate: configuration.learningRate,
                hyperparameters: configuration.hyperparameters)
        } catch {
            preconditionFailure("training with invalid optimiser settings: \(error)")
        }
        let batchSize = configuration.batchSize
        iterationsPerEpoch = max(dataset.trainImages.rows / batchSize, 1)
        rows = Array(repeating: 0, count: batchSize)
        batches = (0..<3).map { _ in MiniBatch(rows: batchSize, columns: dataset.trainImages.columns) }
        workspace = TwoLayerNet.Workspace(batch: batchSize, network: network, threads: configuration.threads)
        gradients = network.zeroParameters()
        losses = BackgroundSeries(
            label: "Descent.loss", state: TwoLayerNet.Workspace(batch: batchSize, network: network, threads: 1),
            capacity: configuration.iterations)
        accuracySeries = BackgroundSeries(
            label: "Descent.accuracy", state: AccuracyMeter(for: network), niceness: Self.accuracyNiceness)
        testMeter = AccuracyMeter(for: network)
        let chunks = (Double(dataset.testImages.rows) * Self.testShare / Double(testMeter.chunk)).rounded(.down)
        testSplit = min(dataset.testImages.rows, Int(chunks) * testMeter.chunk)
        for slot in 0..<min(2, configuration.iterations) { batches[slot].gather(drawRows(), from: dataset) }
    }

    /// The rows of the next batch (the book's `np.random.choice(train_size, batch_size)`).
    private mutating func drawRows() -> [Int] {
        random.choice(dataset.trainImages.rows, into: &rows)
        return rows
    }

    /// Iteration `iteration`'s step: the gradient on its batch, then the optimiser's update of
    /// ``network``, once the loss of the iteration before has let go of the weights and has
    /// gathered this iteration's next batch.
    mutating func update(_ iteration: Int) {
        let batch = batches[iteration % 3]
        network.gradient(batch.images, labels: batch.labels, workspace: &workspace, into: &gradients)
        // The previous loss is done with its copy of the network, so the update changes the
        // weights in place.
        losses.waitForAll()
        optimizer.update(&network, with: gradients)
    }

    /// Starts computing the loss of iteration `iteration`'s batch under the updated network (the
    /// book's `train_loss_list.append(network.loss(x_batch, t_batch))`) on the loss thread, which
    /// then gathers the batch of iteration `iteration + 2`, whose rows are drawn here.
    mutating func measureLoss(of iteration: Int) {
        let (updated, batch) = (network, batches[iteration % 3])
        let ahead = iteration + 2 < configuration.iterations ? drawRows() : nil
        let afterNext = batches[(iteration + 2) % 3]
        let dataset = dataset
        losses.append { workspace in
            updated.forward(batch.images, workspace: &workspace)
            let loss = Double(Activations.crossEntropy(workspace.a2, labels: batch.labels))
            if let ahead { afterNext.gather(ahead, from: dataset) }
            return loss
        }
    }

    /// Whether iteration `iteration` starts an epoch, where the book records the accuracies.
    func startsEpoch(_ iteration: Int) -> Bool { iteration % iterationsPerEpoch == 0 }

    /// The share of the test set whose accuracy the training thread measures (the first rows, in
    /// whole chunks of the meter): half in Double, three quarters in Float, as measured above.
    static var testShare: Double { Scalar.self == Float.self ? 0.75 : 0.5 }

    /// The accuracy thread's Linux nice value: 10, a tenth of the loss thread's share of a core
    /// when both want it (CFS weights 110 against 1024), so that the loss is ready when the
    /// training thread needs it while the accuracy passes still fill every idle moment.
    static var accuracyNiceness: Int32 { 10 }

    /// Measures the updated network's accuracy as iteration `iteration`'s: starts the training set
    /// and the second part of the test set on the accuracy thread, then measures the first part of
    /// the test set here.
    mutating func measureAccuracy(at iteration: Int) {
        let (updated, dataset, split) = (network, dataset, testSplit)
        accuracySeries.append { meter in
            EpochAccuracy(
                iteration: iteration,
                train: meter.accuracy(of: updated, on: dataset.trainImages, labels: dataset.trainLabels),
                testCorrect: meter.correctCount(
                    of: updated, on: dataset.testImages, labels: dataset.testLabels,
                    rows: split..<dataset.testImages.rows))
        }
        testCorrect.append(
            testMeter.correctCount(
                of: network, on: dataset.testImages, labels: dataset.testLabels, rows: 0..<testSplit))
    }

    /// The accuracy of epoch `index` (counted from 0), from the accuracy thread's `measured` part:
    /// the test set's fraction is the two parts' counts over its rows, as one pass computes it.
    private func epochAccuracy(_ index: Int, measured: EpochAccuracy) -> TrainingLog.Accuracy {
        let correct = measured.testCorrect + testCorrect[index]
        return TrainingLog.Accuracy(
            iteration: measured.iteration, train: measured.train,
            test: Double(correct) / Double(dataset.testImages.rows))
    }

    /// Tells `progress` the latest loss that is in, if any, without waiting for the others.
    func reportProgress() {
        guard let latest = losses.latest else { return }
        let lastAccuracy = accuracySeries.latest.map { epochAccuracy($0.count - 1, measured: $0.value) }
        report(latest.count, latest.value, lastAccuracy)
    }

    /// Waits for every loss and accuracy, reports the last, and returns the log.
    func finish() -> TrainingLog {
        var log = TrainingLog(learningRate: configuration.learningRate)
        log.optimizer = configuration.optimizer.rawValue
        log.loss = losses.finish()
        log.accuracy = accuracySeries.finish().enumerated().map { epochAccuracy($0.offset, measured: $0.element) }
        if let loss = log.loss.last { report(log.loss.count, loss, log.accuracy.last) }
        log.seconds = Date().timeIntervalSince(start)
        return log
    }

    private func report(_ iteration: Int, _ loss: Double, _ lastAccuracy: TrainingLog.Accuracy?) {
        progress?(
            TrainingProgress(
                iteration: iteration, iterations: configuration.iterations, loss: loss,
                lastAccuracy: lastAccuracy, elapsed: Date().timeIntervalSince(start)))
    }
}
