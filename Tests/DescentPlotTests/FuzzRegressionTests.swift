import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Figures that `Fuzz/PlotFuzzer` found to crash the drawing, minimised to what matters, each
/// drawn on both backends as the harness draws it (see TESTING.md). Every one is fixed; each test
/// would trap, hang or fail its check on the code before its fix.
@Suite struct PlotFuzzRegressionTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    /// Draws `figure` as PNG and SVG, with the harness's checks: the PNG decodes to the figure's
    /// size, the SVG parses as XML.
    func drawBoth(_ figure: Figure) throws {
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        #expect(image.width == Int(figure.width.rounded(.up)) && image.height == Int(figure.height.rounded(.up)))
        let parser = XMLParser(data: Data(figure.svgDocument(font: font).utf8))
        #expect(parser.parse())
    }

    /// Linear limits reaching the largest Double. Before main's eeb2b1e a candidate step of
    /// `TickLocator.linearTicks` (20 × 10³⁰⁷) overflowed to +∞ and `stride(from: NaN, through: NaN,
    /// by: 1)` never ended (this test hung); then the locator ended with a tick of +∞, which
    /// reached `TickFormatter.linearLabels` and `Int(floor(log10(∞)))` trapped. Found by
    /// PlotFuzzer, input crash-1d8490900bffb11b5701a2c584ca745df249cfa4
    /// (Fuzz/Regressions/PlotFuzzer/tick-formatter-infinite-magnitude). A tick that overflows is
    /// left out now.
    @Test func ticksForLimitsUpToTheLargestDoubleAreFewAndFinite() {
        let ticks = TickLocator.ticks(lower: 7.339507007619972e+51, upper: .greatestFiniteMagnitude)
        #expect(ticks.count <= 12)
        #expect(ticks.allSatisfy { $0.isFinite })
    }

    /// The same limits through a one-panel figure draw (they hung before eeb2b1e).
    @Test func limitsUpToTheLargestDoubleDrawTheirTicks() throws {
        var figure = Figure(width: 116.41327534905012, height: 182.08761730373084, dpi: 112.23163195239184)
        figure.panels[0].xLimits = 7.339507007619972e+51...Double.greatestFiniteMagnitude
        try drawBoth(figure)
    }

    /// An 8 px wide figure at 199 dpi whose text, at a quarter size, is drawn in an inset of zero
    /// size at the parent's corner: a glyph edge's x, stepped row by row, falls outside the
    /// accumulation buffer and `cells[rowStart + x0i]` is out of range (Rasterizer.swift:156,
    /// `Accumulator.addLine`). Found by PlotFuzzer, minimised input `00 00 19 1c ff 01`
    /// (Fuzz/Regressions/PlotFuzzer/rasterizer-index-out-of-range); fixed in main by 03208bc.
    @Test func tinyFigureWithAnEmptyInsetRasterizes() throws {
        var figure = Figure(width: 8, height: 30.755718318455788, dpi: 199.30235751888304)
        figure.background = Color(red: 0, green: 0, blue: 0, alpha: 0)
        var inset = Axes()
        inset.textScale = 0.25
        figure.panels[0].textScale = 0.25
        figure.panels[0].insets = [Inset(bounds: Rect(x: -0.5, y: -0.5, width: 0, height: 0), axes: inset)]
        try drawBoth(figure)
    }

    /// A log axis whose data are all negative: `Axes.automaticLimits` mapped them through log10 to
    /// NaN and built `NaN...NaN`, which trapped ("Range requires lowerBound <= upperBound"). Found
    /// by PlotFuzzer, input crash-c973faeeb9c331ca841952c1f41f4b5ca50088c7 (a filled region; a line
    /// does the same). The view is matplotlib's 1…10 now.
    @Test func logAxesOfNegativeDataGetAView() throws {
        var figure = Figure(width: 91.58562600137331, height: 225.9422903791867, dpi: 96.22705424582284)
        figure.panels[0].xScale = .log
        figure.panels[0].yScale = .log
        figure.panels[0].add(
            RegionArtist(
                xs: [-8.136166176789983e-228, -9.854545454545455], ys: [0.06459143968871595, 0.6628519111924925],
                color: Color.cycle[0], outlineWidth: 4.327306019684139))
        let limits = figure.panels[0].resolvedLimits
        #expect(limits.x.lowerBound > 0 && limits.x.upperBound.isFinite)
        try drawBoth(figure)
    }

    /// A symlog axis from −2.6e145 to 5.6e274 with a threshold of 3.4e-129 placed its tick labels
    /// (10ⁿ) at y = NaN, which the SVG wrote as `transform="matrix(… -nan)"`; the raster canvas
    /// dropped such text. SVGCanvas leaves out text at a non-finite place now, and the scale no
    /// longer divides 5.6e274 by 3.4e-129 (∞) but subtracts their logarithms. Found by PlotFuzzer's
    /// check that no SVG geometry number is NaN or infinite, input
    /// crash-f6def448fbf27ad866713d5712bf4f812a816ecd (Fuzz/Regressions/PlotFuzzer/svg-text-transform-nan).
    @Test func textAtANonFinitePositionIsLeftOutOfTheSVG() throws {
        var figure = Figure(width: 25.27223620965896, height: 130.83768978408483, dpi: 178.37033646143283)
        figure.panels[0].yLimits = -2.5725204422167017e+145...5.5886310289253345e+274
        figure.panels[0].yScale = .symlog(linearThreshold: 3.365216938055207e-129)
        for mode in [SVGCanvas.TextMode.outlines, .characters] {
            let svg = figure.svgDocument(font: font, textMode: mode)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
        let scale = Scale.symlog(linearThreshold: 3.365216938055207e-129)
        #expect(scale.forward(5.5886310289253345e+274).isFinite)
        #expect(abs(scale.inverse(scale.forward(1e200)) / 1e200 - 1) < 1e-9)
        try drawBoth(figure)
    }

    /// SVGCanvas on its own: text placed at NaN or ∞ is not written, in either text mode.
    @Test func svgCanvasLeavesOutTextAtNonFinitePositions() {
        let layout = font.layout(RichText("10"), size: 10)
        for mode in [SVGCanvas.TextMode.outlines, .characters] {
            for position in [Point(.nan, 5), Point(5, .infinity)] {
                var canvas = SVGCanvas(width: 20, height: 20, textMode: mode)
                canvas.draw(PlacedText(layout, at: position), color: .black)
                #expect(!canvas.document.contains("<use") && !canvas.document.contains("<text"))
            }
        }
    }

    /// A dash-dotted line 6 pt wide whose points lie ten thousand view heights outside the view
    /// (y ≈ ±10⁶ on a view of 0…87): the whole line was dashed, stroked and each dash clipped
    /// before anything was thrown away, some 10⁵ dash polygons for a 26 × 131 px figure (25 s in
    /// the fuzzer's build). Found by PlotFuzzer as a timeout, input
    /// timeout-a3685a4087a4af8df0c615d20f66aa11457493b0 (Fuzz/Regressions/PlotFuzzer/slow-figure-25s).
    /// The dasher now walks the parts out of sight without making dashes there.
    @Test func dashedLinesFarOutsideTheViewMakeOnlyTheirVisibleDashes() throws {
        var figure = Figure(width: 25.591210803387504, height: 130.83768978408483, dpi: 29.96475165941863)
        figure.panels[0].yLimits = 3.365216938055207e-129...86.75
        let line = LineArtist(
            xs: [-0.093, 0.275, 1.397, 3.802, 4.062, 4.291, 6.323, 7.986, 8.832, 8.626, 10.982, 10.156],
            ys: [480674, 107317, 990417, -839902, 481621, -105272, -697627, 389395, 303059, -517113, 982605, -880705],
            style: .dashDot, width: 6.0506294346532385)
        figure.panels[0].add(line)
        let box = figure.layout(font: font)[0]
        let frame = figure.panels[0].frame(
            box: box, cell: figure.cells[0], units: PlotUnits(dpi: figure.dpi), font: font)
        let points = zip(line.xs, line.ys).map { frame.pixel($0, $1) }
        let pixels = PlotUnits(dpi: figure.dpi).pixels(line.width)
        let pattern = try #require(line.style.dashPattern(width: pixels))
        let all = Dasher.dash([Polyline(points: points, isClosed: false)], pattern: pattern)
        let visible = Dasher.dash([Polyline(points: points, isClosed: false)], pattern: pattern, within: box)
        #expect(all.count > 10_000 && visible.count < 200, "\(all.count) dashes in all, \(visible.count) visible")
        try drawBoth(figure)
    }

    /// Inside a region, the dashes made within it cover exactly what the whole walk's dashes
    /// cover: sampled along the line, a point is on a dash in both or in neither.
    @Test func dashesWithinARegionAreTheWholeWalksDashesThere() throws {
        let pattern = try #require(DashPattern([3.7, 1.6, 1, 1.6]))
        let points = [Point(-500, 10), Point(30, 12), Point(31, 900), Point(12, -700), Point(40, 20)]
        let region = Rect(x: 0, y: 0, width: 50, height: 50)
        let all = Dasher.dash([Polyline(points: points, isClosed: false)], pattern: pattern)
        let within = Dasher.dash([Polyline(points: points, isClosed: false)], pattern: pattern, within: region)
        func covers(_ dashes: [Polyline], _ point: Point) -> Bool {
            dashes.contains { dash in
                zip(dash.points, dash.points.dropFirst()).contains { a, b in
                    let ab = b - a
                    let t = max(
                        0, min(1, ((point - a).x * ab.x + (point - a).y * ab.y) / max(ab.length * ab.length, 1e-300)))
                    return (a.interpolated(to: b, t) - point).length < 1e-7
                }
            }
        }
        var checked = 0
        for (a, b) in zip(points, points.dropFirst()) {
            for step in 0..<4000 {
                let point = a.interpolated(to: b, (Double(step) + 0.5) / 4000)
                guard region.insetBy(0.01).contains(point) else { continue }
                checked += 1
                #expect(covers(all, point) == covers(within, point), "at \(point)")
            }
        }
        #expect(checked > 100)
    }

    /// A filled region reaching y = −1e300: the rasterizer converted the row to Int before
    /// clamping it (Rasterizer.swift, `Accumulator.addLine`, "Double value cannot be converted to
    /// Int because the result would be less than Int.min"). Found by PlotFuzzer, reproducer
    /// Fuzz/Regressions/PlotFuzzer/rasterizer-row-below-int-min.
    @Test func anEdgeFromFarAboveTheCanvasRasterizes() throws {
        var canvas = RasterCanvas(width: 20, height: 20)
        canvas.fill(.polyline([Point(2, -1e300), Point(15, 15), Point(2, 15)], closed: true), color: .black)
        let image = try PNGCodec.decode(try canvas.png(dpi: 100, metadata: []))
        #expect(image.pixel(4, 14).r < 50)
    }

    /// A note whose text is only spaces, wrapped at a width it does not fit (an inset of negative
    /// size gives a negative one): the wrapping made no line of it, and `TextBox` trapped on a box
    /// without a row. Found by PlotFuzzer (an inset's note), input
    /// crash-7f0fa93033be3902517d73bdacd31a0125eaa843 (Fuzz/Regressions/PlotFuzzer/note-of-spaces).
    /// A text without a word is one line now, as a text that fits is.
    @Test func aTextOfOnlySpacesWrapsToOneLine() {
        for text in [RichText(" "), RichText("   ")] {
            #expect(text.wrapped(width: -1, measure: { _ in 1 }).count == 1)
            #expect(text.wrapped(width: 0.5, measure: { _ in 1 }).count == 1)
        }
    }
}
