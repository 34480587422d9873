import ArgumentParser
import DescentNet

/// Where the training data comes from: `--data-dir`, shared by the commands that train or check
/// the network.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "A folder of the four MNIST-format files, raw or .gz. Default: Debian's Fashion-MNIST.", valueName: "folder"
        ))
    var directory = Dataset.defaultDirectory

    /// The data set, or a usage error naming the file and its fault.
    func load() throws(CommandError) -> Dataset {
        do { return try Dataset.load(directory: directory) } catch { throw .usage(error.description) }
    }
}
