import ArgumentParser
import DescentCore
import DescentPlot
import Foundation

/// `descent field`: the gradient of a function of two variables as arrows, the book's Figure 4-9.
struct FieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "Draw −∇f as arrows on a grid: the book's Figure 4-9.",
        discussion: """
            By default this is the book's figure: x0^2 + x1^2 on np.arange(-2, 2.5, 0.25) along both \
            axes (18 × 18 points; the last row and column, at 2.25, lie past the view, as in the \
            book's figure), the numerical gradient (h = 1e-4) at each point, grey arrows of -∇f scaled as \
            plt.quiver(X, Y, -grad[0], -grad[1], angles="xy") scales them, on -2..2 × -2..2.

            Example:
              $ descent field --function "x0^2 - x1^2" --output saddle.svg
              324 arrows of -∇f for x0^2 - x1^2 on a grid of 18 × 18 points, -2 to 2.25 by 0.25 along x0 and x1; the longest is 6.363961030689217 long, at (2.25, 2.25)
              wrote saddle.svg

            The grid runs from each lower limit by --step up to the upper limit plus two steps, \
            as the book's does; without --step, the spacing is the nice number (1, 2, 2.5 or 5 \
            times a power of 10) nearest a sixteenth of the view (0.25 for the book's). Where the \
            gradient is not finite (log(x0) left of 0) there is no arrow, a warning on stderr says \
            where, and the figure says how many. --json prints {"function", "sign", "points", \
            "vectors"}, the arrows as drawn; --data FILE.json or FILE.csv (x0,x1,v0,v1) writes them.
            """
    )

    @Option(
        name: .customLong("function"), parsing: .unconditional,
        help: ArgumentHelp(
            "A function of two variables, e.g. \"x0^2 + x1^2\" (x0, x1 or x, y). Default: x0^2 + x1^2.",
            valueName: "expression"))
    var functionText: String?

    @Option(help: "A named test function, drawn on its own domain. Default: none (the book's x0^2 + x1^2 on -2..2).")
    var preset: Preset?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The grid spacing on both axes (at most \(GradientField.maximumArrows) arrows). Default: the book's 0.25 on its view.",
            valueName: "spacing"),
        transform: ArgumentValues.gridStep)
    var step: Double?

    @Option(help: "descent: arrows of -∇f (the book's); ascent: arrows of +∇f.")
    var sign: GradientField.Sign = .descent

    @OptionGroup var contourOptions: ContourOptions
    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    func run() throws {
        try outputs.check()
        let path = try figureOptions.destination(defaultName: "gradient_field", panels: 1)
        let font = try FigureOptions.font()
        let objective = try ProblemOptions.objective(functionText: functionText, preset: preset)
        guard objective.dimension == 2 else {
            throw CommandError.usage(
                "\(objective.description) is a function of \(objective.dimension) variable"
                    + "\(objective.dimension == 1 ? "" : "s"); a gradient field is drawn for two (x0 and x1, or x and y)"
            )
        }
        // The book's view unless a preset (or a function with a landscape) brings its own.
        let landscape = functionText == nil && preset == nil ? nil : objective.landscape
        let xLimits = figureOptions.xlim ?? landscape?.x ?? GradientField.bookLimits
        let yLimits = figureOptions.ylim ?? landscape?.y ?? GradientField.bookLimits
        let spacing = step ?? GradientField.defaultStep(x: xLimits, y: yLimits)
        let grid: (x: [Double], y: [Double])
        do {
            grid = try GradientField.grid(x: xLimits, y: yLimits, step: spacing)
        } catch {
            throw CommandError.usage(Self.gridError(error, step: spacing, x: xLimits, y: yLimits))
        }
        let field = GradientField(objective: objective, gridX: grid.x, gridY: grid.y, sign: sign)
        let missing = field.nonFiniteIndices
        if missing.count == field.count {
            throw CommandError.usage(
                "the gradient of \(objective.description) is not finite at any of the \(field.count) points of the "
                    + "grid; choose a view where it is defined (--xlim, --ylim)")
        }
        if let first = missing.first {
            StandardStreams.printError(
                "descent: warning: the gradient of \(objective.description) is not finite at \(missing.count) of "
                    + "\(field.count) points (the first at (\(Self.format(field.xs[first])), "
                    + "\(Self.format(field.ys[first])))); they have no arrow\n")
        }
        var figure = GradientFigures.field(
            field, xLimits: xLimits, yLimits: yLimits, title: figureOptions.title, width: figureOptions.width,
            height: figureOptions.height, dpi: figureOptions.dpi)
        figure[0, 0].addContours(
            of: objective, over: (xLimits, yLimits), contourOptions.contours(defaultStyle: .none))
        try figureOptions.save(figure, to: path, font: font)
        try outputs.writeData(json: field.json, csv: field.csv)
        if outputs.json {
            try StandardStreams.print(field.json.serialized())
        } else {
            try StandardStreams.print(Self.summary(field, step: spacing))
            try StandardStreams.print("wrote \(path)")
        }
    }

    private static func format(_ value: Double) -> String { NumberText.shortest(value) }

    /// One line for a person: how many arrows on what grid, and the longest.
    static func summary(_ field: GradientField, step: Double) -> String {
        let shown = field.xs.indices.filter(field.isFinite(at:))
        guard let longest = shown.max(by: { hypot(field.us[$0], field.vs[$0]) < hypot(field.us[$1], field.vs[$1]) })
        else { return "no finite arrow of \(field.function) on the grid" }
        let along = { (values: [Double]) in
            values.count < 2
                ? format(values[0])
                : "\(format(values[0])) to \(format(values[values.count - 1])) by \(format(step))"
        }
        let axes =
            field.gridX == field.gridY
            ? "\(along(field.gridX)) along x0 and x1" : "\(along(field.gridX)) along x0, \(along(field.gridY)) along x1"
        return "\(shown.count) arrows of \(field.sign == .descent ? "-" : "+")∇f for \(field.function) on a grid of "
            + "\(field.gridX.count) × \(field.gridY.count) points, \(axes); the longest is "
            + "\(format(hypot(field.us[longest], field.vs[longest]))) long, at "
            + "(\(format(field.xs[longest])), \(format(field.ys[longest])))"
    }

    /// The grid's failure, naming the flags and the way out.
    static func gridError(
        _ failure: NumPyArange.Failure, step: Double, x: ClosedRange<Double>, y: ClosedRange<Double>
    ) -> String {
        switch failure {
        case .tooMany(let count, let limit):
            // A grid runs two steps past each upper limit: n + 2 points a side for a side n steps long.
            let side = max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound)
            let stepsASide = Double(limit).squareRoot() - 2
            return
                "--step \(format(step)) makes \(format(count)) arrows over \(format(x.lowerBound))..\(format(x.upperBound))"
                + " × \(format(y.lowerBound))..\(format(y.upperBound)); at most \(limit) are drawn "
                + "(a step of about \(String(format: "%.3g", side / stepsASide)) or more)"
        default:
            return "--step \(format(step)): \(failure)"
        }
    }
}
