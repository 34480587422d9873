import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Figures that `Fuzz/PlotFuzzer` found to crash the drawing, minimised to what matters, each
/// drawn on both backends as the harness draws it (see TESTING.md). A fault not fixed yet is
/// pinned by a disabled test where it traps (enable it with the fix) or `withKnownIssue` where it
/// only fails a check (which then fails, once fixed, until the wrapper goes).
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
    /// by: 1)` (TickLocator.swift:66) never ended (this test hung); now the locator ends, but one
    /// of its ticks is still +∞. Found by PlotFuzzer, input crash-1d8490900bffb11b5701a2c584ca745df249cfa4
    /// (Fuzz/Regressions/PlotFuzzer/tick-formatter-infinite-magnitude), where that tick reaches
    /// `TickFormatter.linearLabels` and `Int(floor(log10(∞)))` traps (TickFormatter.swift:45,
    /// "Double value cannot be converted to Int because it is either infinite or NaN").
    @Test func ticksForLimitsUpToTheLargestDoubleAreFewAndFinite() {
        let ticks = TickLocator.ticks(lower: 7.339507007619972e+51, upper: .greatestFiniteMagnitude)
        #expect(ticks.count <= 12)
        let allFinite = ticks.allSatisfy { $0.isFinite }
        withKnownIssue("a tick of +∞ near the largest Double (needs the lead's fix)") {
            #expect(allFinite)
        }
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

    /// A log axis whose data are all negative: `Axes.automaticLimits` maps them through log10 to
    /// NaN and builds `NaN...NaN`, which traps ("Range requires lowerBound <= upperBound",
    /// Axes.swift:58). Found by PlotFuzzer, input crash-c973faeeb9c331ca841952c1f41f4b5ca50088c7
    /// (a filled region; a line does the same).
    @Test(.disabled("traps: automatic log limits of non-positive data (needs the lead's fix)"))
    func logAxesOfNegativeDataGetAView() throws {
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

    /// A symlog axis from −2.6e145 to 5.6e274 with a threshold of 3.4e-129 places its tick labels
    /// (10ⁿ) at y = NaN, which the SVG wrote as `transform="matrix(… -nan)"`; the raster canvas
    /// drops such text. SVGCanvas now leaves it out too (fixed on branch fuzz); that the labels are
    /// placed at NaN at all is the locator's or the frame's fault, still open. Found by PlotFuzzer's
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
    /// (y ≈ ±10⁶ on a view of 0…87): the whole line is dashed, stroked and each dash clipped
    /// (`RasterCanvas.stroke` → `PolygonClipper.clip`, from `LineArtist.draw`, Artists.swift:92)
    /// before anything is thrown away, some 10⁵ dash polygons for a 26 × 131 px figure: 25 s in
    /// the fuzzer's build. Found by PlotFuzzer as a timeout, input
    /// timeout-a3685a4087a4af8df0c615d20f66aa11457493b0 (Fuzz/Regressions/PlotFuzzer/slow-figure-25s),
    /// reduced here to its first panel's line (4.8 s in a debug build).
    @Test(.disabled("slow: lines far outside the view are dashed before they are clipped (needs the lead's fix)"))
    func dashedLinesFarOutsideTheViewDrawQuickly() throws {
        var figure = Figure(width: 25.591210803387504, height: 130.83768978408483, dpi: 29.96475165941863)
        figure.panels[0].yLimits = 3.365216938055207e-129...86.75
        figure.panels[0].add(
            LineArtist(
                xs: [-0.093, 0.275, 1.397, 3.802, 4.062, 4.291, 6.323, 7.986, 8.832, 8.626, 10.982, 10.156],
                ys: [
                    480674, 107317, 990417, -839902, 481621, -105272, -697627, 389395, 303059, -517113, 982605, -880705,
                ],
                style: .dashDot, width: 6.0506294346532385))
        let start = ContinuousClock.now
        try drawBoth(figure)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
