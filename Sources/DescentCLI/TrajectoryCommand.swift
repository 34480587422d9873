import ArgumentParser
import DescentCore
import DescentPlot

/// `descent trajectory`: one descent run, and the book's Figure 4-10 of it.
struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Run gradient descent once, report where it went, and draw it.",
        discussion: """
            By default this is the book's run: x0^2 + x1^2 from (-3, 4), lr 0.1, 20 steps, numerical \
            gradient, drawn as the book's Figure 4-10 into output/trajectory.png. The status says what \
            kind of run it was: converged, diverged, stalled (x froze or crawls while the gradient is \
            not small), oscillating, running (steps ran out first) or overflow (a value stopped being \
            finite).

            Example, the book's lr = 10 failure:
              $ descent trajectory --lr 10 --steps 100 --output lr10.svg
              stalled after 100 steps: x = (-25898374737328.363, -1295248616896.5398), f(x) = 6.724034830146604e26
                x stopped moving at step 10 while the gradient norm there is 5.186e13: x ± h rounds back to x, so the numerical gradient is 0
              wrote lr10.svg

            --json prints the whole run (history, final, values, status, reason); --data FILE.json or \
            FILE.csv writes it.

            --history FILE draws a path another program computed instead of running one: a NumPy .npy \
            of shape (n, d) or (n,), a CSV (--data's, or plain rows of numbers) or JSON (a trajectory \
            object, or an array of points). Its rows are every x visited, the last one the final x. \
            With --function or --preset, the function's contours are drawn behind the path and its \
            values computed; without, the status is judged from the points alone.
              $ python3 -c "import numpy as np; np.save('h.npy', np.array([[-3, 4], [-2.4, 3.2], [-1.92, 2.56]]))"
              $ descent trajectory --history h.npy --preset sphere --output h.svg
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp(
            "The optimiser's learning rate η (SGD moves x by −η·∇f(x)). Default: the preset's, or the book's 0.1.",
            valueName: "rate"),
        transform: ArgumentValues.learningRate)
    var learningRate: Double?

    @Option(
        help: ArgumentHelp(
            "Draw the path recorded in FILE (.npy, .csv or .json) instead of running one; --function or --preset "
                + "draw its function behind it.",
            valueName: "file"))
    var history: String?

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var animationOptions: AnimationOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        if let history {
            return try draw(history: history)
        }
        let panels = TrajectoryFigures.panelCount(forDimension: try runOptions.problem.objective().dimension)
        let path = try figureOptions.destination(defaultName: "trajectory", panels: panels)
        try animationOptions.check(output: path)
        let font = try FigureOptions.font()
        let trajectory = try runOptions.descend(learningRate: learningRate ?? runOptions.defaultLearningRate)
        try present(
            trajectory, style: contourOptions.isGiven ? .landscape : runOptions.problem.figureStyle, to: path,
            font: font)
    }

    /// Draws `trajectory` in `style` to `path`, writes its data, and reports it: the JSON, or the
    /// summary, the `notes` and where the figure went.
    private func present(
        _ trajectory: Trajectory, style: TrajectoryFigures.Style, to path: String, font: Font, notes: [String] = []
    ) throws {
        let figure = TrajectoryFigures.trajectory(
            trajectory,
            options: figureOptions.plotOptions(
                style: style, contours: contourOptions.contours(defaultStyle: .lines)),
            width: figureOptions.width,
            height: figureOptions.height,
            dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font, animation: animationOptions.animation)
        try outputs.writeData(json: trajectory.json, csv: trajectory.csv)
        if outputs.json {
            try StandardStreams.print(trajectory.json.serialized())
        } else {
            try StandardStreams.print(trajectory.summary)
            for note in notes { try StandardStreams.print(note) }
            try StandardStreams.print("wrote \(path)")
        }
    }

    /// The flags given that describe a run to make, which a recorded history has already made.
    private var runOnlyFlags: [String] {
        let problem = runOptions.problem
        let settings = runOptions.settings
        let given: [(String, Bool)] = [
            ("--init", problem.initialPoint != nil), ("--lr", learningRate != nil),
            ("--steps", problem.givenSteps != nil),
            ("--optimizer", runOptions.givenOptimizer != nil), ("--momentum", settings.momentum != nil),
            ("--decay", settings.decay != nil), ("--beta1", settings.beta1 != nil), ("--beta2", settings.beta2 != nil),
        ]
        return given.filter(\.1).map(\.0)
    }

    /// `--history FILE`: the recorded path, drawn as a run's, with the function's contours behind
    /// it when `--function` or `--preset` names one.
    private func draw(history path: String) throws {
        if let name = runOnlyFlags.first {
            throw CommandError.usage(
                "\(name) describes a run to make; --history \(path) draws one already made (its start is its first point)"
            )
        }
        let problem = runOptions.problem
        let objective = problem.functionText == nil && problem.preset == nil ? nil : try problem.objective()
        let trajectory: Trajectory
        do {
            trajectory = try Trajectory.loadHistory(path, objective: objective, gradient: problem.gradient(.chapter4))
        } catch {
            throw CommandError.usage("--history \(error.description)")
        }
        let output = try figureOptions.destination(
            defaultName: "trajectory", panels: TrajectoryFigures.panelCount(for: trajectory))
        try animationOptions.check(output: output)
        let font = try FigureOptions.font()
        var notes: [String] = []
        if let stop = trajectory.earlyStop, trajectory.requestedSteps > stop.step {
            let dropped = trajectory.requestedSteps - stop.step
            notes.append(
                "  the \(dropped) point\(dropped == 1 ? "" : "s") recorded after it \(dropped == 1 ? "is" : "are") not drawn"
            )
        }
        try present(trajectory, style: .landscape, to: output, font: font, notes: notes)
    }
}
