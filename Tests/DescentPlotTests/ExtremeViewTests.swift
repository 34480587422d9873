import DescentCore
import Testing

@testable import DescentPlot

/// Views at the edge of the Doubles and texts far longer than a figure: each is drawn in bounded
/// time (these loops never ended, or took minutes, before) and says what it can.
@Suite struct ExtremeViewTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    @Test func aViewWhoseWidthIsNotFiniteHasNoTicks() {
        #expect(TickLocator.ticks(lower: -1e308, upper: 1e308).isEmpty)
        #expect(TickLocator.ticks(lower: -.infinity, upper: 0).isEmpty)
        #expect(TickLocator.ticks(lower: .nan, upper: 1).isEmpty)
    }

    @Test func aViewWhoseStepIsLostInRoundingHasNoTicks() {
        // 1e20 + 1 == 1e20: no step of 0.1 can advance from one bound to the other.
        #expect(TickLocator.ticks(lower: 1e20, upper: 1e20 + 16384).count <= TickLocator.maximumTickCount + 1)
    }

    @Test func dataNearTheLargestDoubleGetsAFiniteViewWithTicks() throws {
        var axes = Axes()
        axes.add(LineArtist(xs: [-1e308, 1e308], ys: [0, 1]))
        let limits = axes.resolvedLimits
        #expect((limits.x.upperBound - limits.x.lowerBound).isFinite)
        #expect(TickLocator.ticks(lower: limits.x.lowerBound, upper: limits.x.upperBound).count >= 2)
    }

    @Test func aRunThatOverflowsTheViewIsDrawn() throws {
        let run = try GradientDescent.run(
            try Objective(expression: "-x0"), from: [-1e308], learningRate: 1e308, steps: 3)
        let image = try PNGCodec.decode(try TrajectoryFigures.trajectory(run).pngData(font: font))
        #expect(image.width == 640 && image.height == 480)
    }

    @Test func aTenThousandCharacterTitleIsCutToTheLongestPrefixThatFits() throws {
        let title = String(repeating: "gradient descent ", count: 600)
        var axes = Axes()
        axes.title = RichText(title)
        axes.add(LineArtist(xs: [0, 1], ys: [0, 1]))
        let frame = axes.frame(
            box: Rect(x: 80, y: 57.6, width: 496, height: 369.6), cell: Rect(x: 0, y: 0, width: 640, height: 480),
            units: PlotUnits(dpi: 100), font: font)
        let placed = try #require(axes.decorations(in: frame).texts.last)
        let shown = placed.layout.text.plainText
        #expect(shown.hasSuffix("…"))
        let prefix = String(shown.dropLast())
        #expect(title.hasPrefix(prefix) && prefix.count > 10)
        // The cut is the longest: one more character would not fit.
        let size = placed.layout.size
        let longer = frame.layout(RichText(String(title.prefix(prefix.count + 1)) + "…"), points: size / (100.0 / 72))
        #expect(placed.layout.width <= 640 - 4 * 100.0 / 72)
        #expect(longer.width > 640 - 4 * 100.0 / 72)
    }
}
