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

    @OptionGroup var training: TrainingOptions

    @Option(
        name: .customLong("accuracy-output"),
        help: ArgumentHelp(
            "Draw the accuracy chart to FILE. Default: train_accuracy beside --output, in its format.",
            valueName: "file"))
    var accuracyOutput: String?

    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let configurations = try training.configurations()
        let comparingOptimizers = (training.optimizers?.count ?? 0) > 1
        let lossPath = try figureOptions.destination(
            defaultName: comparingOptimizers
                ? "optimizer_comparison_net" : configurations.count > 1 ? "lr_comparison_net" : "train_loss",
            panels: 1)
        let accuracyPath = try accuracyDestination(besides: lossPath)
        let font = try FigureOptions.font()
        let dataset = try training.loadData()
        try training.checkMemory(for: dataset, training: configurations)
        let blas = try training.loadBLAS()
        let logs = training.train(configurations, on: dataset)
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
                let optimizer = training.optimizers == nil ? "" : "\(log.optimizer), "
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

    /// The `--json` summary: settings, the BLAS library and kernel that ran the products, and per
    /// run the final loss and accuracies.
    private func summary(_ logs: [TrainingLog], blas: BLASLibrary) -> JSONValue {
        .object([
            ("hidden", .number(Double(training.hidden))), ("iters", .number(Double(training.iters))),
            ("batch", .number(Double(training.batch))), ("seed", .number(Double(training.seed))),
            ("precision", .string(training.precision.rawValue)),
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
