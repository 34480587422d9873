import ArgumentParser
import Descent
import DescentCore
import DescentNet
import DescentPlot
import Foundation

/// `descent train`: the book's two-layer network trained by mini-batch SGD or another of the book's
/// optimisers, with its charts.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the book's two-layer network on MNIST-format data and chart its loss and accuracy.",
        discussion: """
            The book's train_neuralnet.py: a 784-50-10 sigmoid/softmax network, 10000 mini-batch SGD \
            steps of 100 images drawn with replacement, lr 0.1, the loss recorded after every step and \
            train/test accuracy every epoch (600 steps). With --seed s it starts from the weights and \
            draws the batches that np.random.seed(s) gives the book's code. The data defaults to \
            Debian's Fashion-MNIST; --data-dir takes any folder of MNIST-format files.

            Several learning rates (--lr 0.01,0.1,1) train one network each, from the same seed, on \
            all cores, and the loss chart overlays them.

            --optimizer sgd|momentum|nesterov|adagrad|rmsprop|adam replaces SGD's update with one of \
            the book's chapter-6 optimisers (common/optimizer.py), with --momentum, --decay, --beta1 \
            and --beta2 as for trajectory. Given --optimizer and no --lr, each optimiser takes its \
            rate in the book's code: 0.01, and 0.001 for Adam (without --optimizer the run is \
            train_neuralnet.py's, SGD at lr 0.1). Several optimisers (--optimizer \
            sgd,momentum,adagrad,adam, the book's optimizer_compare_mnist.py) train one network each, \
            and the loss chart overlays them, labelled by optimiser, with markers every 100 \
            iterations, into output/optimizer_comparison_net.png.

            The loss chart goes to --output (default output/train_loss.png, or \
            output/lr_comparison_net.png for several rates); the accuracy chart to --accuracy-output, \
            by default train_accuracy beside the loss chart, in its format (--output runs/loss.svg \
            puts it in runs/train_accuracy.svg). --xlim and --ylim set the loss chart's iteration and \
            loss ranges; the accuracy chart always shows every epoch from 0 to 1. Every output path is \
            checked before training starts.

            Example:
              $ descent train --iters 2000 --output loss.svg --accuracy-output accuracy.svg
            """
    )

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

    @Option(
        name: .customLong("accuracy-output"),
        help: ArgumentHelp(
            "Draw the accuracy chart to FILE. Default: train_accuracy beside --output, in its format.",
            valueName: "file"))
    var accuracyOutput: String?

    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    enum Precision: String, ExpressibleByArgument, CaseIterable {
        case double, float
    }

    func run() throws {
        try outputs.check()
        let configurations = try configurations()
        let comparingOptimizers = (optimizers?.count ?? 0) > 1
        let lossPath = try figureOptions.destination(
            defaultName: comparingOptimizers
                ? "optimizer_comparison_net" : configurations.count > 1 ? "lr_comparison_net" : "train_loss",
            panels: 1)
        let accuracyPath = try accuracyDestination(besides: lossPath)
        let font = try FigureOptions.font()
        let dataset = try dataSource.load()
        guard batch <= dataset.trainImages.rows else {
            throw CommandError.usage("--batch \(batch): the data has only \(dataset.trainImages.rows) training images")
        }
        try checkMemory(for: dataset, training: configurations)
        let blas: BLASLibrary
        do {
            blas =
                switch precision {
                case .double: try BLASLibrary.load(for: Double.self)
                case .float: try BLASLibrary.load(for: Float.self)
                }
        } catch { throw CommandError(message: error.description, exitCode: 69) }
        let logs = train(configurations, on: dataset)
        let runs = logs.map { TrainingFigures.Run($0, labelledBy: comparingOptimizers ? .optimizer : .learningRate) }
        let size = (width: figureOptions.width, height: figureOptions.height, dpi: figureOptions.dpi)
        try figureOptions.save(
            TrainingFigures.loss(
                runs, title: figureOptions.title, xLimits: figureOptions.xlim, yLimits: figureOptions.ylim,
                width: size.width, height: size.height, dpi: size.dpi), to: lossPath, font: font)
        try figureOptions.save(
            TrainingFigures.accuracy(
                runs, title: figureOptions.title, width: size.width, height: size.height, dpi: size.dpi),
            to: accuracyPath, flag: "--accuracy-output", font: font)
        try outputs.writeData(
            json: logs.count == 1 ? logs[0].json : .array(logs.map(\.json)), csv: TrainingLog.csv(logs))
        if outputs.json {
            try StandardStreams.print(summary(logs, blas: blas).serialized())
        } else {
            for log in logs {
                let last = log.accuracy.last
                let optimizer = optimizers == nil ? "" : "\(log.optimizer), "
                try StandardStreams.print(
                    "\(optimizer)lr \(NumberText.shortest(log.learningRate)): final loss \(String(format: "%.4f", log.loss.last ?? .nan)), "
                        + "train accuracy \(String(format: "%.4f", last?.train ?? .nan)), test accuracy \(String(format: "%.4f", last?.test ?? .nan)), "
                        + "\(String(format: "%.1f", log.seconds)) s on \(blas)")
            }
            try StandardStreams.print("wrote \(lossPath)\nwrote \(accuracyPath)")
        }
    }

    /// The accuracy chart's path: `--accuracy-output`, or `train_accuracy` beside the loss chart
    /// at `lossPath`, in its format; checked like `--output`, and refused when it is the loss
    /// chart's own file (one chart would silently replace the other).
    private func accuracyDestination(besides lossPath: String) throws(CommandError) -> String {
        let folder = (lossPath as NSString).deletingLastPathComponent
        let format = (lossPath as NSString).pathExtension
        let path = accuracyOutput ?? (folder as NSString).appendingPathComponent("train_accuracy.\(format)")
        try FigureOptions.checkFigurePath(path, flag: "--accuracy-output")
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        guard resolved(path) != resolved(lossPath) else {
            guard accuracyOutput != nil else {
                throw .usage(
                    "--output \(lossPath): the accuracy chart goes there by default (train_accuracy beside --output); "
                        + "name the loss chart otherwise or give --accuracy-output")
            }
            throw .usage(
                "--accuracy-output \(path): this is where the loss chart goes (--output \(lossPath)); "
                    + "give the two charts different files")
        }
        return path
    }

    /// The share of the machine's memory a training run may take: half, so that the machine
    /// stays usable while it trains.
    static let memoryShare = 0.5

    /// Refuses, before any work, a run whose estimated peak (``Trainer/estimatedMemory``) is more
    /// than ``memoryShare`` of the machine's memory, naming the flags that lower it.
    private func checkMemory(
        for dataset: Dataset, training configurations: [TrainingConfiguration]
    ) throws(CommandError) {
        let needed =
            switch precision {
            case .double: Trainer.estimatedMemory(training: configurations, on: dataset, as: Double.self)
            case .float: Trainer.estimatedMemory(training: configurations, on: dataset, as: Float.self)
            }
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
            + (precision == .double ? ["--precision float"] : [])
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
    private func configurations() throws(CommandError) -> [TrainingConfiguration] {
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
    private func train(_ configurations: [TrainingConfiguration], on dataset: Dataset) -> [TrainingLog] {
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

    /// The `--json` summary: settings, the BLAS library and kernel that ran the products, and per
    /// run the final loss and accuracies.
    private func summary(_ logs: [TrainingLog], blas: BLASLibrary) -> JSONValue {
        .object([
            ("hidden", .number(Double(hidden))), ("iters", .number(Double(iters))), ("batch", .number(Double(batch))),
            ("seed", .number(Double(seed))), ("precision", .string(precision.rawValue)),
            ("blas", .object([("library", .string(blas.name)), ("kernel", .string(blas.kernel))])),
            (
                "runs",
                .array(
                    logs.map { log in
                        .object([
                            ("optimizer", .string(log.optimizer)),
                            ("lr", .number(log.learningRate)), ("final_loss", .number(log.loss.last ?? .nan)),
                            ("train_accuracy", .number(log.accuracy.last?.train ?? .nan)),
                            ("test_accuracy", .number(log.accuracy.last?.test ?? .nan)),
                            ("seconds", .number(log.seconds)),
                        ])
                    })
            ),
        ])
    }
}
