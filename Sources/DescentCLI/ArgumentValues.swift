import ArgumentParser
import DescentCore
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

    /// Learning rates separated by commas, such as `0.1,10,1e-8`.
    static func learningRates(_ text: String) throws -> [Double] {
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
        guard rates.count <= 12 else { throw ValueError(description: "at most 12 learning rates, one panel each") }
        return rates
    }

    /// A count from 1 to `limit`.
    static func count(_ text: String, name: String, upTo limit: Int) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...limit).contains(value) else {
            throw ValueError(description: "expected a whole number of \(name) from 1 to \(limit)")
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
}

extension GradientMethod: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension Preset: ExpressibleByArgument {}
