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
        let rate = NumberText.shortest(learningRate)
        return loss.enumerated().map { iteration, value in
            let accuracyCells =
                measured[iteration].map { "\(NumberText.shortest($0.train)),\(NumberText.shortest($0.test))" }
                ?? ","
            return "\(rate),\(iteration),\(NumberText.shortest(value)),\(accuracyCells),\(optimizer)"
        }
    }

    /// Several runs as one CSV file.
    public static func csv(_ logs: [TrainingLog]) -> String {
        (["lr,iteration,loss,train_accuracy,test_accuracy,optimizer"] + logs.flatMap(\.csvRows)).joined(separator: "\n")
            + "\n"
    }
}
