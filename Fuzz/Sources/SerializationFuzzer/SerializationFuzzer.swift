// Harness: the history and data files — what `--data FILE.json|.csv` and `--json` write, and the
// readers of such files.
//
// Writers covered (DescentCore/Serialization, DescentNet/Training/TrainingLog+Serialization):
// `NumberText.shortest`, `JSONValue.serialized`, `Trajectory.json` / `.csv` / `.summary` /
// `Trajectory.csv(_:)`, `TrainingLog.json` / `.csvRows` / `TrainingLog.csv(_:)`, fed random
// values (NaN, ±∞, −0, subnormals, extremes) and random text (control characters, quotes,
// invalid UTF-8 repaired, astral scalars).
// Invariants: every double's spelling reads back to the same bits; every JSON document parses
// as strict JSON (Foundation's `JSONSerialization`, which rejects NaN and Infinity) with its
// strings intact; every CSV row has as many cells as its header and every cell is a number,
// `nan`, `inf`, `-inf` or empty.
//
// Readers (mode 3): `RecordedHistory.read(contentsOf:)` (`trajectory --history FILE`) on a `.npy`,
// `.csv` or `.json` file made of the rest of the input (the byte after the mode picks the
// extension), and `NumPyArray.decode` on the same bytes in memory. Seeds: the files in
// Fuzz/Corpus/history-files/, written by the CLI and by NumPy.
// Invariants: a decoded array's shape multiplies to its value count; a history read has at least
// one point and at most `RecordedHistory.maximumRows`.

import DescentCore
import Foundation
import FuzzSupport

// `TrainingLog`'s initialisers are internal (only the trainer makes logs); run.sh builds with
// `-enable-testing` so the harness can make them.
@testable import DescentNet

/// The readers of history and data files, by file extension: each takes a path and throws on a
/// malformed file.
let historyReaders: [(fileExtension: String, read: @Sendable (String) throws -> Void)] =
    RecordedHistory.Format.allCases.map { format in
        (
            format.rawValue,
            { path in
                let points = try RecordedHistory.read(contentsOf: path)
                fuzzCheck(
                    (1...RecordedHistory.maximumRows).contains(points.count),
                    "\(points.count) points read from a .\(format.rawValue) file")
            }
        )
    }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    switch input.byte() % 4 {
    case 0: fuzzNumbersAndJSON(&input)
    case 1: fuzzTrajectory(&input)
    case 2: fuzzTrainingLog(&input)
    default: fuzzReaders(input.remaining)
    }
    return 0
}

// MARK: - Numbers and JSON values

func fuzzNumbersAndJSON(_ input: inout FuzzInput) {
    for _ in 0..<4 {
        checkShortest(input.anyDouble())
    }
    let value = randomJSON(&input, depth: 0)
    let text = value.serialized()
    let parsed = parseStrictJSON(text)
    checkSameJSON(value, parsed, text)
}

/// `format(x)` reads back to x's bits, with no `+` and no leading zero in the exponent.
func checkShortest(_ value: Double) {
    guard value.isFinite else { return }
    let text = NumberText.shortest(value)
    fuzzCheck(
        Double(text)?.bitPattern == value.bitPattern, "\(value) spelled \(text) reads back as \(Double(text) ?? .nan)")
    if let e = text.firstIndex(of: "e") {
        let exponent = text[text.index(after: e)...].drop { $0 == "-" }
        fuzzCheck(exponent.first != "+" && exponent.first != "0", "exponent of \(text)")
    }
    fuzzCheck(!text.hasSuffix(".0"), "\(text) keeps .0")
}

func randomJSON(_ input: inout FuzzInput, depth: Int) -> JSONValue {
    switch input.byte() % (depth < 4 ? 6 : 4) {
    case 0: return .null
    case 1: return .bool(input.bool())
    case 2: return .number(input.double())
    case 3: return .string(input.string(maximumLength: 24))
    case 4: return .array((0..<input.int(in: 0...4)).map { _ in randomJSON(&input, depth: depth + 1) })
    default:
        var members: [(key: String, value: JSONValue)] = []
        for _ in 0..<input.int(in: 0...4) {
            let key = input.string(maximumLength: 12)
            // Foundation keeps one of equal keys; compare only documents whose keys differ.
            guard !members.contains(where: { $0.key == key }) else { continue }
            members.append((key, randomJSON(&input, depth: depth + 1)))
        }
        return .object(members)
    }
}

func parseStrictJSON(_ text: String) -> Any {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
        fuzzCheck(false, "not strict JSON: \(error): \(text.debugDescription)")
        fatalError()
    }
}

/// The parsed document has the value's shape, strings and finite numbers.
func checkSameJSON(_ value: JSONValue, _ parsed: Any, _ text: String) {
    switch value {
    case .null:
        fuzzCheck(parsed is NSNull, "null became \(parsed) in \(text)")
    case .bool, .number:
        if case .number(let number) = value, !number.isFinite {
            fuzzCheck(parsed is NSNull, "\(number) must be written null: \(text)")
        } else {
            fuzzCheck(parsed is NSNumber, "a number or bool became \(parsed) in \(text)")
        }
    case .string(let string):
        fuzzCheck((parsed as? String) == string, "string \(string.debugDescription) came back \(parsed) in \(text)")
    case .array(let elements):
        guard let array = parsed as? [Any], array.count == elements.count else {
            return fuzzCheck(false, "array became \(parsed) in \(text)")
        }
        for (element, parsedElement) in zip(elements, array) { checkSameJSON(element, parsedElement, text) }
    case .object(let members):
        guard let dictionary = parsed as? [String: Any], dictionary.count == members.count else {
            return fuzzCheck(false, "object became \(parsed) in \(text)")
        }
        for member in members {
            guard let parsedValue = dictionary[member.key] else {
                return fuzzCheck(false, "key \(member.key.debugDescription) lost in \(text)")
            }
            checkSameJSON(member.value, parsedValue, text)
        }
    }
}

// MARK: - Trajectories

/// Objectives of 1, 2 and 3 variables, smooth and not, bounded and not.
let expressions = [
    "x0^2 + x1^2", "x^2/20 + y^2", "0.01*x^2 + 0.1*x", "sin(x0)*exp(-x1) + x2", "x0^3 - x1", "exp(x0)", "1/x0",
    "sqrt(x0) + log(x1)", "abs(x0) + x1^4",
]

func fuzzTrajectory(_ input: inout FuzzInput) {
    let text = input.pick(expressions)
    let description = input.bool() ? text : input.string(maximumLength: 24)
    guard let expression = try? ExpressionParser.parse(text) else { return fuzzCheck(false, "\(text) does not parse") }
    let objective = Objective(expression: expression, description: description)
    let method: GradientMethod = input.bool() ? .analytic : .numerical
    let steps = input.int(in: 0...40)
    var runs: [Trajectory] = []
    for _ in 0..<input.int(in: 1...3) {
        let initial = (0..<objective.dimension).map { _ in input.double() }
        let rate = input.double()
        guard
            let run = try? GradientDescent.run(
                objective, from: initial, learningRate: rate, steps: steps, gradient: method)
        else { continue }
        runs.append(run)
        checkTrajectory(run)
    }
    guard !runs.isEmpty else { return }
    let combined = Trajectory.csv(runs)
    checkCSV(combined, rows: runs.reduce(0) { $0 + $1.history.count + 1 }, emptyCellsAllowed: true)
    let array = JSONValue.array(runs.map(\.json)).serialized()
    fuzzCheck((parseStrictJSON(array) as? [Any])?.count == runs.count, "compare/sweep array")
}

func checkTrajectory(_ run: Trajectory) {
    fuzzCheck(run.values.count == run.history.count, "\(run.values.count) values, \(run.history.count) points")
    fuzzCheck(run.gradientNorms.count == run.history.count, "gradient norms")
    let text = run.json.serialized()
    guard let object = parseStrictJSON(text) as? [String: Any] else {
        return fuzzCheck(false, "not an object: \(text)")
    }
    fuzzCheck((object["function"] as? String) == run.objective.description, "function name in \(text)")
    fuzzCheck((object["history"] as? [Any])?.count == run.history.count, "history length in \(text)")
    let statuses = ["converged", "diverged", "stalled", "oscillating", "running", "overflow"]
    fuzzCheck(statuses.contains(object["status"] as? String ?? ""), "status in \(text)")
    checkCSV(run.csv, rows: run.history.count + 1, emptyCellsAllowed: true)
    _ = run.summary
}

/// A header and `rows` rows, every row as wide as the header, every cell a number, `nan`,
/// `inf`, `-inf` (or empty, where allowed), except in the text columns (`textColumns`, by header
/// name), whose cells are names: not empty, no quote.
func checkCSV(_ csv: String, rows: Int, emptyCellsAllowed: Bool) {
    fuzzCheck(csv.hasSuffix("\n"), "CSV without a final newline")
    let lines = csv.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
    fuzzCheck(lines.count == rows + 1, "\(lines.count - 1) CSV rows, expected \(rows):\n\(csv)")
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
    for line in lines.dropFirst() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        fuzzCheck(cells.count == header.count, "row of \(cells.count) cells under a header of \(header.count): \(line)")
        for (name, cell) in zip(header, cells) {
            let ok =
                textColumns.contains(String(name))
                ? !cell.isEmpty && !cell.contains("\"")
                : Double(cell).map { $0.isFinite } ?? false || ["nan", "inf", "-inf"].contains(cell)
                    || (emptyCellsAllowed && cell.isEmpty)
            fuzzCheck(ok, "cell \(cell.debugDescription) of column \(name) in \(line)")
        }
    }
}

/// The CSV columns that hold names, not numbers.
let textColumns: Set<String> = ["optimizer"]

// MARK: - Training logs

func fuzzTrainingLog(_ input: inout FuzzInput) {
    var logs: [TrainingLog] = []
    for _ in 0..<input.int(in: 1...2) {
        var log = TrainingLog(learningRate: input.finiteDouble())
        log.loss = (0..<input.int(in: 0...30)).map { _ in input.double() }
        // Measured at increasing iterations, as the trainer measures them (once per epoch).
        var iteration = -1
        for _ in 0..<input.int(in: 0...5) {
            iteration += input.int(in: 1...8)
            // An accuracy is a fraction correct/count: NaN when the set is empty (0/0).
            let train = input.bool() ? Double(input.int(in: 0...100)) / 100 : input.double()
            let test = input.bool() ? Double(input.int(in: 0...100)) / 100 : input.double()
            log.accuracy.append(.init(iteration: iteration, train: train, test: test))
        }
        log.seconds = input.double()
        logs.append(log)
        let text = log.json.serialized()
        guard let object = parseStrictJSON(text) as? [String: Any] else { return fuzzCheck(false, "not an object") }
        fuzzCheck((object["loss"] as? [Any])?.count == log.loss.count, "loss length in \(text)")
        _ = smoothCurve(log.loss)
    }
    checkCSV(TrainingLog.csv(logs), rows: logs.reduce(0) { $0 + $1.loss.count }, emptyCellsAllowed: true)
}

// MARK: - Readers

func fuzzReaders(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let file = Array(bytes.dropFirst())
    let reader = historyReaders[Int(selector) % historyReaders.count]
    let path = ScratchFiles.write(file, named: "history.\(reader.fileExtension)")
    _ = try? reader.read(path)
    if let array = try? NumPyArray.decode(file) {
        fuzzCheck(
            array.shape.reduce(1, *) == array.values.count, "shape \(array.shape) for \(array.values.count) values")
    }
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver (see `fuzzerMain`).
@_cdecl("SerializationFuzzer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
