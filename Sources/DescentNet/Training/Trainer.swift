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
    /// defaults. They must be valid for ``optimizer`` (`OptimizerKind.resolve(_:)` says whether
    /// they are): training with invalid ones is a precondition failure. Default: none.
    public var hyperparameters: [Hyperparameter: Double] = [:]
    /// Threads that split each product of the training loop. Default: 1. The loss and the accuracy
    /// checks already run on a second thread; splitting the book's small 100×784×50 products as well
    /// was slower on two cores (BENCHMARKS.md).
    public var threads = 1

    /// The book's settings: every member at its default.
    public init() {}
}

/// What a training run recorded: the loss after every update and the accuracies at every epoch.
public struct TrainingLog: Sendable {
    /// Train and test accuracy measured at one iteration.
    public struct Accuracy: Sendable, Equatable {
        /// The iteration the accuracy was measured at (before its update, as the book's loop).
        public let iteration: Int
        /// The fraction of training images classified correctly, in [0, 1].
        public let train: Double
        /// The fraction of test images classified correctly, in [0, 1].
        public let test: Double

        /// The accuracies measured at `iteration`, each a fraction in 0…1.
        public init(iteration: Int, train: Double, test: Double) {
            self.iteration = iteration
            self.train = train
            self.test = test
        }
    }

    /// The learning rate the run used.
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

    /// The log of a run at `learningRate` with `optimizer` (an `OptimizerKind` raw value), as
    /// ``Trainer`` records it or as read back from another program's numbers.
    public init(
        learningRate: Double, optimizer: String = OptimizerKind.sgd.rawValue, loss: [Double] = [],
        accuracy: [Accuracy] = [], seconds: Double = 0
    ) {
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.loss = loss
        self.accuracy = accuracy
        self.seconds = seconds
    }
}

/// Progress of a run, for a progress bar.
public struct TrainingProgress: Sendable {
    /// Iterations whose loss is known (the loss trails the updates by at most one).
    public let iteration: Int
    /// The number of iterations the run will make.
    public let iterations: Int
    /// The mini-batch loss of iteration ``iteration``.
    public let loss: Double
    /// The latest accuracy measured, or `nil` before the first.
    public let lastAccuracy: TrainingLog.Accuracy?
    /// Wall-clock seconds since the run started.
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
/// thread of its own (`BackgroundSeries`) and on copies of the network: the loss of each update,
/// overlapping the next gradient and followed by gathering the batch after next (`MiniBatch`), and
/// the accuracy checks of the training set, whose 17 passes over 60,000 images cost about a fifth
/// of a run, at a lower priority than the loss. The training thread computes gradients, updates and
/// the test set's accuracy, so both cores have work throughout (`TrainingRun`, BENCHMARKS.md).
public enum Trainer {
    /// Trains one network. Specialised for Double and Float, so that callers in other modules get
    /// the compiled loops rather than generic code. Loads the BLAS (``BLASLibrary``) first, if no
    /// product has yet. The steps of each iteration, and the state they share, are `TrainingRun`'s.
    /// `observer`, if any, sees the parameters as it asks (``TrainingObserver``).
    ///
    /// - Complexity: `iterations` forward-and-backward passes of `batchSize` images, plus one
    ///   accuracy pass over the training and the test set per epoch, plus what `observer` asks.
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
        var run = TrainingRun<Scalar>(dataset, configuration: configuration, start: start, progress: progress)
        observer?.notice(run.network, after: 0, of: configuration.iterations)
        for iteration in 0..<configuration.iterations {
            run.update(iteration)
            observer?.notice(run.network, after: iteration + 1, of: configuration.iterations)
            run.measureLoss(of: iteration)
            if run.startsEpoch(iteration) { run.measureAccuracy(at: iteration) }
            run.reportProgress()
        }
        return run.finish()
    }

    /// Trains one network per configuration, side by side on the cores (each with one thread and
    /// the serial BLAS), and returns their logs in order. `progress` gets the run's index.
    /// Specialised like the single run: generic code here would reach it unspecialised, which is
    /// several times slower.
    ///
    /// - Complexity: the runs' own cost, divided among the cores.
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
