import ArgumentParser
import DescentNet

/// How finely a loss landscape is evaluated: `--grid` and `--eval-samples`, shared by `descent
/// landscape` and `descent gallery`.
struct LandscapeGridOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Points of the landscape's grid along each axis, \(LossLandscape.gridRange.lowerBound) to "
                + "\(LossLandscape.gridRange.upperBound). Default: 41.", valueName: "n"),
        transform: ArgumentValues.gridSize)
    var grid = 41

    @Option(
        name: .customLong("eval-samples"), parsing: .unconditional,
        help: ArgumentHelp(
            "Evaluate the landscape's loss on the first N training images. Default: 10000.", valueName: "N"),
        transform: { try ArgumentValues.count($0, name: "images", upTo: 1_000_000) })
    var evalSamples = 10_000

    /// The landscape's settings with these two, or a usage error when `dataset` has fewer
    /// training images than `--eval-samples`.
    func settings(for dataset: Dataset) throws(CommandError) -> LossLandscape.Settings {
        guard evalSamples <= dataset.trainImages.rows else {
            throw .usage("--eval-samples \(evalSamples): the data has only \(dataset.trainImages.rows) training images")
        }
        var settings = LossLandscape.Settings()
        settings.grid = grid
        settings.evaluationSamples = evalSamples
        return settings
    }
}
