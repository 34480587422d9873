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
        for (x, value) in zip(run.history.map { $0[$0.startIndex] }, run.values).prefix(4) {
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

    @Test func aSeriesWithANonPositiveValueStaysLinear() {
        #expect(TrajectoryFigures.progressAxes([3, 0, -1], label: "f(x)").yScale == .linear)
        #expect(TrajectoryFigures.progressAxes([3, 1, .infinity], label: "f(x)").yScale == .log)
    }
}
