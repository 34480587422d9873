import Foundation

/// A fault in a history file: one line naming the file and what is wrong with it.
public struct HistoryError: Error, Equatable, CustomStringConvertible {
    /// The file concerned.
    public let path: String
    /// What is wrong, in words that read after `path: `.
    public let reason: String

    /// An error for the file at `path` with `reason` worded to follow `path: `.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The whole line: `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// The points of a descent that another program computed, read from a file: NumPy's `.npy`, a
/// CSV, or JSON.
///
/// Every format gives the points visited, in order; the last one is taken as the final x (the
/// point after the last update) and those before it as the history, so n + 1 points make n steps.
/// A trajectory object (DESIGN.md §3) gives its `history` and `final` apart, and `--data`'s CSV
/// ends with the final row, so what Descent writes reads back as the same run.
///
/// - `.npy`: see ``NumPyArray``; shape (n, d), or (n,) for one variable.
/// - `.csv`: either what `--data` writes, a header row naming the columns (`step,x0,x1,value,…`)
///   of which the x columns (`x0`, `x1`, … in order) are taken and a `step` column, when present,
///   must count 0, 1, 2, …; or plain rows of numbers, comma-separated or, as `np.savetxt` writes
///   them by default, separated by spaces. Blank lines and lines starting with `#` (`np.savetxt`'s
///   header) are skipped. Numbers are decimal (`-3`, `2.5e-8`), or `nan`, `inf`, `-inf`.
/// - `.json`: the trajectory object of DESIGN.md §3 (`history`, plus `final` when present) or a
///   plain array of arrays of numbers; `null` stands for a non-finite number, as Descent writes it.
///
/// Non-finite numbers are allowed: a run that overflowed records them. The first non-finite point
/// ends the path, as it ends a run (``Trajectory/init(recorded:objective:gradient:)-(PointList,_,_)``).
///
/// Refused, with the line, point or column concerned: an empty history, rows of different lengths,
/// text where a number belongs, more than ``maximumColumns`` coordinates or ``maximumRows``
/// points, JSON of any other shape, and files over ``maximumTextBytes``.
public enum RecordedHistory {
    /// The most coordinates a point may have: 10, the variables x0 … x9 of an expression.
    public static let maximumColumns = 10
    /// The most points a history may have: those of the longest run, ``GradientDescent/maximumSteps``
    /// updates and the final x.
    public static let maximumRows = GradientDescent.maximumSteps + 1
    /// The largest CSV or JSON file read: 512 MiB, twice the JSON of the longest 10-variable run.
    public static let maximumTextBytes = 512 << 20

    /// The file formats read, by extension.
    public enum Format: String, CaseIterable, Sendable {
        /// NumPy's `.npy` (``NumPyArray``).
        case npy
        /// Comma- or space-separated rows of numbers, or the CSV `--data` writes.
        case csv
        /// An array of points, or a trajectory object as `--json` prints it.
        case json

        /// The format of `path`, from its extension (any case).
        public init?(path: String) {
            self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }
    }

    /// The points recorded in `path`, its format taken from its extension.
    ///
    /// - Throws: ``HistoryError`` naming `path` and the fault.
    /// - Complexity: O(file size); the limits are checked before the data is read.
    public static func read(contentsOf path: String) throws(HistoryError) -> PointList {
        guard let format = Format(path: path) else {
            throw HistoryError(path: path, reason: "the file name must end in .npy, .csv or .json")
        }
        let points: PointList
        switch format {
        case .npy:
            points = try pointList(NumPyArray.read(contentsOf: path))
        case .csv, .json:
            let file = try RegularFile(path: path)
            guard file.size <= maximumTextBytes else {
                throw HistoryError(
                    path: path, reason: "\(file.size) bytes; at most \(maximumTextBytes) (512 MiB) are read")
            }
            let bytes = try file.read(file.size)
            do throws(FormatError) {
                points = format == .csv ? try decodeCSV(bytes) : try decodeJSON(bytes)
            } catch {
                throw HistoryError(path: path, reason: error.description)
            }
        }
        guard !points.isEmpty else { throw HistoryError(path: path, reason: "an empty history: no points") }
        return points
    }

    /// The array's rows as points.
    static func pointList(_ array: NumPyArray) -> PointList {
        var points = PointList(dimension: array.columns)
        points.reserveCapacity(array.rows)
        for row in 0..<array.rows {
            points.append(Array(array.values[row * array.columns..<(row + 1) * array.columns]))
        }
        return points
    }

    /// A fault in a CSV or JSON history, without the file name.
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        /// The fault in words, naming its line (CSV) or where in the document it lies (JSON).
        public let description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: CSV

    /// The points of a CSV history (see the type's documentation).
    ///
    /// - Throws: ``FormatError`` naming the line (counted from 1) of the first fault.
    /// - Complexity: O(`bytes.count`).
    public static func decodeCSV(_ bytes: [UInt8]) throws(FormatError) -> PointList {
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw FormatError("not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var columns: [Int]?  // the cells taken, by index
        var width = 0  // cells per row
        var headerLine = 0
        var stepColumn: Int?
        var separator: Character?
        var points: PointList?
        var lineNumber = 0
        // "\r\n" is one Character in Swift.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if separator == nil { separator = trimmed.contains(",") ? "," : " " }
            let cells =
                separator == ","
                ? trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                : trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let taken = columns else {
                // The first row: a header when any cell is not a number.
                width = cells.count
                if cells.allSatisfy({ number($0) != nil }) {
                    columns = Array(cells.indices)
                } else {
                    headerLine = lineNumber
                    columns = try xColumns(cells, line: lineNumber)
                    stepColumn = cells.firstIndex(of: "step")
                    continue
                }
                guard columns!.count <= maximumColumns else {
                    throw FormatError(
                        "line \(lineNumber): \(cells.count) columns; at most \(maximumColumns) (x0 … x9) are read")
                }
                points = PointList(dimension: columns!.count)
                try appendRow(cells, taken: columns!, line: lineNumber, to: &points!)
                continue
            }
            guard cells.count == width else {
                let first = headerLine > 0 ? "the header (line \(headerLine))" : "the first row"
                throw FormatError("line \(lineNumber): \(cells.count) values where \(first) has \(width)")
            }
            if points == nil { points = PointList(dimension: taken.count) }
            if let stepColumn {
                let expected = points!.count
                guard number(cells[stepColumn]) == Double(expected) else {
                    throw FormatError(
                        "line \(lineNumber): step \(cells[stepColumn]) where \(expected) comes next; a history "
                            + "holds one run (compare's and sweep's CSV hold several: give one run's --data)")
                }
            }
            guard points!.count < maximumRows else {
                throw FormatError(
                    "line \(lineNumber): more than \(maximumRows) points; at most \(maximumRows) are read")
            }
            try appendRow(cells, taken: taken, line: lineNumber, to: &points!)
        }
        guard let points, !points.isEmpty else { throw FormatError("an empty history: no rows of numbers") }
        return points
    }

    /// The indices of the columns `x0`, `x1`, … of a header row.
    private static func xColumns(_ cells: [String], line: Int) throws(FormatError) -> [Int] {
        var taken: [Int] = []
        while let index = cells.firstIndex(of: "x\(taken.count)") {
            taken.append(index)
        }
        guard !taken.isEmpty else {
            let shown = cells.prefix(6).joined(separator: ",") + (cells.count > 6 ? ",…" : "")
            throw FormatError(
                "line \(line): a header row (\(shown)) without an x0 column; the coordinates must be named "
                    + "x0, x1, … as --data writes them, or the file must hold only numbers")
        }
        guard taken.count <= maximumColumns else {
            throw FormatError("line \(line): \(taken.count) x columns; at most \(maximumColumns) (x0 … x9) are read")
        }
        return taken
    }

    private static func appendRow(
        _ cells: [String], taken: [Int], line: Int, to points: inout PointList
    ) throws(FormatError) {
        var point: [Double] = []
        point.reserveCapacity(taken.count)
        for (position, index) in taken.enumerated() {
            guard let value = number(cells[index]) else {
                let shown = cells[index].count > 20 ? cells[index].prefix(20) + "…" : cells[index]
                throw FormatError(
                    "line \(line), column \(position + 1): \"\(shown)\" is not a number (such as -3, 2.5e-8, nan, inf)")
            }
            point.append(value)
        }
        points.append(point)
    }

    /// The value of a decimal number (`-3`, `.5`, `2.5e-8`), or of `nan`, `inf`, `infinity` with an
    /// optional sign (any case); nil for anything else, hexadecimal floats included.
    static func number(_ text: some StringProtocol) -> Double? {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        switch rest.lowercased() {
        case "nan", "inf", "infinity": return Double(text)
        default: break
        }
        let digits = rest.utf8
        var index = digits.startIndex
        func skipDigits() -> Int {
            var count = 0
            while index < digits.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[index]) {
                digits.formIndex(after: &index)
                count += 1
            }
            return count
        }
        var mantissaDigits = skipDigits()
        if index < digits.endIndex, digits[index] == UInt8(ascii: ".") {
            digits.formIndex(after: &index)
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return nil }
        if index < digits.endIndex, digits[index] == UInt8(ascii: "e") || digits[index] == UInt8(ascii: "E") {
            digits.formIndex(after: &index)
            if index < digits.endIndex, digits[index] == UInt8(ascii: "-") || digits[index] == UInt8(ascii: "+") {
                digits.formIndex(after: &index)
            }
            guard skipDigits() > 0 else { return nil }
        }
        guard index == digits.endIndex else { return nil }
        return Double(text)
    }

    // MARK: JSON

    /// A trajectory object: only its points are read.
    private struct TrajectoryObject: Decodable {
        var history: [[Double?]]
        var final: [Double?]?
    }

    /// The points of a JSON history (see the type's documentation), decoded with `JSONDecoder`,
    /// which reads every number to the nearest Double.
    ///
    /// - Throws: ``FormatError`` for text that is not JSON, JSON of another shape, and points of
    ///   different lengths.
    /// - Complexity: O(`bytes.count`).
    public static func decodeJSON(_ bytes: [UInt8]) throws(FormatError) -> PointList {
        let shapes =
            "JSON histories are a trajectory object {\"history\": [[x0, x1], …], \"final\": […]} "
            + "or an array of points [[x0, x1], …]"
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let data = Data(bytes)
        var rows: [[Double?]]
        do {
            switch first {
            case UInt8(ascii: "["):
                rows = try JSONDecoder().decode([[Double?]].self, from: data)
            case UInt8(ascii: "{"):
                let object = try JSONDecoder().decode(TrajectoryObject.self, from: data)
                rows = object.history
                if let final = object.final { rows.append(final) }
            default:
                throw FormatError(first == nil ? "an empty file" : "not JSON of a history; \(shapes)")
            }
        } catch let error as FormatError {
            throw error
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw FormatError("not valid JSON")
        } catch {
            throw FormatError("not one of the two shapes read: \(shapes)")
        }
        guard let width = rows.first?.count else { throw FormatError("an empty history: no points") }
        guard width > 0 else { throw FormatError("point 1 has no coordinates") }
        guard width <= maximumColumns else {
            throw FormatError("points of \(width) coordinates; at most \(maximumColumns) (x0 … x9) are read")
        }
        guard rows.count <= maximumRows else {
            throw FormatError("\(rows.count) points; at most \(maximumRows) are read")
        }
        var points = PointList(dimension: width)
        points.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard row.count == width else {
                throw FormatError("point \(index + 1) has \(row.count) coordinates where point 1 has \(width)")
            }
            points.append(row.map { $0 ?? .nan })
        }
        return points
    }
}

extension NumPyArray {
    /// Reads the `.npy` file at `path`: the header first, checked against the limits and the file's
    /// size, and only then the data it promises (see the type's documentation).
    ///
    /// - Throws: ``HistoryError`` naming `path`: a file that cannot be opened or is not a regular
    ///   file, or any fault ``decode(_:)`` finds.
    /// - Complexity: O(file size); the header is checked against the limits before any data is read.
    public static func read(contentsOf path: String) throws(HistoryError) -> NumPyArray {
        let file = try RegularFile(path: path)
        let fail = { (error: FormatError) in HistoryError(path: path, reason: error.description) }
        var bytes = try file.read(min(12, file.size))
        let prelude: (version: String, headerStart: Int, dataOffset: Int)
        do { prelude = try preludeLength(bytes) } catch { throw fail(error) }
        guard file.size >= prelude.dataOffset else {
            throw fail(
                FormatError(
                    "truncated inside the header (\(file.size) bytes, the header ends at \(prelude.dataOffset))"))
        }
        bytes += try file.read(max(0, prelude.dataOffset - bytes.count))
        let header: Header
        do {
            header = try parseHeader(
                bytes[prelude.headerStart..<prelude.dataOffset], version: prelude.version,
                dataOffset: prelude.dataOffset)
            // From the file's size, before any data is read.
            try checkDataLength(header, available: file.size - header.dataOffset)
        } catch {
            throw fail(error)
        }
        let total = header.dataOffset + header.dataLength
        bytes += try file.read(max(0, total - bytes.count))
        guard bytes.count == total else {
            throw fail(FormatError("the file ended while it was read (\(bytes.count) of \(total) bytes)"))
        }
        return array(header, data: bytes[header.dataOffset...])
    }
}
