import DescentCore
import Testing

@testable import DescentPlot

/// Large PNG figures are drawn in two parts of their rows, each on its own thread: the pixels are
/// those of the drawing on one canvas, but for rounding where a shape crosses the cut. The cut
/// edge of a shape has its slope computed anew, off by a unit in the last place, so that a pixel
/// along it, anywhere up or down the edge, can round to the next byte.
@Suite struct ConcurrentDrawingTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    /// Expects `pixels` to be `expected` but for rounding: no byte more than 1 away, and at most
    /// one in 100,000 off at all.
    private func expectSame(
        _ pixels: [UInt8], as expected: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(pixels.count == expected.count, sourceLocation: sourceLocation)
        let differences = zip(pixels, expected).map { abs(Int($0) - Int($1)) }.filter { $0 != 0 }
        #expect(differences.allSatisfy { $0 == 1 }, sourceLocation: sourceLocation)
        #expect(
            differences.count * 100_000 <= expected.count, "\(differences.count) bytes differ",
            sourceLocation: sourceLocation)
    }

    /// The pixels of `figure` drawn on one canvas, in `theme`.
    private func oneCanvas(_ figure: Figure, theme: Theme = .light) -> [UInt8] {
        var canvas = RasterCanvas(
            width: Int(figure.width.rounded(.up)), height: Int(figure.height.rounded(.up)),
            background: figure.background, theme: theme)
        figure.draw(on: &canvas, font: font)
        return canvas.rgba
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

    private func comparison(panelWidth: Double = 640) throws -> Figure {
        try TrajectoryFigures.comparison(
            [0.1, 10, 1e-8].map {
                try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: $0, steps: 20)
            },
            panelWidth: panelWidth)
    }

    /// The book's 2 × 2 is cut between its rows of panels; three panels in a row through the
    /// middle of every panel (its markers, lines, notes and inset), at cells 333⅓ px wide too.
    @Test func aFigureDrawnInTwoPartsHasTheOneCanvasPixels() throws {
        for figure in [OptimizerFigures.figure(try runs(4)), try comparison(), try comparison(panelWidth: 1000 / 3)] {
            let (width, height) = (Int(figure.width.rounded(.up)), Int(figure.height.rounded(.up)))
            #expect(PNGCodec.partCut(width: width, height: height, channels: 3, compression: .standard) == height / 2)
            let image = try PNGCodec.decode(try figure.pngData(font: font))
            expectSame(image.rgba, as: oneCanvas(figure))
            // Both parts drew something: neither half of the image is the blank background.
            let half = image.rgba.count / 2
            #expect(Set(image.rgba[..<half]).count > 2 && Set(image.rgba[half...]).count > 2)
        }
    }

    /// The dark theme's bytes and a transparent background's Float pixels come out as on one
    /// canvas too (there, 1 byte of the comparison's 3.7 million in the dark theme rounds the other
    /// way); a transparent background is stored as RGBA.
    @Test func darkAndTransparentFiguresDrawnInTwoPartsHaveTheOneCanvasPixels() throws {
        for figure in [OptimizerFigures.figure(try runs(4)), try comparison()] {
            for theme in [Theme.dark, Theme.light.transparent(), Theme.dark.transparent()] {
                let data = try figure.pngData(font: font, theme: theme)
                #expect(PNGCodec.chunks(of: data).first?.data[9] == (theme.isTransparent ? 6 : 2), "colour type")
                expectSame(try PNGCodec.decode(data).rgba, as: oneCanvas(figure, theme: theme))
            }
        }
    }

    /// Five runs make a 3 × 2 grid with its sixth cell blank; a single panel is cut through its
    /// middle; below 36 dpi every panel is drawn in both parts.
    @Test func blankCellsSinglePanelsAndTinyFiguresDrawAsOnOneCanvas() throws {
        var tiny = OptimizerFigures.figure(try runs(4))
        tiny.dpi = 30
        for figure in [OptimizerFigures.figure(try runs(5)), OptimizerFigures.figure(try runs(1)), tiny] {
            expectSame(try PNGCodec.decode(try figure.pngData(font: font)).rgba, as: oneCanvas(figure))
        }
    }

    /// Windows of rows cut anywhere through the three panels paint every pixel as the whole
    /// canvas does (but for rounding).
    @Test(arguments: [1, 97, 240, 241, 333, 479])
    func windowsOfRowsCutAnywherePaintAsTheWholeCanvas(cut: Int) throws {
        let figure = try comparison()
        let (width, height) = (Int(figure.width), Int(figure.height))
        let whole = oneCanvas(figure)
        for rows in [0..<cut, cut..<height] {
            var window = RasterCanvas(
                width: width, height: height,
                window: PixelBounds(minX: 0, minY: rows.lowerBound, maxX: width, maxY: rows.upperBound))
            figure.draw(on: &window, font: font)
            expectSame(window.rgba, as: Array(whole[(rows.lowerBound * width * 4)..<(rows.upperBound * width * 4)]))
        }
    }

    /// A window of columns paints each pixel as the whole canvas does, and nothing beyond itself.
    @Test func aWindowPaintsItsPixelsAsTheWholeCanvasDoes() {
        let path = Path.circle(center: Point(47.3, 31.8), radius: 20.6)
        var whole = RasterCanvas(width: 80, height: 60)
        whole.stroke(path, style: StrokeStyle(width: 1.5), color: .black)
        var window = RasterCanvas(width: 80, height: 60, window: PixelBounds(minX: 40, minY: 0, maxX: 80, maxY: 60))
        window.stroke(path, style: StrokeStyle(width: 1.5), color: .black)
        let (wholePixels, windowPixels) = (whole.rgba, window.rgba)
        #expect(windowPixels.count == 40 * 60 * 4)
        for row in 0..<60 {
            #expect(
                Array(windowPixels[(row * 40 * 4)..<((row + 1) * 40 * 4)])
                    == Array(wholePixels[((row * 80 + 40) * 4)..<((row * 80 + 80) * 4)]), "row \(row)")
        }
    }
}
