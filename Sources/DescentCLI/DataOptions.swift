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

    /// The data set (with `limit`, its first `limit` images of each set), or a usage error naming
    /// the file and its fault.
    func load(limit: Int? = nil) throws(CommandError) -> Dataset {
        do { return try Dataset.load(directory: directory, limit: limit) } catch { throw .usage(error.description) }
    }
}
