import DescentCore
import Foundation

/// The book's gradient check (`ch05/gradient_check.py`): numerical and backprop gradients of a
/// fresh network on the first few training images, compared parameter by parameter.
public struct GradientCheck: Sendable {
    /// How far apart the two gradients of one parameter are.
    public struct Difference: Sendable {
        /// The parameter: `W1`, `b1`, `W2` or `b2`.
        public let name: String
        /// The mean of |numerical − backprop| over the parameter's entries (the book prints this).
        public let meanAbsoluteDifference: Double
        /// The largest |numerical − backprop| over the parameter's entries: the worst entry, which the
        /// mean can hide.
        public let maximumAbsoluteDifference: Double
    }

    /// The number of training images both gradients were taken on (the first ones of the set).
    public let samples: Int
    /// W1, b1, W2, b2, in that order.
    public let parameters: [Difference]
    /// Wall-clock seconds for both gradients.
    public let seconds: Double

    /// Draws a network of `hiddenSize` hidden units (default: 50, the book's) from `seed` as
    /// ``TwoLayerNet/init(inputSize:hiddenSize:outputSize:weightInitStd:random:)`` does, and
    /// compares its numerical gradient (central differences, h = 1e-4, in Double) with the
    /// backpropagated one on the first `samples` training images.
    ///
    /// - Precondition: `1 ≤ samples ≤ dataset.trainImages.rows`.
    /// - Complexity: two forward passes per parameter entry, O(samples · P²) for P parameters
    ///   (39,760 with 784 inputs, 50 hidden units and 10 classes): seconds, not milliseconds.
    public static func run(_ dataset: Dataset, samples: Int, seed: UInt32, hiddenSize: Int = 50) -> GradientCheck {
        var random = NumPyRandom(seed: seed)
        let network = TwoLayerNet<Double>(
            inputSize: dataset.trainImages.columns, hiddenSize: hiddenSize, outputSize: dataset.classCount,
            random: &random)
        let x = dataset.trainImages.matrix(rows: 0..<samples, as: Double.self)
        let labels = Array(dataset.trainLabels.prefix(samples))
        let start = Date()
        let numerical = network.numericalGradient(x, labels: labels)
        let backprop = network.gradient(x, labels: labels)
        let seconds = Date().timeIntervalSince(start)
        func difference(_ name: String, _ a: [Double], _ b: [Double]) -> Difference {
            let absolute = zip(a, b).map { abs($0 - $1) }
            return Difference(
                name: name, meanAbsoluteDifference: absolute.reduce(0, +) / Double(absolute.count),
                maximumAbsoluteDifference: absolute.max() ?? 0)
        }
        return GradientCheck(
            samples: samples,
            parameters: [
                difference("W1", numerical.w1.elements, backprop.w1.elements),
                difference("b1", numerical.b1, backprop.b1),
                difference("W2", numerical.w2.elements, backprop.w2.elements),
                difference("b2", numerical.b2, backprop.b2),
            ], seconds: seconds)
    }

    /// `{"samples": 3, "params": {"W1": {"mean_abs_diff": …, "max_abs_diff": …}, …}, "seconds": …}`.
    public var json: JSONValue {
        .object([
            ("samples", .number(Double(samples))),
            (
                "params",
                .object(
                    parameters.map {
                        (
                            $0.name,
                            .object([
                                ("mean_abs_diff", .number($0.meanAbsoluteDifference)),
                                ("max_abs_diff", .number($0.maximumAbsoluteDifference)),
                            ])
                        )
                    })
            ),
            ("seconds", .number(seconds)),
        ])
    }
}
