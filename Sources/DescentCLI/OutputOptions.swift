import ArgumentParser
import DescentCore
import Foundation

/// Where a command's results go: `--json` on stdout, `--data` to a file, `--output` for the figure.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the results as JSON on stdout (strict JSON: non-finite numbers are null).")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Write the numbers behind the results to FILE: .json (as --json) or .csv (one row per step).",
            valueName: "file"))
    var data: String?

    @Option(help: ArgumentHelp("Draw the figure to FILE (.png or .svg).", valueName: "file"))
    var output: String?

    /// The formats `--data` accepts, by file extension.
    enum DataFormat {
        case json, csv
    }

    /// Rejects what cannot be honoured, before any work is done.
    func check() throws(CommandError) {
        if output != nil {
            throw .usage(
                "--output: drawing figures is not available yet (it comes with the plot engine); "
                    + "use --json or --data for the numbers")
        }
        _ = try dataFormat()
    }

    /// The format of `--data`, from its extension, or `nil` without `--data`.
    func dataFormat() throws(CommandError) -> DataFormat? {
        guard let data else { return nil }
        switch URL(fileURLWithPath: data).pathExtension.lowercased() {
        case "json": return .json
        case "csv": return .csv
        default: throw .usage("--data \(data): the file must end in .json or .csv")
        }
    }

    /// Writes `json` or `csv` (as `--data` asks) to the data file, atomically.
    func writeData(json: @autoclosure () -> JSONValue, csv: @autoclosure () -> String) throws(CommandError) {
        guard let path = data, let format = try dataFormat() else { return }
        let contents = format == .json ? json().serialized() + "\n" : csv()
        do {
            try AtomicFile.write(contents, to: path)
        } catch {
            throw .cannotCreate("--data \(error.description)")
        }
    }
}
