import DescentCore
import Testing

@testable import DescentPlot

/// A run is drawn as its number of variables allows: one variable as the curve with the path on
/// it, three or more as the value and the gradient norm against the step.
@Suite struct RunShapeFigureTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    @Test func aRunOfOneVariableSitsOnItsCurve() throws {
        let run = try GradientDescent.run(
            try Objective(expression: "x^4 - 3*x^2 + x"), from: [2], learningRate: 0.02, steps: 30)
        let figure = TrajectoryFigures.trajectory(run)
        #expect(figure.panels.count == 1)
        let axes = figure.panels[0]
        let box = try #require(figure.layout(font: font).first)
        let limits = axes.resolvedLimits
        let frame = axes.frame(
            box: box, cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
        // The view holds the whole path, with room on either side.
        #expect(limits.x.lowerBound < run.final[0] && limits.x.upperBound > 2)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        // C3 (#d62728) markers where the run was, on the C0 curve f(x).
        for (x, value) in zip(run.history.map { $0[0] }, run.values).prefix(4) {
            let center = frame.pixel(x, value)
            let (r, g, b, _) = image.pixel(Int(center.x.rounded()), Int(center.y.rounded()))
            #expect(
                abs(Int(r) - 214) < 40 && abs(Int(g) - 39) < 40 && abs(Int(b) - 40) < 40, "at \(center): \(r) \(g) \(b)"
            )
        }
        let curveX = limits.x.lowerBound + 0.02 * (limits.x.upperBound - limits.x.lowerBound)
        let onCurve = frame.pixel(curveX, run.objective([curveX]))
        let (r, g, b, _) = image.pixel(Int(onCurve.x.rounded()), Int(onCurve.y.rounded()))
        #expect(b > 150 && r < 120 && g < 170, "curve at \(onCurve): \(r) \(g) \(b)")
    }

    /// The landscape style: the path in red `'o-'`, a white square at the start and a red diamond
    /// at the end (drawn over the path), `+` at each known minimum, named in a legend.
    @Test func aLandscapeRunMarksItsStartItsEndAndItsMinima() throws {
        let run = try GradientDescent.run(Preset.himmelblau.objective, from: [0, 0], learningRate: 0.01, steps: 50)
        let figure = TrajectoryFigures.trajectory(run)
        let axes = figure.panels[0]
        #expect(axes.legend == .best)
        let labelled = axes.artists.compactMap { $0 as? LineArtist }.filter { $0.label != nil }
        #expect(labelled.map(\.label) == ["minima", "start", "end"])
        #expect(labelled[0].xs.count == 4)
        let box = try #require(figure.layout(font: font).first)
        let frame = axes.frame(
            box: box, cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        let start = frame.pixel(0, 0)
        #expect(image.pixel(Int(start.x), Int(start.y)) == (255, 255, 255, 255), "the start's white face")
        let edge = image.pixel(Int((start.x + 5.2).rounded(.down)), Int(start.y))
        #expect(edge.r > 200 && edge.g < 80 && edge.b < 80, "the start's red edge: \(edge)")
        let end = frame.pixel(run.final[0], run.final[1])
        let face = image.pixel(Int(end.x), Int(end.y) + 2)
        #expect(face.r > 200 && face.g < 80, "the end's red face: \(face)")
    }

    /// Contours of f lie under the path, on the level scale of the function's landscape; the
    /// book's style has none.
    @Test func aLandscapeRunIsDrawnOnItsContours() throws {
        let run = try GradientDescent.run(Preset.rosenbrock.objective, from: [-1.2, 1], learningRate: 1e-3, steps: 50)
        let lines = TrajectoryFigures.trajectory(run).panels[0]
        let contours = try #require(lines.artists.first as? ContourArtist)
        #expect(contours.style == .lines && contours.levels.scale == .logarithmic)
        #expect(contours.grid.bounds == Rect(x: -2, y: -1, width: 4, height: 4))
        #expect(lines.colorBar == nil)
        let filled = TrajectoryFigures.trajectory(run, options: .init(contours: .init(style: .filled))).panels[0]
        #expect((filled.artists.first as? ContourArtist)?.style == .filled && filled.colorBar != nil)
        let none = TrajectoryFigures.trajectory(run, options: .init(contours: .init(style: .none))).panels[0]
        #expect(!none.artists.contains { $0 is ContourArtist })
        let book = TrajectoryFigures.trajectory(run, options: .init(style: .book)).panels[0]
        #expect(!book.artists.contains { $0 is ContourArtist })
        let three = TrajectoryFigures.trajectory(run, options: .init(contours: .init(levels: .values([1, 10, 100]))))
        #expect((three.panels[0].artists.first as? ContourArtist)?.levels.values == [1, 10, 100])
    }

    @Test func aPresetsOwnLevelsAreDrawnUnlessOthersAreAsked() throws {
        let run = try GradientDescent.run(Preset.himmelblau.objective, from: [0, 0], learningRate: 0.01, steps: 50)
        let own = try #require(TrajectoryFigures.trajectory(run).panels[0].artists.first as? ContourArtist)
        #expect(own.levels.values == [1, 3, 10, 30, 100, 300] && own.levels.scale == .logarithmic)
        let asked = TrajectoryFigures.trajectory(run, options: .init(contours: .init(levels: .count(3))))
        #expect((asked.panels[0].artists.first as? ContourArtist)?.levels.values != own.levels.values)
    }

    @Test func contoursWhereFIsNotFiniteAreLeftBlankAndSaySo() throws {
        let run = try GradientDescent.run(
            try Objective(expression: "log(x0) + x1^2"), from: [1, 1], learningRate: 0.1, steps: 5)
        var options = TrajectoryFigures.Options(xLimits: -1...2, yLimits: -1...1)
        options.contours = .init(style: .lines)
        let axes = TrajectoryFigures.trajectory(run, options: options).panels[0]
        #expect(axes.artists.first is ContourArtist)
        #expect(
            axes.note.map(\.plainText).contains {
                $0.hasPrefix("f is not finite at ") && $0.hasSuffix(" contour samples: left blank")
            })
    }

    @Test func aRunOfThreeVariablesShowsValueAndGradientNormAgainstTheStep() throws {
        let run = try GradientDescent.run(
            try Objective(expression: "x0^2 + 2*x1^2 + 3*x2^2"), from: [1, 1, 1], learningRate: 0.1, steps: 30)
        #expect(TrajectoryFigures.panelCount(forDimension: 3) == 2)
        let figure = TrajectoryFigures.trajectory(run, width: 640, height: 480)
        #expect(figure.panels.count == 2 && figure.width == 1280)
        #expect(figure.panels.allSatisfy { $0.yScale == .log && $0.xLabel?.plainText == "step" })
        let values = try #require(figure.panels[0].artists.first as? LineArtist)
        #expect(values.ys == run.values + [run.finalValue])
        let norms = try #require(figure.panels[1].artists.first as? LineArtist)
        #expect(norms.ys == run.gradientNorms)
    }

    @Test func limitsOfARunOfThreeVariablesAreTheStepsAndTheValues() throws {
        let run = try GradientDescent.run(
            try Objective(expression: "x0^2 + 2*x1^2 + 3*x2^2"), from: [1, 1, 1], learningRate: 0.1, steps: 30)
        let figure = TrajectoryFigures.trajectory(run, options: .init(xLimits: 0...10, yLimits: 1e-3...10))
        #expect(figure.panels[0].xLimits == 0...10 && figure.panels[0].yLimits == 1e-3...10)
        #expect(figure.panels[1].xLimits == 0...10 && figure.panels[1].yLimits == nil)
    }

    @Test func aSeriesWithANonPositiveValueStaysLinear() {
        #expect(TrajectoryFigures.progressAxes([3, 0, -1], label: "f(x)").yScale == .linear)
        #expect(TrajectoryFigures.progressAxes([3, 1, .infinity], label: "f(x)").yScale == .log)
    }
}
