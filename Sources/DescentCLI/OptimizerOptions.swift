import ArgumentParser
import DescentCore

/// The optimiser settings besides the learning rate (`--momentum`, `--decay`, `--beta1`,
/// `--beta2`), shared by the commands that choose an optimiser. Each is checked as it is parsed
/// (a number in [0, 1)); one given for an optimiser that does not have it is refused by
/// ``check(for:)`` rather than silently ignored.
struct OptimizerOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The fraction of the velocity kept (momentum, nesterov). Default: 0.9.", valueName: "m"),
        transform: ArgumentValues.fraction)
    var momentum: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The fraction of the mean of g² kept (rmsprop). Default: 0.99.", valueName: "d"),
        transform: ArgumentValues.fraction)
    var decay: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Adam's β₁, the decay of the mean of g. Default: 0.9.", valueName: "b1"),
        transform: ArgumentValues.fraction)
    var beta1: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Adam's β₂, the decay of the mean of g². Default: 0.999.", valueName: "b2"),
        transform: ArgumentValues.fraction)
    var beta2: Double?

    /// The settings given on the command line.
    var hyperparameters: [Hyperparameter: Double] {
        let given: [(Hyperparameter, Double?)] = [
            (.momentum, momentum), (.decay, decay), (.beta1, beta1), (.beta2, beta2),
        ]
        return Dictionary(uniqueKeysWithValues: given.compactMap { setting, value in value.map { (setting, $0) } })
    }

    /// Refuses a setting that none of `kinds` has, naming its flag and the optimisers that take it:
    /// `--momentum 0.5: --optimizer adam has no momentum; it is a setting of momentum and nesterov`.
    func check(for kinds: OptimizerKind...) throws(CommandError) {
        try check(for: kinds)
    }

    /// Refuses a setting that none of `kinds` has (see ``check(for:)-(OptimizerKind...)``).
    func check(for kinds: [OptimizerKind]) throws(CommandError) {
        let given = hyperparameters
        for setting in Hyperparameter.allCases where given[setting] != nil {
            guard !kinds.contains(where: { $0.hyperparameters.contains(setting) }) else { continue }
            let owners = OptimizerKind.allCases.filter { $0.hyperparameters.contains(setting) }.map(\.rawValue)
            let chosen = kinds.map(\.rawValue).joined(separator: ",")
            throw .usage(
                "--\(setting.rawValue) \(NumberText.shortest(given[setting]!)): --optimizer \(chosen) has no "
                    + "\(setting.rawValue); it is a setting of \(owners.joined(separator: " and "))")
        }
    }
}
