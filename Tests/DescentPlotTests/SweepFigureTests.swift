import DescentCore
import Testing

@testable import DescentPlot

@Suite struct SweepFigureTests {
    let runs: [Trajectory]

    init() throws {
        let objective = Preset.sphere.objective
        runs = try LearningRateSweep.logSpaced(1e-10...10, count: 45).map {
            try GradientDescent.run(objective, from: [-3, 4], learningRate: $0, steps: 20)
        }
    }

    @Test func everyStatusHasItsOwnSeriesCountedInTheLegend() {
        let axes = SweepFigures.sweep(runs).panels[0]
        let labels = axes.artists.compactMap { ($0 as? LineArtist)?.label }
        #expect(labels == ["converged (4)", "diverged (1)", "stalled (18)", "oscillating (1)", "running (21)"])
        #expect(axes.xScale == .log && axes.yScale == .log)
        #expect(axes.title?.plainText == "x0^2 + x1^2, 20 steps: converged for 0.1 ≤ lr ≤ 0.562")
    }

    @Test func theConvergedRatesAreShadedHalfwayToTheirNeighbours() {
        let bands = SweepFigures.convergedBands(runs)
        #expect(bands.count == 1)
        let band = bands[0]
        #expect(abs(band.lowerBound - (0.05623413251903491 * 0.1).squareRoot()) < 1e-15)
        #expect(abs(band.upperBound - (0.5623413251903491 * 1.0).squareRoot()) < 1e-15)
        #expect(SweepFigures.sweep(runs).panels[0].artists.filter { $0 is RegionArtist }.count == 1)
    }

    @Test func givenLimitsReplaceTheViewsChosenFromTheRuns() {
        let axes = SweepFigures.sweep(runs, xLimits: 1e-5...1, yLimits: 1e-10...1e10).panels[0]
        #expect(axes.xLimits == 1e-5...1 && axes.yLimits == 1e-10...1e10)
    }

    @Test func theBooksRatesAreAnnotated() {
        let notes = SweepFigures.sweep(runs).panels[0].artists.compactMap { $0 as? TextArtist }
        #expect(notes.map(\.text.plainText) == ["book: lr = 10", "book: lr = 0.1", "book: lr = 1e−8"])
        #expect(notes.allSatisfy { $0.arrowTo != nil })
    }

    @Test func aRunThatOverflowedSitsOnTheTopEdge() throws {
        let overflow = try GradientDescent.run(
            try Objective(expression: "x0^4 + x1^2"), from: [1e100, 0], learningRate: 1, steps: 3)
        #expect(overflow.outcome.status == .overflow)
        let axes = SweepFigures.sweep([runs[40], overflow]).panels[0]
        let series = try #require(axes.artists.compactMap { $0 as? LineArtist }.first { $0.label == "overflow (1)" })
        #expect(series.ys == [axes.yLimits!.upperBound])
    }
}
