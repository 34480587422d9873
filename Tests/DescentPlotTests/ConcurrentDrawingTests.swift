import DescentCore
import Testing

@testable import DescentPlot

/// PNG figures draw their panels on two threads: the pixels are those of the one-thread drawing.
@Suite struct ConcurrentDrawingTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    /// The pixels of `figure` drawn panel after panel on one canvas, and drawn in two parts at once,
    /// in `theme`.
    private func bothDrawings(of figure: Figure, theme: Theme = .light) -> (oneThread: [UInt8], twoParts: [UInt8]) {
        let (width, height) = (Int(figure.width.rounded(.up)), Int(figure.height.rounded(.up)))
        var one = RasterCanvas(width: width, height: height, background: figure.background, theme: theme)
        figure.draw(on: &one, font: font)
        var two = RasterCanvas(width: width, height: height, background: figure.background, theme: theme)
        figure.drawConcurrently(on: &two, font: font, helper: HelperThread())
        return (one.rgba, two.rgba)
    }

    private func runs(_ count: Int) throws -> [Trajectory] {
        let kinds: [(OptimizerKind, Double)] = [
            (.sgd, 0.95), (.momentum, 0.1), (.adagrad, 1.5), (.adam, 0.3), (.rmsprop, 0.1),
        ]
        return try kinds.prefix(count).map { kind, rate in
            try GradientDescent.run(
                Preset.bookCh6.objective, from: [-7, 2], steps: 30, gradient: .analytic,
                optimizer: kind.make(learningRate: rate))
        }
    }

    /// The book's 2 × 2 is cut between its rows; three panels in a row between the second and the
    /// third (its cells 333⅓ px wide at 1000 px, so the cut falls inside a pixel's worth of cell).
    @Test func aGridOfPanelsDrawnInTwoPartsHasTheOneThreadPixels() throws {
        let grid = OptimizerFigures.figure(try runs(4))
        let row = try TrajectoryFigures.comparison(
            [0.1, 10, 1e-8].map {
                try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: $0, steps: 20)
            },
            panelWidth: 1000 / 3)
        for figure in [grid, row] {
            let drawings = bothDrawings(of: figure)
            #expect(drawings.oneThread == drawings.twoParts)
            // Both parts drew something: neither half of the image is the blank background.
            let half = drawings.twoParts.count / 2
            #expect(Set(drawings.twoParts[..<half]).count > 2 && Set(drawings.twoParts[half...]).count > 2)
        }
    }

    /// The dark theme's bytes and a transparent background's Float pixels (another storage, pasted
    /// as floats) come out as on one thread too.
    @Test func darkAndTransparentFiguresDrawnInTwoPartsHaveTheOneThreadPixels() throws {
        let grid = OptimizerFigures.figure(try runs(4))
        for theme in [Theme.dark, Theme.light.transparent(), Theme.dark.transparent()] {
            let drawings = bothDrawings(of: grid, theme: theme)
            #expect(drawings.oneThread == drawings.twoParts)
        }
    }

    /// Five runs make a 3 × 2 grid with its sixth cell blank; a single panel has nothing to split.
    @Test func blankCellsAndSinglePanelsDrawAsOnOneThread() throws {
        for figure in [OptimizerFigures.figure(try runs(5)), OptimizerFigures.figure(try runs(1))] {
            let drawings = bothDrawings(of: figure)
            #expect(drawings.oneThread == drawings.twoParts)
        }
    }

    /// A window of a canvas paints each pixel as the whole canvas does, and pastes into place.
    @Test func aWindowPaintsItsPixelsAsTheWholeCanvasDoes() {
        let path = Path.circle(center: Point(47.3, 31.8), radius: 20.6)
        var whole = RasterCanvas(width: 80, height: 60)
        whole.stroke(path, style: StrokeStyle(width: 1.5), color: .black)
        var pasted = RasterCanvas(width: 80, height: 60)
        var window = RasterCanvas(width: 80, height: 60, window: PixelBounds(minX: 40, minY: 0, maxX: 80, maxY: 60))
        window.stroke(path, style: StrokeStyle(width: 1.5), color: .black)
        pasted.paste(window)
        // Left of column 40 the window drew nothing; right of it, every pixel is the whole canvas's.
        let (wholePixels, pastedPixels) = (whole.rgba, pasted.rgba)
        for row in 0..<60 {
            let right = (row * 80 + 40) * 4..<(row * 80 + 80) * 4
            #expect(Array(pastedPixels[right]) == Array(wholePixels[right]), "row \(row)")
            #expect(pastedPixels[(row * 80) * 4..<(row * 80 + 40) * 4].allSatisfy { $0 == 255 })
        }
    }
}
