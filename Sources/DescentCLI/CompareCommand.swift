import ArgumentParser
import Descent
import DescentCore
import DescentPlot

/// `descent compare`: the same run for several learning rates, one panel each.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run the same descent for several learning rates and draw them side by side.",
        discussion: """
            By default these are the book's failure cases next to its good run: lr 0.1 (converges), \
            10 (x leaves the view and freezes where x ± h rounds back to x) and 1e-8 (barely moves), \
            drawn into output/lr_comparison.png. Each panel is titled with its learning rate and \
            status, says in a note what went wrong, marks points that left the view at its edge with \
            their coordinates, and magnifies points piled on one spot in an inset.

            Example:
              $ descent compare --lr 0.1,10,1e-8 --steps 20 --output compare.svg

            --json prints the runs as an array of trajectory objects; --data writes them.
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(
        name: .customLong("lr"), parsing: .unconditional,
        help: ArgumentHelp("The learning rates, comma-separated: one panel each.", valueName: "rates"),
        transform: ArgumentValues.learningRates)
    var learningRates: [Double] = Gallery.comparisonLearningRates

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var animationOptions: AnimationOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let path = try figureOptions.destination(defaultName: "lr_comparison", panels: learningRates.count)
        try animationOptions.check(output: path)
        let font = try FigureOptions.font()
        var runs: [Trajectory] = []
        for rate in learningRates {
            runs.append(try runOptions.descend(learningRate: rate))
        }
        let figure = TrajectoryFigures.comparison(
            runs,
            options: figureOptions.plotOptions(
                style: contourOptions.isGiven ? .landscape : runOptions.problem.figureStyle,
                contours: contourOptions.contours(defaultStyle: .lines)),
            panelWidth: figureOptions.width,
            height: figureOptions.height,
            dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font, animation: animationOptions.animation)
        try outputs.report(runs, figurePath: path) { "lr \(NumberText.shortest($0.learningRate)): \($0.summary)" }
    }
}
