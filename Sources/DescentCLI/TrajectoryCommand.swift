import ArgumentParser
import DescentCore

/// `descent trajectory`: one descent run.
struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Run gradient descent once and report where it went.",
        discussion: """
            By default this is the book's run: x0^2 + x1^2 from (-3, 4), lr 0.1, 20 steps, numerical
            gradient. The status says what kind of run it was: converged, diverged, stalled (x froze
            or crawls while the gradient is not small), oscillating, running (steps ran out first) or
            overflow (a value stopped being finite).

            Example, the book's lr = 10 failure:
              $ descent trajectory --lr 10 --steps 100
              stalled after 100 steps: x = (-25898374737328.363, -1295248616896.5398), f(x) = 6.724034830146604e26
                x stopped moving at step 10 while the gradient norm there is 5.186e+13: x ± h rounds back to x, so the numerical gradient is 0

            --json prints the whole run (history, final, values, status, reason); --data FILE.json or
            FILE.csv writes it.
            """
    )

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let trajectory = try runOptions.descend()
        try outputs.writeData(json: trajectory.json, csv: trajectory.csv)
        if outputs.json {
            print(trajectory.json.serialized())
        } else {
            print(trajectory.summary)
        }
    }
}
