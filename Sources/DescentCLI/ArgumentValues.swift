import ArgumentParser
import DescentCore
import DescentNet
import DescentPlot

/// Parsers for option values. Each throws a ``ValueError`` whose text ArgumentParser appends to
/// "The value 'X' is invalid for '--flag <name>': ", so the user reads what is allowed.
enum ArgumentValues {
    struct ValueError: Error, CustomStringConvertible {
        let description: String
    }

    /// A number written in decimal as Python's `float()` reads it (`3`, `-.5`, `2.`, `1e-8`),
    /// surrounding spaces ignored; `nil` for anything else. Swift's own `Double(_:)` also reads
    /// hexadecimal (`0x10` is 16), `nan` and `inf`, which no user means as a learning rate.
    static func decimal(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed)
    }

    /// A learning rate: a finite number greater than 0.
    static func learningRate(_ text: String) throws -> Double {
        guard let value = decimal(text), value.isFinite, value > 0 else {
            throw ValueError(description: "expected a finite number greater than 0, such as 0.1 or 1e-8")
        }
        return value
    }

    /// An optimiser setting (momentum, decay, β₁, β₂): a number from 0 up to, not including, 1.
    static func fraction(_ text: String) throws -> Double {
        guard let value = decimal(text), Hyperparameter.isValid(value) else {
            throw ValueError(description: "expected a number from 0 up to but not including 1, such as 0.9")
        }
        return value
    }

    /// A step count: a whole number from 0 to ``GradientDescent/maximumSteps``.
    static func stepCount(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)),
            (0...GradientDescent.maximumSteps).contains(value)
        else {
            throw ValueError(
                description: "expected a whole number from 0 to \(GradientDescent.maximumSteps) "
                    + "(the cap keeps the history in memory)")
        }
        return value
    }

    /// Learning rates separated by commas, such as `0.1,10,1e-8`: at most 12, one panel each.
    static func learningRates(_ text: String) throws -> [Double] {
        try learningRates(text, atMost: 12, each: "one panel each")
    }

    /// Learning rates separated by commas, at most `limit` (`each` says why, for the message).
    static func learningRates(_ text: String, atMost limit: Int, each: String) throws -> [Double] {
        let rates = try text.split(separator: ",", omittingEmptySubsequences: false).map { field in
            do {
                return try learningRate(String(field))
            } catch {
                throw ValueError(
                    description:
                        "'\(field.trimmingCharacters(in: .whitespaces))' is not a finite number greater than 0; "
                        + "expected learning rates separated by commas, such as 0.1,10,1e-8")
            }
        }
        guard rates.count <= limit else { throw ValueError(description: "at most \(limit) learning rates, \(each)") }
        return rates
    }

    /// Optimiser names separated by commas, each once, such as `sgd,momentum,adagrad,adam`.
    static func optimizers(_ text: String) throws -> [OptimizerKind] {
        let known = OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
        var kinds: [OptimizerKind] = []
        for field in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = field.trimmingCharacters(in: .whitespaces)
            guard let kind = OptimizerKind(rawValue: name) else {
                throw ValueError(
                    description: "'\(name)' is not an optimiser; expected names from \(known) separated by commas, "
                        + "such as sgd,momentum,adagrad,adam")
            }
            guard !kinds.contains(kind) else {
                throw ValueError(description: "\(name) is listed twice; give each optimiser once")
            }
            kinds.append(kind)
        }
        return kinds
    }

    /// A count from 1 to `limit`.
    static func count(_ text: String, name: String, upTo limit: Int) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...limit).contains(value) else {
            throw ValueError(description: "expected a whole number of \(name) from 1 to \(limit)")
        }
        return value
    }

    /// A landscape's grid size: a whole number of points per axis in ``LossLandscape/gridRange``.
    static func gridSize(_ text: String) throws -> Int {
        let allowed = LossLandscape.gridRange
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), allowed.contains(value) else {
            throw ValueError(
                description:
                    "expected a whole number of points per axis from \(allowed.lowerBound) to \(allowed.upperBound), such as 41"
            )
        }
        return value
    }

    /// A landscape's half-width: a number in ``LossLandscape/extentRange``, 1e-8 to 1e8.
    static func extent(_ text: String) throws -> Double {
        guard let value = decimal(text), LossLandscape.extentRange.contains(value) else {
            throw ValueError(description: "expected a number from 1e-8 to 1e8, such as 2.5")
        }
        return value
    }

    /// A NumPy seed: a whole number from 0 to 2³² − 1.
    static func seed(_ text: String) throws -> UInt32 {
        guard let value = UInt32(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValueError(description: "expected a whole number from 0 to 4294967295, as np.random.seed takes")
        }
        return value
    }

    /// A pixel size: a whole number from 1 to ``Figure/maximumSide``.
    static func pixelSize(_ text: String) throws -> Double {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)),
            (1...Figure.maximumSide).contains(value)
        else {
            throw ValueError(description: "expected a whole number of pixels from 1 to \(Figure.maximumSide)")
        }
        return Double(value)
    }

    /// A resolution: a number of dots per inch from 1 to 2400.
    static func dpi(_ text: String) throws -> Double {
        guard let value = decimal(text), value.isFinite, value >= 1, value <= 2400
        else {
            throw ValueError(description: "expected dots per inch from 1 to 2400, such as 100")
        }
        return value
    }

    /// Optimisers with optional rates, comma-separated: `sgd:0.95,momentum:0.1,adam`.
    static func optimizerList(_ text: String) throws -> [(kind: OptimizerKind, rate: Double?)] {
        let names = OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")
        let entries = try text.split(separator: ",", omittingEmptySubsequences: false).map { field in
            let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            guard let kind = OptimizerKind(rawValue: name) else {
                throw ValueError(
                    description:
                        "'\(name)' is not an optimiser; expected NAME or NAME:RATE with NAME one of \(names), such as sgd:0.95,adam:0.3"
                )
            }
            guard parts.count == 2 else { return (kind, nil as Double?) }
            do {
                return (kind, try learningRate(String(parts[1])))
            } catch {
                throw ValueError(
                    description:
                        "'\(field)': the rate after ':' must be a finite number greater than 0, such as sgd:0.95")
            }
        }
        guard entries.count <= 12 else { throw ValueError(description: "at most 12 optimisers, one path each") }
        return entries
    }

    /// A name and a file, `NAME=FILE`, such as `mine=path.npy`.
    static func namedFile(_ text: String) throws -> (name: String, path: String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty, !parts[1].isEmpty else {
            throw ValueError(description: "expected NAME=FILE, such as mine=history.npy")
        }
        return (parts[0].trimmingCharacters(in: .whitespaces), String(parts[1]))
    }

    /// A range of learning rates: two numbers greater than 0, the lower first, such as `1e-10,10`.
    static func learningRateRange(_ text: String) throws -> ClosedRange<Double> {
        let bounds = try point(text)
        guard bounds.count == 2, bounds[0] > 0, bounds[0] < bounds[1] else {
            throw ValueError(
                description: "expected two learning rates greater than 0, the lower first, such as 1e-10,10")
        }
        return bounds[0]...bounds[1]
    }

    /// Contour levels: a whole number from 1 to 100 (about that many nice levels), or two or more
    /// finite numbers, increasing, such as `0.1,1,10`.
    static func contourLevels(_ text: String) throws -> ContourLevels.Choice {
        if !text.contains(","), let count = Int(text.trimmingCharacters(in: .whitespaces)) {
            guard (1...100).contains(count) else {
                throw ValueError(
                    description: "expected a count of levels from 1 to 100, or the levels, such as 0.1,1,10")
            }
            return .count(count)
        }
        let values = try point(text)
        guard values.count <= 100 else {
            throw ValueError(description: "at most 100 levels, such as 0.1,1,10")
        }
        do {
            _ = try ContourLevels(values: values)
        } catch {
            throw ValueError(description: error.description)
        }
        return .values(values)
    }

    /// A view range: two finite numbers, the lower first, such as `-3.5,3.5`.
    static func range(_ text: String) throws -> ClosedRange<Double> {
        let bounds = try point(text)
        guard bounds.count == 2 else {
            throw ValueError(description: "expected two numbers, lower and upper, such as -3.5,3.5")
        }
        guard bounds[0] < bounds[1] else {
            throw ValueError(description: "the lower limit must be below the upper one, such as -3.5,3.5")
        }
        guard (bounds[1] - bounds[0]).isFinite else {
            throw ValueError(
                description: "the range is wider than the largest number (about 1.8e308), such as -1e300,1e300")
        }
        return bounds[0]...bounds[1]
    }

    /// A grid spacing: a finite number greater than 0.
    static func gridStep(_ text: String) throws -> Double {
        guard let value = decimal(text), value.isFinite, value > 0 else {
            throw ValueError(description: "expected a finite grid spacing greater than 0, such as 0.25")
        }
        return value
    }

    /// Points of contact for tangents: one to nine finite numbers separated by commas, such as
    /// `5` or `5,10` (nine, so that each tangent has its own colour after the curve's).
    static func tangentPoints(_ text: String) throws -> [Double] {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        let points = try fields.map { field in
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard let value = decimal(trimmed), value.isFinite else {
                throw ValueError(
                    description: (trimmed.isEmpty ? "an empty item" : "'\(trimmed)'")
                        + " is not a finite number; expected points separated by commas, such as 5 or 5,10")
            }
            return value
        }
        guard points.count <= 9 else {
            throw ValueError(description: "at most 9 points, one colour each after the curve's, such as 5,10")
        }
        return points
    }

    /// A point: finite numbers separated by commas, such as `-3,4`.
    static func point(_ text: String) throws -> [Double] {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        return try fields.map { field in
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard let value = decimal(trimmed), value.isFinite else {
                throw ValueError(
                    description:
                        "'\(trimmed)' is not a finite number; expected numbers separated by commas, such as -3,4")
            }
            return value
        }
    }

    /// The longest animation `--duration` accepts, in seconds: an hour.
    static let maximumDuration = 3600.0

    /// An animation's duration in seconds: a finite number greater than 0, at most an hour.
    static func duration(_ text: String) throws -> Double {
        guard let value = decimal(text), value.isFinite, value > 0, value <= maximumDuration else {
            throw ValueError(
                description:
                    "expected a number of seconds greater than 0 and at most \(Int(maximumDuration)), such as 4")
        }
        return value
    }
}

extension GradientMethod: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension Preset: ExpressibleByArgument {}
extension GradientField.Sign: ExpressibleByArgument {}
