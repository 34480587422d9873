import DescentCore
import DescentNet
import DescentPlot

/// The runs `descent gallery` draws with the book's settings, and the figures it makes of them:
/// the library's half of the gallery (the command adds the figures its other commands draw with
/// their defaults).
public enum Gallery {
    /// The learning rates of the book's comparison of descents (chapter 4): 0.1 converges, 10
    /// freezes once x ± h rounds back to x, and 1e-8 barely moves.
    public static let comparisonLearningRates = [0.1, 10, 1e-8]
    /// Updates of each descent: the book's Figure 4-10 shows 20.
    public static let descentSteps = 20
    /// The learning rates of the network comparison: the book's 0.1 between a tenth and ten times it.
    public static let networkLearningRates = [0.01, 0.1, 1]

    /// The book's descents on x0² + x1² from (−3, 4) with its numerical gradient, one per rate of
    /// ``comparisonLearningRates``, ``descentSteps`` updates each.
    public static func descentRuns() throws(DescentError) -> [Trajectory] {
        var runs: [Trajectory] = []
        for rate in comparisonLearningRates {
            runs.append(
                try GradientDescent.run(
                    Preset.sphere.objective, from: Preset.sphere.start, learningRate: rate, steps: descentSteps))
        }
        return runs
    }

    /// One network per rate of ``networkLearningRates``, with the book's settings otherwise
    /// (``/DescentNet/TrainingConfiguration``), `iterations` updates each.
    public static func networkConfigurations(iterations: Int = 10_000) -> [TrainingConfiguration] {
        networkLearningRates.map { rate in
            var configuration = TrainingConfiguration()
            configuration.iterations = iterations
            configuration.learningRate = rate
            return configuration
        }
    }

    /// The gallery's figures of `descentRuns` (``descentRuns()``) and `networkLogs` (trained as
    /// ``networkConfigurations(iterations:)`` say), by file name without extension:
    /// - `trajectory`: the first run as the book's Figure 4-10;
    /// - `lr_comparison`: every run, one panel each;
    /// - `train_loss` and `train_accuracy`: the network at the book's rate, 0.1 (Figure 4-12);
    /// - `lr_comparison_net`: the loss of every network;
    /// - `landscape`: the book's network on its own loss landscape, if `landscape` is given
    ///   (``/DescentNet/LossLandscape/train(_:configuration:snapshotInterval:settings:as:progress:)``).
    ///
    /// Both lists must hold at least one run.
    public static func figures(
        descentRuns: [Trajectory], networkLogs: [TrainingLog], landscape: LossLandscape? = nil
    ) -> [(name: String, figure: Figure)] {
        precondition(!descentRuns.isEmpty && !networkLogs.isEmpty, "the gallery draws at least one run of each")
        let networks = networkLogs.map { TrainingFigures.Run($0) }
        let book = networkLogs.firstIndex { $0.learningRate == TrainingConfiguration().learningRate } ?? 0
        var figures: [(name: String, figure: Figure)] = [
            ("trajectory", TrajectoryFigures.trajectory(descentRuns[0], options: .init(style: .book))),
            ("lr_comparison", TrajectoryFigures.comparison(descentRuns, options: .init(style: .book))),
            ("train_loss", TrainingFigures.loss([networks[book]])),
            ("train_accuracy", TrainingFigures.accuracy([networks[book]])),
            ("lr_comparison_net", TrainingFigures.loss(networks)),
        ]
        if let landscape {
            figures.append(("landscape", LossLandscapeFigures.figure(LossLandscapeFigures.Landscape(landscape))))
        }
        return figures
    }
}
