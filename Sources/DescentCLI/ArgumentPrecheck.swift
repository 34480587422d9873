/// Checks of the raw arguments that ArgumentParser does not make, done before it parses them.
///
/// - An option given twice (`--preset rosenbrock --preset sphere`) is refused: ArgumentParser
///   would keep the last silently, and no option of `descent` is meant to repeat (lists are
///   comma-separated, as `--lr 0.1,10`).
/// - An empty value after `=` (`--lr=`) is refused: ArgumentParser would take the next argument
///   as the value and blame it instead.
///
/// Arguments after a `--` terminator are values, not options, and are left alone.
enum ArgumentPrecheck {
    static func check(_ arguments: some Sequence<String>) throws(CommandError) {
        var seen: Set<Substring> = []
        for argument in arguments {
            if argument == "--" { return }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = argument.prefix { $0 != "=" }
            if name.count == argument.count - 1 {
                throw .usage(
                    "\(argument): the value after '=' is empty; give one, as in \(name)=VALUE or \(name) VALUE")
            }
            guard seen.insert(name).inserted else {
                throw .usage("\(name) is given twice; give it once (lists are comma-separated, as in --lr 0.1,10)")
            }
        }
    }
}
