import DescentCore
import Foundation

extension TrainingLog {
    /// `{"lr": …, "loss": [one per iteration], "accuracy": [{"iteration": i, "train": a, "test": b}, …], "seconds": …,
    /// "optimizer": "sgd"}`.
    public var json: JSONValue {
        .object([
            ("lr", .number(learningRate)),
            ("loss", .numbers(loss)),
            (
                "accuracy",
                .array(
                    accuracy.map {
                        .object([
                            ("iteration", .number(Double($0.iteration))), ("train", .number($0.train)),
                            ("test", .number($0.test)),
                        ])
                    })
            ),
            ("seconds", .number(seconds)),
            ("optimizer", .string(optimizer)),
        ])
    }

    /// One row per iteration: `lr,iteration,loss,train_accuracy,test_accuracy,optimizer`, the
    /// accuracies empty where they were not measured. (The optimiser came last, after the other
    /// columns, so that readers of the earlier five columns by position read them still.)
    public var csvRows: [String] {
        let measured = Dictionary(uniqueKeysWithValues: accuracy.map { ($0.iteration, $0) })
        let rate = ShortestDouble.format(learningRate)
        return loss.enumerated().map { iteration, value in
            let accuracyCells =
                measured[iteration].map { "\(ShortestDouble.format($0.train)),\(ShortestDouble.format($0.test))" }
                ?? ","
            return "\(rate),\(iteration),\(ShortestDouble.format(value)),\(accuracyCells),\(optimizer)"
        }
    }

    /// Several runs as one CSV file.
    ///
    /// - Complexity: O(total iterations of the logs).
    public static func csv(_ logs: [TrainingLog]) -> String {
        (["lr,iteration,loss,train_accuracy,test_accuracy,optimizer"] + logs.flatMap(\.csvRows)).joined(separator: "\n")
            + "\n"
    }
}

/// The book's `smooth_curve` (`common/util.py`): the series mirrored by 10 points at each end and
/// convolved with an 11-point Kaiser window (β = 2), normalised, so that the output has the
/// input's length.
///
/// Fewer than 11 values are returned as they are. A NaN spreads to the 11 outputs whose window
/// holds it.
///
/// - Complexity: O(n) for n values (11 multiplications each).
public func smoothCurve(_ values: [Double]) -> [Double] {
    let windowLength = 11
    guard values.count >= windowLength else { return values }
    let window = kaiserWindow(windowLength, beta: 2)
    let total = window.reduce(0, +)
    let weights = window.map { $0 / total }
    let head = values[1..<windowLength].reversed()
    let tail = values[(values.count - windowLength + 1)...].reversed()
    let padded = Array(head) + values + Array(tail)
    // np.convolve(w, s, 'valid') then [5 : len − 5].
    let valid = (0...(padded.count - windowLength)).map { start in
        (0..<windowLength).reduce(0.0) { $0 + weights[windowLength - 1 - $1] * padded[start + $1] }
    }
    return Array(valid[5..<(valid.count - 5)])
}

/// NumPy's `np.kaiser(M, beta)`: I₀(β·√(1 − (2n/(M−1) − 1)²)) / I₀(β).
func kaiserWindow(_ length: Int, beta: Double) -> [Double] {
    (0..<length).map { n in
        let ratio = 2 * Double(n) / Double(length - 1) - 1
        return besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselI0(beta)
    }
}

/// The modified Bessel function of the first kind, order 0: Σ ((x/2)ᵏ / k!)², summed until the
/// terms no longer change the sum.
func besselI0(_ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    var k = 1.0
    while true {
        term *= (x / 2) / k
        let next = sum + term * term
        if next == sum { return sum }
        sum = next
        k += 1
    }
}
