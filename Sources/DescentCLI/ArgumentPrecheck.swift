/// Checks of the raw arguments that ArgumentParser does not make, done before it parses them.
///
/// - An option given twice (`--preset rosenbrock --preset sphere`) is refused: ArgumentParser
///   would keep the last silently. Lists are comma-separated (`--lr 0.1,10`); the one option meant
///   to repeat is `optimizers --history NAME=FILE`, whose files may hold commas.
/// - An empty value after `=` (`--lr=`) is refused: ArgumentParser would take the next argument
///   as the value and blame it instead.
///
/// Arguments after a `--` terminator are values, not options, and are left alone. A value that
/// itself starts with `--` (a title such as `--title --x`) is read as an option here: such values
/// need the `=` form, `--title=--x`.
///
/// The names seen are kept in an array, searched from end to end: a command line holds a few
/// dozen options at most, and a `Set` of them costs more to set up than all the searches together
/// (the Swift runtime's first look-up of `Substring`'s `Hashable` conformance scans every
/// conformance in the binary: 0.4 million instructions, 3 % of `descent --help`).
enum ArgumentPrecheck {
    /// The options that `subcommand` allows more than once.
    static func repeatable(in subcommand: String?) -> [Substring] {
        subcommand == "optimizers" ? ["--history"] : []
    }

    static func check(_ arguments: some Sequence<String>) throws(CommandError) {
        var seen: [Substring] = []
        let mayRepeat = repeatable(in: arguments.first { !$0.hasPrefix("-") })
        for argument in arguments {
            if argument == "--" { return }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = argument.prefix { $0 != "=" }
            if name.count == argument.count - 1 {
                throw .usage(
                    "\(argument): the value after '=' is empty; give one, as in \(name)=VALUE or \(name) VALUE")
            }
            let isNew = !seen.contains(name)
            if isNew { seen.append(name) }
            guard isNew || mayRepeat.contains(name) else {
                throw .usage("\(name) is given twice; give it once (lists are comma-separated, as in --lr 0.1,10)")
            }
        }
    }
}
