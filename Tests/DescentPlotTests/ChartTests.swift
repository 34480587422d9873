import Foundation
import Testing

@testable import DescentPlot

/// Axes features beyond the book's figure: legend placement, marker shapes, grid, log scales.
@Suite struct ChartTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    private func frame(_ axes: Axes, box: Rect = Rect(x: 80, y: 57.6, width: 496, height: 369.6)) -> AxesFrame {
        axes.frame(box: box, cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
    }

    @Test func theBestLegendPlaceHidesNoData() {
        var axes = Axes()
        axes.xLimits = 0...10
        axes.yLimits = 0...10
        // Data fills the upper right quadrant, matplotlib's first choice.
        let xs = stride(from: 5.5, through: 9.5, by: 0.5).flatMap { x in
            stride(from: 5.5, through: 9.5, by: 0.5).map { _ in x }
        }
        let ys = stride(from: 5.5, through: 9.5, by: 0.5).flatMap { _ in
            stride(from: 5.5, through: 9.5, by: 0.5).map { $0 }
        }
        axes.add(LineArtist(xs: xs, ys: ys, style: .none, marker: Marker(.circle), label: "points"))
        let frame = frame(axes)
        let points = axes.artists.flatMap { $0.screenPoints(in: frame) }.map {
            Rect(x: $0.x, y: $0.y, width: 0, height: 0)
        }
        let chosen = Legend.place(width: 100, height: 30, location: .best, in: frame, avoiding: points)
        #expect(!points.contains { chosen.contains(Point($0.x, $0.y)) })
        #expect(chosen.minY < frame.box.center.y, "an upper place is free: upper left")
        #expect(chosen.maxX < frame.box.center.x)
        #expect(
            Legend.place(width: 100, height: 30, location: .lowerRight, in: frame, avoiding: points).maxX
                > frame.box.center.x)
    }

    @Test(arguments: [(MarkerShape.square, 1.0), (.diamond, 0.5), (.triangle, 0.5), (.circle, Double.pi / 4)])
    func markerShapesHaveTheirAreas(shape: MarkerShape, fraction: Double) {
        let size = 40.0
        let polygons = shape.path(center: Point(50.5, 50.5), size: size).flattened()
        let mask = Rasterizer.coverage(
            of: polygons, rule: .nonZero, clip: PixelBounds(minX: 0, minY: 0, maxX: 100, maxY: 100))!
        let area = mask.coverage.reduce(0) { $0 + Double($1) }
        #expect(abs(area - fraction * size * size) / (fraction * size * size) < 0.01, "\(shape): \(area)")
    }

    @Test func crossesAndPlusesAreStrokesOnly() {
        #expect(!MarkerShape.plus.isFilled && !MarkerShape.cross.isFilled)
        #expect(MarkerShape.cross.path(center: .zero, size: 10).flattened().count == 2)
    }

    @Test func gridLinesFollowTheTicks() {
        var axes = Axes()
        axes.xLimits = 0...1
        axes.yLimits = 0...1
        axes.grid = true
        var canvas = SVGCanvas(width: 640, height: 480)
        axes.draw(
            on: &canvas, box: Rect(x: 80, y: 57.6, width: 496, height: 369.6),
            cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
        let document = canvas.document
        let grid = document.components(separatedBy: "<g class=\"grid\">")[1].components(separatedBy: "</g>")[0]
        #expect(grid.components(separatedBy: "<path").count - 1 == 12, "6 ticks on each axis")
    }

    @Test func logAxesSpanDecadesWithSuperscriptLabels() {
        var figure = Figure()
        var axes = Axes()
        axes.yScale = .log
        axes.add(LineArtist(xs: [0, 1, 2, 3], ys: [1, 10, 100, 1000], marker: Marker(.square)))
        figure[0, 0] = axes
        let svg = figure.svgDocument(font: font, textMode: .characters)
        #expect(svg.contains(">10<tspan font-size=\"9.722\" dy=\"-6.25\">2</tspan></text>"))
        let limits = axes.resolvedLimits.y
        // 5 % margins in log space: 10^(−0.15) … 10^(3.15).
        #expect(abs(log10(limits.lowerBound) + 0.15) < 1e-9 && abs(log10(limits.upperBound) - 3.15) < 1e-9)
    }

    /// A custom artist reaches the outside-view marks through the ``Artist`` protocol alone: its
    /// tracked point beyond the view gets an arrow and its coordinates, its point inside none.
    @Test func aCustomArtistsPointsOutsideTheViewAreMarked() {
        struct Dots: Artist {
            var dataBounds: Rect? { nil }
            var trackedPoints: TrackedPoints? { TrackedPoints(xs: [0, 50], ys: [0, 0], color: .foreground) }
            func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {}
        }
        var figure = Figure()
        figure[0, 0].xLimits = -1...1
        figure[0, 0].yLimits = -1...1
        figure[0, 0].add(Dots())
        let svg = figure.svgDocument(font: font, textMode: .characters)
        #expect(svg.components(separatedBy: "class=\"outside-view\"").count == 2)
        #expect(svg.contains(">(50, 0)</text>"))
    }

    @Test func automaticLimitsLeaveFivePercentMargins() {
        var axes = Axes()
        axes.add(LineArtist(xs: [0, 10], ys: [-1, 1]))
        #expect(axes.resolvedLimits.x == -0.5...10.5)
        #expect(axes.resolvedLimits.y == -1.1...1.1)
    }

    @Test func annotationsPointAtTheirTarget() {
        var axes = Axes()
        axes.xLimits = 0...10
        axes.yLimits = 0...10
        axes.add(TextArtist("look here", at: .data(2, 8), arrowTo: (x: 7, y: 3)))
        axes.add(RegionArtist(xs: [1, 2, 2], ys: [1, 1, 2], color: Color.cycle[2].withAlpha(0.5)))
        var canvas = SVGCanvas(width: 640, height: 480, textMode: .characters)
        axes.draw(
            on: &canvas, box: Rect(x: 80, y: 57.6, width: 496, height: 369.6),
            cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
        let document = canvas.document
        #expect(document.contains(">look here</text>"))
        // The arrow head's tip sits on the target: (7, 3) → (427.2, 316.32).
        #expect(document.contains("M427.2 316.32L"))
        #expect(document.contains("fill=\"#2ca02c\" fill-opacity=\"0.5\""))
    }
}
