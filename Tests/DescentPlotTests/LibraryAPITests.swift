import Descent
import Foundation
import Testing

@testable import DescentPlot

/// What a user of the library builds on: figure sizes per panel, the trajectory options, a path
/// computed elsewhere, log scales, a custom artist drawn alone, and the gallery's figures.
@Suite struct LibraryAPITests {
    let font: Font
    let bookRun: Trajectory

    init() throws {
        font = try Font.standard()
        bookRun = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
    }

    @Test func aFiguresPanelsHaveTheSizeOfTheCommandLinesWidth() {
        let two = Figure(columns: 2)
        #expect(two.width == 1280 && two.height == 480 && two.cells[1] == Rect(x: 640, y: 0, width: 640, height: 480))
        let grid = Figure(panelWidth: 300, panelHeight: 200, rows: 2, columns: 3)
        #expect(grid.width == 900 && grid.height == 400)
        let whole = Figure(width: 800, height: 600, columns: 2)
        #expect(whole.width == 800 && whole.cells[0].width == 400)
    }

    /// The SVG of `figure` with its text as `<text>` elements.
    private func svgText(_ figure: Figure) -> String {
        figure.svgDocument(font: font, textMode: .characters)
    }

    @Test func guidesAndLabelsAreOptions() throws {
        let book = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let guides = { (figure: Figure) in figure.panels[0].artists.compactMap { $0 as? GuideLine } }
        #expect(guides(book).map(\.value) == [0, 0])
        let hidden = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book, guides: .hidden))
        #expect(guides(hidden).isEmpty)
        let moved = TrajectoryFigures.trajectory(
            bookRun, options: .init(style: .landscape, guides: .through(x: 1, y: -2)))
        #expect(guides(moved).map(\.orientation) == [.horizontal, .vertical] && guides(moved).map(\.value) == [-2, 1])
        #expect(guides(TrajectoryFigures.trajectory(bookRun)).isEmpty, "the landscape style draws none by default")

        let labelled = TrajectoryFigures.trajectory(
            bookRun, options: .init(style: .book, xLabel: "weight", yLabel: "bias"))
        let svg = svgText(labelled)
        #expect(svg.contains(">weight</text>") && svg.contains(">bias</text>") && !svg.contains(">X0</text>"))
        let unlabelled = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book, xLabel: ""))
        #expect(unlabelled.panels[0].xLabel == nil && unlabelled.panels[0].yLabel?.plainText == "X1")
    }

    @Test func theAxesOfARunGoInAFigureOfOnesOwn() throws {
        var figure = Figure(columns: 2)
        figure[0, 0] = TrajectoryFigures.axes(for: bookRun, options: .init(title: "lr = 0.1", style: .book))
        figure[0, 1] = TrajectoryFigures.axes(
            for: try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.5, steps: 20),
            options: .init(title: "lr = 0.5", style: .book))
        #expect(figure.panels.map { $0.title?.plainText } == ["lr = 0.1", "lr = 0.5"])
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        #expect(image.width == 1280 && image.height == 480)
        // The first point, (−3, 4), of the right panel: a C0 circle where its axes put it.
        let box = figure.layout(font: font)[1]
        let frame = figure.panels[1].frame(box: box, cell: figure.cells[1], units: PlotUnits(), font: font)
        let start = frame.pixel(-3, 4)
        let (r, g, b, _) = image.pixel(Int(start.x), Int(start.y))
        #expect(abs(Int(r) - 31) <= 3 && abs(Int(g) - 119) <= 3 && abs(Int(b) - 180) <= 3)
    }

    @Test func aPathComputedElsewhereIsDrawnAsARunIs() throws {
        // Momentum written by hand on x0² + x1², as another program would.
        var (x, v) = ([-3.0, 4.0], [0.0, 0.0])
        var points = [x]
        for _ in 0..<15 {
            v = zip(v, x).map { 0.9 * $0 - 0.05 * 2 * $1 }
            x = zip(x, v).map { $0 + $1 }
            points.append(x)
        }
        let path = try Trajectory(recorded: points, objective: Preset.sphere.objective)
        #expect(path.history[1][0] == points[1][0])
        let figure = TrajectoryFigures.trajectory(path)
        let lines = figure.panels[0].artists.compactMap { $0 as? LineArtist }
        #expect(lines.contains { $0.xs == points.map { $0[0] } && $0.ys == points.map { $0[1] } })
        #expect(try PNGCodec.decode(try figure.pngData(font: font)).width == 640)
    }

    /// matplotlib masks values ≤ 0 on a log axis: the view is the positive data's, and the masked
    /// point is neither drawn nor marked as outside the view.
    @Test func aLogScaleLeavesNonPositiveValuesOut() throws {
        var axes = Axes()
        axes.yScale = .log
        axes.add(LineArtist(xs: [0, 1, 2, 3], ys: [1, 0, 10, 100], marker: Marker(.circle)))
        let limits = axes.resolvedLimits.y
        // 1 … 100 widened by 5 % of its two decades on each side, as matplotlib's margins.
        #expect(abs(limits.lowerBound - pow(10, -0.1)) < 1e-12 && abs(limits.upperBound - pow(10, 2.1)) < 1e-9)
        var figure = Figure()
        figure[0, 0] = axes
        let svg = svgText(figure)
        #expect(!svg.contains("(1, 0)") && !svg.contains("outside-view"))
        let negative = LineArtist(xs: [0, 1], ys: [-5, 10])
        #expect(negative.dataBounds(xScale: .linear, yScale: .log) == Rect(x: 1, y: 10, width: 0, height: 0))
        #expect(negative.dataBounds == Rect(x: 0, y: -5, width: 1, height: 15))
        #expect(Scale.log.masks(0) && Scale.log.masks(-1) && !Scale.log.masks(.infinity) && !Scale.linear.masks(-1))
    }

    /// A custom artist, drawn alone on a canvas of its own through a frame built by hand.
    @Test func aCustomArtistCanBeDrawnAlone() throws {
        struct Square: Artist {
            var dataBounds: Rect? { Rect(x: 1, y: 1, width: 1, height: 1) }
            func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
                let (low, high) = (frame.pixel(1, 1), frame.pixel(2, 2))
                canvas.fill(
                    .rectangle(Rect(x: low.x, y: high.y, width: high.x - low.x, height: low.y - high.y)),
                    color: Color(hex: "#ff0000")!)
            }
        }
        let frame = AxesFrame(
            box: Rect(x: 0, y: 0, width: 40, height: 40), xLimits: 0...4, yLimits: 0...4, font: font)
        #expect(frame.cell == frame.box && frame.textScale == 1 && frame.units.dpi == 100)
        var canvas = RasterCanvas(width: 40, height: 40)
        Square().draw(on: &canvas, in: frame)
        let image = try PNGCodec.decode(try canvas.png(dpi: 100, metadata: []))
        #expect(image.pixel(15, 25) == (255, 0, 0, 255))
        #expect(image.pixel(5, 25) == (255, 255, 255, 255) && image.pixel(15, 35) == (255, 255, 255, 255))
    }

    @Test func theGalleryDrawsTheBooksRuns() throws {
        let runs = try Gallery.descentRuns()
        #expect(runs.map(\.learningRate) == [0.1, 10, 1e-8] && runs.allSatisfy { $0.history.count == 20 })
        #expect(Gallery.networkConfigurations(iterations: 50).map(\.learningRate) == [0.01, 0.1, 1])
        let logs = Gallery.networkLearningRates.map { TrainingLog(learningRate: $0, loss: [2, 1]) }
        let figures = Gallery.figures(descentRuns: runs, networkLogs: logs)
        #expect(
            figures.map(\.name) == ["trajectory", "lr_comparison", "train_loss", "train_accuracy", "lr_comparison_net"])
        #expect(figures[1].figure.width == 1920)
        let single = try #require(figures.first { $0.name == "train_loss" })
        #expect(single.figure.panels[0].artists.count == 2, "the book's run alone: its raw and smoothed loss")
    }
}
