import DescentCore
import DescentNet
import DescentPlot

// The training figures of a training log. This lives in the umbrella module because it joins two
// stages that know nothing of each other: the network (`TrainingLog`, DescentNet) and the charts
// (`TrainingFigures`, DescentPlot).

/// A run of the training figures made from a ``/DescentNet/TrainingLog``.
extension TrainingFigures.Run {
    /// What tells runs apart in a figure of several.
    public enum Label: Sendable, Equatable {
        /// "lr = 0.1": runs that differ by learning rate (`descent train --lr 0.01,0.1,1`).
        case learningRate
        /// The optimiser as the book names it ("Momentum"), with a marker every
        /// ``/DescentPlot/TrainingFigures/Run/markerInterval`` iterations as the book's
        /// `optimizer_compare_mnist.py` marks each curve (SGD `o`, Momentum `x`, AdaGrad `s`,
        /// Adam `D`; Nesterov and RMSprop, which it leaves out, a triangle and a plus), so that the
        /// curves differ without colour. A log of an optimiser Descent does not know is named as
        /// recorded, without a marker.
        case optimizer
    }

    /// What the training figures show of `log`: the loss after every iteration, the same loss
    /// smoothed as the book's `smooth_curve` smooths it (``/DescentNet/smoothCurve(_:)``), and train and test
    /// accuracy at each epoch, labelled by `label`.
    ///
    /// ```swift
    /// let logs = Trainer.train(dataset, configurations: configurations, as: Double.self)
    /// let figure = TrainingFigures.loss(logs.map { TrainingFigures.Run($0) })
    /// ```
    ///
    /// - Complexity: O(n) for n iterations.
    public init(_ log: TrainingLog, labelledBy label: Label = .learningRate) {
        let kind = OptimizerKind(rawValue: log.optimizer)
        self.init(
            label: label == .learningRate
                ? "lr = \(NumberText.shortest(log.learningRate))" : kind?.bookName ?? log.optimizer,
            loss: log.loss, smoothedLoss: smoothCurve(log.loss),
            trainAccuracy: log.accuracy.map(\.train), testAccuracy: log.accuracy.map(\.test),
            marker: label == .optimizer ? kind.map(Self.marker(for:)) : nil)
    }

    /// The marker of `kind`'s curve in a comparison of optimisers (``Label/optimizer``).
    public static func marker(for kind: OptimizerKind) -> MarkerShape {
        switch kind {
        case .sgd: .circle
        case .momentum: .cross
        case .adagrad: .square
        case .adam: .diamond
        case .nesterov: .triangle
        case .rmsprop: .plus
        }
    }
}
