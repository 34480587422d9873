import DescentCore
import Testing

@testable import DescentPlot

/// The book's Figure 6-8 and its overlay.
@Suite struct OptimizerFigureTests {
    let font: Font
    let runs: [Trajectory]

    init() throws {
        font = try Font.standard()
        let objective = Preset.bookCh6.objective
        let book: [(OptimizerKind, Double)] = [(.sgd, 0.95), (.momentum, 0.1), (.adagrad, 1.5), (.adam, 0.3)]
        runs = try book.map { kind, rate in
            let optimizer = try kind.make(learningRate: rate)
            return try GradientDescent.run(
                objective, from: [-7, 2], steps: 30, gradient: .analytic, optimizer: optimizer)
        }
    }

    @Test func fourOptimisersMakeTheBooks2By2WithTitlesByName() {
        let figure = OptimizerFigures.figure(runs)
        #expect(figure.rows == 2 && figure.columns == 2 && figure.width == 1280 && figure.height == 960)
        #expect(
            figure.panels.map { $0.title?.plainText } == [
                "SGD, lr 0.95", "Momentum, lr 0.1", "AdaGrad, lr 1.5", "Adam, lr 0.3",
            ])
        for panel in figure.panels {
            #expect(panel.xLimits == -10...10 && panel.yLimits == -10...10)
            #expect(panel.xLabel?.plainText == "x" && panel.yLabel?.plainText == "y")
            #expect(panel.artists.first is ContourArtist)
            let path = panel.artists.compactMap { $0 as? LineArtist }.first { $0.style != .none }
            #expect(path?.color == TrajectoryFigures.pathColor && path?.xs.count == 31)
        }
    }

    /// The contour grid is sampled once per function and view, not once per panel; a panel of
    /// another function has its own, and a panel built alone has the same grid.
    @Test func panelsOfOneFunctionShareItsContoursAndAnotherFunctionHasItsOwn() throws {
        let sphere = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        let figure = OptimizerFigures.figure(runs + [sphere])
        let grids = figure.panels.compactMap { ($0.artists.first as? ContourArtist)?.grid }
        #expect(grids.count == 5)
        #expect(grids[1...3].allSatisfy { $0.values == grids[0].values && $0.bounds == grids[0].bounds })
        #expect(grids[4].bounds != grids[0].bounds)
        let alone = OptimizerFigures.figure([runs[2]]).panels[0].artists.first as? ContourArtist
        #expect(alone?.grid.values == grids[2].values)
        #expect(alone?.polylines == (figure.panels[2].artists.first as? ContourArtist)?.polylines)
    }

    /// The book's figure overlaps titles and tick labels; here no text of one panel reaches another's.
    @Test func noTwoPanelsTextsOverlap() {
        let figure = OptimizerFigures.figure(runs, panelWidth: 320, panelHeight: 240)
        let used = figure.panelTextBounds(font: font)
        for i in used.indices {
            for j in used.indices where j > i {
                #expect(!used[i].intersects(used[j]), "panels \(i) and \(j) overlap")
            }
        }
    }

    @Test func anOverlayDrawsEveryPathInItsColourWithALegend() {
        let figure = OptimizerFigures.figure(runs, layout: .overlay)
        #expect(figure.panels.count == 1 && figure.width == 640)
        let axes = figure.panels[0]
        let labelled = axes.artists.compactMap { $0 as? LineArtist }.filter { $0.label != nil }
        #expect(
            labelled.map(\.label) == [
                "minimum", "SGD, lr 0.95", "Momentum, lr 0.1", "AdaGrad, lr 1.5", "Adam, lr 0.3", "start",
            ])
        #expect(labelled[1...4].map(\.color) == Array(Color.cycle[0..<4]))
        #expect(axes.legend == .best)
    }

    @Test func aGridOfFiveLeavesItsSixthCellBlank() throws {
        let five = runs + [runs[0]]
        let figure = OptimizerFigures.figure(five.dropLast() + [runs[1]], panelWidth: 200, panelHeight: 160)
        #expect(figure.rows == 2 && figure.columns == 3)
        #expect(figure.panels[5].isBlank)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        let cell = figure.cells[5]
        let inked = stride(from: Int(cell.minX) + 2, to: Int(cell.maxX) - 2, by: 3).contains { x in
            stride(from: Int(cell.minY) + 2, to: Int(cell.maxY) - 2, by: 3).contains { image.pixel(x, $0).r < 250 }
        }
        #expect(!inked, "the blank cell is left white")
    }
}
