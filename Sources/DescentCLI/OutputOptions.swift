import ArgumentParser
import DescentCore
import Foundation

/// Where a command's numbers go: `--json` on stdout, `--data` to a file.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the results as JSON on stdout (strict JSON: non-finite numbers are null).")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Write the numbers behind the results to FILE: .json (as --json) or .csv (one row per step).",
            valueName: "file"))
    var data: String?

    /// The formats `--data` accepts, by file extension.
    enum DataFormat {
        case json, csv
    }

    /// Rejects what cannot be honoured, before any work is done: an unknown format, a file that
    /// cannot be written.
    func check() throws(CommandError) {
        guard let data, try dataFormat() != nil else { return }
        try CommandError.requireWritable(data, flag: "--data")
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

    /// Reports several runs after their figure went to `figurePath`: their trajectory objects as a
    /// JSON array to `--data` and, with `--json`, to stdout; else one `line` per run and where the
    /// figure went.
    func report(_ runs: [Trajectory], figurePath: String, line: (Trajectory) -> String) throws(CommandError) {
        let json = JSONValue.array(runs.map(\.json))
        try writeData(json: json, csv: Trajectory.csv(runs))
        if self.json {
            try StandardStreams.print(json.serialized())
        } else {
            for run in runs {
                try StandardStreams.print(line(run))
            }
            try StandardStreams.print("wrote \(figurePath)")
        }
    }
}
