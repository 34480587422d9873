import ArgumentParser
import DescentCore
import DescentPlot

/// `descent tangent`: a function of one variable with its tangents, the book's Figure 4-7.
struct TangentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tangent",
        abstract: "Draw f(x) and its tangent from the numerical derivative: the book's Figure 4-7.",
        discussion: """
            By default this is the book's figure: f(x) = 0.01*x^2 + 0.1*x over np.arange(0.0, 20.0, \
            0.1) and its tangent at x = 5, whose slope is the book's numerical_diff (central \
            difference, h = 1e-4) and whose line is the book's tangent_line: \
            y = slope*t + (f(x) - slope*x).

            Example, the two slopes the book prints:
              $ descent tangent --at 5,10
              tangent of 0.01*x^2 + 0.1*x at 5: slope 0.1999999999990898, intercept -0.24999999999545
              tangent of 0.01*x^2 + 0.1*x at 10: slope 0.2999999999986347, intercept -0.9999999999863469
              wrote output/tangent.png

            --xlim a,b draws f over np.arange(a, b, (b - a)/200) and up to b, on exactly that view; \
            by default the view is the data's with matplotlib's 5 % margins. --json prints \
            {"function", "tangents": [{"at", "slope", "intercept"}]}; --data FILE.json writes the \
            same, FILE.csv the curve and each tangent, one row per x.
            """
    )

    @Option(
        name: .customLong("function"), parsing: .unconditional,
        help: ArgumentHelp(
            "A function of one variable, e.g. \"0.01*x^2 + 0.1*x\" (x or x0). Default: the book's function_1.",
            valueName: "expression"))
    var functionText: String = "0.01*x^2 + 0.1*x"

    @Option(
        name: .customLong("at"), parsing: .unconditional,
        help: ArgumentHelp(
            "Where to draw tangents: one to nine points, comma-separated (--at=-2,5). Default: 5.", valueName: "x,…"),
        transform: ArgumentValues.tangentPoints)
    var points: [Double] = [5]

    @OptionGroup var figureOptions: FigureOptions
    @OptionGroup var outputs: OutputOptions

    /// The book's curve: `np.arange(0.0, 20.0, 0.1)`.
    static let bookRange: ClosedRange<Double> = 0...20
    /// The book's samples per range: 20 / 0.1.
    static let samples = 200.0

    func run() throws {
        try outputs.check()
        let path = try figureOptions.destination(defaultName: "tangent", panels: 1)
        let font = try FigureOptions.font()
        let objective = try ProblemOptions.objective(functionText: functionText, preset: nil)
        guard objective.dimension == 1 else {
            throw CommandError.usage(
                "--function \(objective.description) is a function of \(objective.dimension) variables; "
                    + "a tangent line is drawn for one (x or x0), such as 0.01*x^2 + 0.1*x")
        }
        let f = { (x: Double) in objective([x]) }
        let tangents = points.map { TangentLine(f, at: $0) }
        for tangent in tangents where !tangent.isFinite || !f(tangent.at).isFinite {
            throw CommandError.usage(
                "--at \(NumberText.shortest(tangent.at)): \(objective.description) has no finite tangent there "
                    + "(f = \(NumberText.shortest(f(tangent.at))), slope = \(NumberText.shortest(tangent.slope)))")
        }
        let range = figureOptions.xlim ?? Self.bookRange
        var xs: [Double]
        do {
            xs = try NumPyArange.values(
                start: range.lowerBound, stop: range.upperBound,
                step: (range.upperBound - range.lowerBound) / Self.samples)
        } catch {
            throw CommandError.usage("--xlim: \(error)")
        }
        if figureOptions.xlim != nil, xs.last.map({ $0 < range.upperBound }) ?? true { xs.append(range.upperBound) }
        let values = xs.map(f)
        let figure = GradientFigures.tangent(
            function: objective.description, xs: xs, values: values, tangents: tangents, xLimits: figureOptions.xlim,
            yLimits: figureOptions.ylim, title: figureOptions.title, width: figureOptions.width,
            height: figureOptions.height, dpi: figureOptions.dpi)
        try figureOptions.save(figure, to: path, font: font)
        let json = JSONValue.object([
            ("function", .string(objective.description)), ("tangents", .array(tangents.map(\.json))),
        ])
        try outputs.writeData(json: json, csv: Self.csv(xs: xs, values: values, tangents: tangents))
        if outputs.json {
            try StandardStreams.print(json.serialized())
        } else {
            for tangent in tangents {
                try StandardStreams.print(
                    "tangent of \(objective.description) at \(NumberText.shortest(tangent.at)): slope "
                        + "\(NumberText.shortest(tangent.slope)), intercept \(NumberText.shortest(tangent.intercept))"
                )
            }
            try StandardStreams.print("wrote \(path)")
        }
    }

    /// The numbers behind the figure: `x,f(x),tangent at 5,…`, one row per x.
    static func csv(xs: [Double], values: [Double], tangents: [TangentLine]) -> String {
        let header = ["x", "f(x)"] + tangents.map { "tangent at \(NumberText.shortest($0.at))" }
        var lines = [header.joined(separator: ",")]
        for (x, value) in zip(xs, values) {
            lines.append(([x, value] + tangents.map { $0(x) }).map(NumberText.shortest).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
