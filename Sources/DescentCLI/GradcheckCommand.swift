import ArgumentParser
import DescentCore
import DescentNet
import Foundation

/// `descent gradcheck`: the book's gradient check (ch05/gradient_check.py).
struct GradcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Compare the network's numerical and backprop gradients, as the book's gradient check does.",
        discussion: """
            A fresh 784-50-10 network (np.random.seed(--seed) weights), the first --samples training \
            images: the mean and largest absolute difference between the two gradients of each \
            parameter. The numerical gradient re-evaluates only the unit a weight changes, on all cores.
            """
    )

    @Option(
        parsing: .unconditional, help: "Training images to use.",
        transform: { try ArgumentValues.count($0, name: "samples", upTo: 1000) })
    var samples = 3

    @Option(parsing: .unconditional, help: "np.random.seed for the weights.", transform: ArgumentValues.seed)
    var seed: UInt32 = 0

    @OptionGroup var dataSource: DataOptions

    @Flag(help: "Print the differences as JSON.")
    var json = false

    func run() throws {
        let dataset = try dataSource.load(limit: samples)
        guard dataset.trainImages.rows == samples else {
            throw CommandError.usage(
                "--samples \(samples): the training set in \(dataSource.directory) has only \(dataset.trainImages.rows) images"
            )
        }
        let result = GradientCheck.run(dataset, samples: samples, seed: seed)
        if json {
            try StandardStreams.print(result.json.serialized())
        } else {
            try StandardStreams.print("parameter  mean |numerical − backprop|  max |numerical − backprop|")
            for parameter in result.parameters {
                try StandardStreams.print(
                    parameter.name.padding(toLength: 9, withPad: " ", startingAt: 0)
                        + String(
                            format: "  %24.6e  %26.6e", parameter.meanAbsoluteDifference,
                            parameter.maximumAbsoluteDifference))
            }
            try StandardStreams.print(String(format: "%d samples, %.2f s", samples, result.seconds))
        }
    }
}
