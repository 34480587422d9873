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
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp("The learning rate η: each step moves x by −η·∇f(x).", valueName: "rate"),
        transform: ArgumentValues.learningRate)
    var learningRate: Double = 0.1

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let panels = TrajectoryFigures.panelCount(forDimension: try runOptions.objective().dimension)
        let path = try figureOptions.destination(defaultName: "trajectory", panels: panels)
        let font = try FigureOptions.font()
        let trajectory = try runOptions.descend(learningRate: learningRate)
        let figure = TrajectoryFigures.trajectory(
            trajectory,
            options: figureOptions.plotOptions(style: runOptions.figureStyle, contours: contourOptions.contours(defaultStyle: .lines)),
            width: figureOptions.width,
            height: figureOptions.height,
            dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font)
        try outputs.writeData(json: trajectory.json, csv: trajectory.csv)
        if outputs.json {
            try StandardStreams.print(trajectory.json.serialized())
        } else {
            try StandardStreams.print(trajectory.summary)
            try StandardStreams.print("wrote \(path)")
        }
    }
}
