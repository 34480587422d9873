import ArgumentParser
import DescentCore

/// Parsers for option values. Each throws a ``ValueError`` whose text ArgumentParser appends to
/// "The value 'X' is invalid for '--flag <name>': ", so the user reads what is allowed.
enum ArgumentValues {
    struct ValueError: Error, CustomStringConvertible {
        let description: String
    }

    /// A learning rate: a finite number greater than 0.
    static func learningRate(_ text: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0 else {
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

    /// A point: finite numbers separated by commas, such as `-3,4`.
    static func point(_ text: String) throws -> [Double] {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        return try fields.map { field in
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite else {
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
