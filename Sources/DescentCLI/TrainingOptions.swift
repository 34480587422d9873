import ArgumentParser
import DescentCore
import DescentNet
import Foundation

/// The flags of a training run of the book's network, shared by `descent train` and `descent
/// landscape` so that both train exactly alike: sizes, iterations, learning rates and optimisers,
/// seed, precision and data; with the configurations they make, the memory check and the run.
struct TrainingOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "Hidden units.",
        transform: { try ArgumentValues.count($0, name: "hidden units", upTo: 10_000) })
    var hidden = 50

    @Option(
        parsing: .unconditional, help: "Training iterations (mini-batch updates).",
        transform: {
            try ArgumentValues.count($0, name: "iterations", upTo: 1_000_000)
        })
    var iters = 10_000

    @Option(
        parsing: .unconditional, help: "Images per mini-batch.",
        transform: { try ArgumentValues.count($0, name: "images", upTo: 60_000) })
    var batch = 100

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp(
            "Learning rates, comma-separated: one network each. Default: 0.1; with --optimizer, the book's "
                + "rate for each (0.01, Adam 0.001).",
            valueName: "rates"),
        transform: ArgumentValues.learningRates)
    var learningRates: [Double]?

    @Option(
        name: .customLong("optimizer"), parsing: .unconditional,
        help: ArgumentHelp(
            "The update rule: sgd, momentum, nesterov, adagrad, rmsprop or adam; several, comma-separated, "
                + "train one network each. Default: sgd.",
            valueName: "names"),
        transform: ArgumentValues.optimizers)
    var optimizers: [OptimizerKind]?

    @OptionGroup var settings: OptimizerOptions

    @Option(
        parsing: .unconditional, help: "np.random.seed for the weights and the batches.", transform: ArgumentValues.seed
    )
    var seed: UInt32 = 0

    @Option(help: "double (the book's float64) or float (float32, faster).")
    var precision: Precision = .double

    @OptionGroup var dataSource: DataOptions

    enum Precision: String, ExpressibleByArgument, CaseIterable {
        case double, float
    }

    /// The training data, with `--batch` checked against its size.
    func loadData() throws(CommandError) -> Dataset {
        let dataset = try dataSource.load()
        guard batch <= dataset.trainImages.rows else {
            throw CommandError.usage("--batch \(batch): the data has only \(dataset.trainImages.rows) training images")
        }
        return dataset
    }

    /// The BLAS for `--precision`, loaded now (``BLASLibrary/load(for:)``), or the reason there is
    /// none as a failure with exit code 69 (EX_UNAVAILABLE).
    func loadBLAS() throws(CommandError) -> BLASLibrary {
        do {
            return
                switch precision
            {
            case .double: try BLASLibrary.load(for: Double.self)
            case .float: try BLASLibrary.load(for: Float.self)
            }
        } catch { throw CommandError(message: error.description, exitCode: 69) }
    }

    /// The share of the machine's memory a training run may take: half, so that the machine
    /// stays usable while it trains.
    static let memoryShare = 0.5

    /// Refuses, before any work, a run whose estimated peak (``Trainer/estimatedMemory``) is more
    /// than ``memoryShare`` of the machine's memory, naming the flags that lower it.
    /// `extraBytes` is what the command keeps besides training (the landscape's snapshots), and
    /// `lowerAlso` the command's own flags that lower it.
    func checkMemory(
        for dataset: Dataset, training configurations: [TrainingConfiguration], extraBytes: Double = 0,
        lowerAlso: [String] = []
    ) throws(CommandError) {
        let training =
            switch precision {
            case .double: Trainer.estimatedMemory(training: configurations, on: dataset, as: Double.self)
            case .float: Trainer.estimatedMemory(training: configurations, on: dataset, as: Float.self)
            }
        let needed = training + extraBytes
        let machine = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed > machine * Self.memoryShare else { return }
        let gigabytes = { (bytes: Double) in String(format: "%.1f GB", bytes / 1e9) }
        let byOptimiser = (optimizers?.count ?? 0) > 1
        let several =
            configurations.count == 1
            ? "" : " with \(configurations.count) \(byOptimiser ? "optimisers" : "learning rates")"
        let lower =
            ["--batch", "--hidden"]
            + (configurations.count > 1 ? [byOptimiser ? "fewer optimisers" : "fewer --lr values"] : [])
            + (precision == .double ? ["--precision float"] : []) + lowerAlso
        throw .usage(
            "--hidden \(hidden) --batch \(batch)\(several): "
                + "training would need about \(gigabytes(needed)) of memory, more than half of this machine's "
                + "\(gigabytes(machine)); lower it with \(lower.joined(separator: ", "))")
    }

    /// The learning rate of `descent train` with neither `--lr` nor `--optimizer`: the book's
    /// `train_neuralnet.py`.
    static let bookLearningRate = 0.1

    /// One configuration per network, with the flags' settings: one per learning rate, or one per
    /// optimiser (several of both is refused: which rate would go with which optimiser?). Each
    /// optimiser gets the settings it has (`--momentum` goes to momentum and nesterov only), and a
    /// setting that none of the optimisers has is refused.
    func configurations() throws(CommandError) -> [TrainingConfiguration] {
        let kinds = optimizers ?? [.sgd]
        try settings.check(for: kinds)
        let runs: [(kind: OptimizerKind, rate: Double)]
        switch (optimizers, learningRates) {
        case (let kinds?, let rates?) where kinds.count > 1 && rates.count > 1:
            throw .usage(
                "--optimizer \(kinds.map(\.rawValue).joined(separator: ",")) with --lr "
                    + "\(rates.map(NumberText.shortest).joined(separator: ",")): give several optimisers or "
                    + "several learning rates, not both")
        case (nil, let rates):
            runs = (rates ?? [Self.bookLearningRate]).map { (.sgd, $0) }
        case (let kinds?, nil):
            runs = kinds.map { ($0, $0.bookLearningRate) }
        case (let kinds?, let rates?):
            runs = kinds.count > 1 ? kinds.map { ($0, rates[0]) } : rates.map { (kinds[0], $0) }
        }
        let given = settings.hyperparameters
        return runs.map { run in
            var configuration = TrainingConfiguration()
            configuration.hiddenSize = hidden
            configuration.iterations = iters
            configuration.batchSize = batch
            configuration.learningRate = run.rate
            configuration.optimizer = run.kind
            configuration.hyperparameters = given.filter { run.kind.hyperparameters.contains($0.key) }
            configuration.seed = seed
            return configuration
        }
    }

    /// One network per configuration, side by side on the cores when there are several.
    func train(_ configurations: [TrainingConfiguration], on dataset: Dataset) -> [TrainingLog] {
        let bar = ProgressBar(total: iters * configurations.count)
        var report: (@Sendable (Int, TrainingProgress) -> Void)?
        if let bar {
            report = { run, progress in bar.advance(run: run, to: progress) }
        }
        let logs: [TrainingLog]
        switch precision {
        case .double: logs = Trainer.train(dataset, configurations: configurations, as: Double.self, progress: report)
        case .float: logs = Trainer.train(dataset, configurations: configurations, as: Float.self, progress: report)
        }
        bar?.finish()
        return logs
    }
}
