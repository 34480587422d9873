import DescentCore
import DescentTestSupport
import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The book's figures, checked where a reader looks: the box where matplotlib puts it, the markers
/// where the axes transform puts them, the same geometry in SVG, and golden files.
@Suite struct FigureTests {
    let font: Font
    let bookRun: Trajectory

    init() throws {
        font = try Font.standard()
        bookRun = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
    }

    /// Matplotlib's single-subplot box at 640×480: x = 80, top = 57.6, 496 × 369.6.
    let bookBox = Rect(x: 80, y: 57.6, width: 496, height: 369.6)

    private func pixel(_ x: Double, _ y: Double) -> Point {
        Point(bookBox.minX + (x + 3.5) / 7 * bookBox.width, bookBox.maxY - (y + 4.5) / 9 * bookBox.height)
    }

    @Test func theAxesBoxSitsWhereMatplotlibPutsIt() {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let boxes = figure.layout(font: font)
        #expect(boxes.count == 1)
        #expect(abs(boxes[0].x - 80) < 1e-9 && abs(boxes[0].y - 57.6) < 1e-9)
        #expect(abs(boxes[0].width - 496) < 1e-9 && abs(boxes[0].height - 369.6) < 1e-9)
    }

    @Test func presetsAreShownOnTheirDomainOtherFunctionsOnTheirData() throws {
        let rosenbrock = try GradientDescent.run(
            Preset.rosenbrock.objective, from: Preset.rosenbrock.start, learningRate: 1e-3, steps: 50)
        let limits = TrajectoryFigures.trajectory(rosenbrock).panels[0].resolvedLimits
        #expect(limits.x == -2...2 && limits.y == -1...3)
        let custom = try GradientDescent.run(
            try Objective(expression: "x0^2 + 2*x1^2"), from: [1, 1], learningRate: 0.1, steps: 10)
        let customLimits = TrajectoryFigures.trajectory(custom).panels[0].resolvedLimits
        #expect(customLimits.x.upperBound < 1.1 && customLimits.x.upperBound > 1)
    }

    @Test func everyMarkerIsDrawnWhereTheAxesTransformPutsIt() throws {
        let image = try PNGCodec.decode(
            try TrajectoryFigures.trajectory(bookRun, options: .init(style: .book)).pngData(font: font))
        #expect(image.width == 640 && image.height == 480)
        for point in bookRun.history {
            let center = pixel(point[0], point[1])
            let (r, g, b, _) = image.pixel(Int(center.x), Int(center.y))
            // C0 = #1f77b4 = (31, 119, 180).
            #expect(
                abs(Int(r) - 31) <= 3 && abs(Int(g) - 119) <= 3 && abs(Int(b) - 180) <= 3,
                "marker at \(center): \(r),\(g),\(b)")
        }
        // The first marker is 6 pt = 8.33 px across plus its 1 pt edge: 4 px from its centre is
        // still marker, 7 px is background.
        let first = pixel(-3, 4)
        #expect(image.pixel(Int(first.x) + 4, Int(first.y)).r < 60)
        #expect(image.pixel(Int(first.x) + 7, Int(first.y)) == (255, 255, 255, 255))
    }

    @Test func guidesAreDashedPureBlueThroughTheOrigin() throws {
        let image = try PNGCodec.decode(
            try TrajectoryFigures.trajectory(bookRun, options: .init(style: .book)).pngData(font: font))
        let origin = pixel(0, 0)
        let row = Int(origin.y)
        // Along the horizontal guide, right of the markers: blue dashes (7.7 px) and white gaps (3.3 px).
        let samples = (340..<560).map { image.pixel($0, row) }
        let blue = samples.filter { $0.b > 200 && $0.r < 60 && $0.g < 60 }.count
        let white = samples.filter { $0.r > 200 && $0.g > 200 }.count
        #expect(blue > 120 && white > 40, "blue \(blue), white \(white)")
        let column = (100..<400).map { image.pixel(Int(origin.x), $0) }
        #expect(column.filter { $0.b > 200 && $0.r < 60 }.count > 180)
    }

    @Test func theSpinesFrameTheBox() throws {
        let image = try PNGCodec.decode(
            try TrajectoryFigures.trajectory(bookRun, options: .init(style: .book)).pngData(font: font))
        // The 0.8 pt (1.11 px) spine at x = 80, snapped to the centre of pixel column 80.
        #expect(image.pixel(80, 300).r < 100)
        #expect(image.pixel(76, 300) == (255, 255, 255, 255))
        #expect(image.pixel(300, 427).r < 120)
    }

    @Test func theSVGHasTheSameGeometry() throws {
        let svg = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book)).svgDocument(font: font)
        let paths = try SVGPaths(svg)
        #expect(paths.root["width"] == "640px" && paths.root["viewBox"] == "0 0 640 480")
        let markers = paths.elements.filter { $0["fill"] == "#1f77b4" }
        #expect(markers.count == 20)
        for (marker, point) in zip(markers, bookRun.history) {
            // Each circle starts at its rightmost point: centre + radius (3 pt = 4.167 px).
            let start = try #require(
                marker["d"]?.dropFirst().split(separator: "C").first?.split(separator: " ").compactMap { Double($0) })
            let center = pixel(point[0], point[1])
            #expect(abs(start[0] - (center.x + 300 / 72.0)) < 0.002 && abs(start[1] - center.y) < 0.002)
        }
        // Text: each glyph outline defined once, placed by <use>; "X0" and "X1" share the X.
        #expect(Set(paths.glyphDefinitions).count == paths.glyphDefinitions.count, "each glyph defined once")
        #expect(Set(paths.uses) == Set(paths.glyphDefinitions), "every definition used, every use defined")
        #expect(paths.uses.count > 20)
        let guides = paths.elements.filter { $0["stroke"] == "#0000ff" }
        #expect(guides.count == 2)
        #expect(guides.allSatisfy { $0["stroke-dasharray"] == "7.708,3.333" && $0["stroke-linecap"] == "butt" })
    }

    @Test func theSameFigureGivesTheSameBytes() throws {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        #expect(try figure.pngData(font: font) == (try figure.pngData(font: font)))
        #expect(figure.svgDocument(font: font) == figure.svgDocument(font: font))
    }

    @Test func theTrajectoryFigureMatchesItsGoldenFiles() throws {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        try GoldenFile.assertText(figure.svgDocument(font: font), matches: "trajectory.svg")
        try GoldenFile.assertImage(try figure.pngData(font: font), matches: "trajectory.png")
    }

    @Test func theComparisonFigureMatchesItsGoldenFile() throws {
        let runs = try [0.1, 10, 1e-8].map {
            try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: $0, steps: 20)
        }
        let figure = TrajectoryFigures.comparison(runs, options: .init(style: .book))
        try GoldenFile.assertText(figure.svgDocument(font: font), matches: "lr_comparison.svg")
    }

    @Test func pointsThatLeaveTheViewAreMarkedWithWhereTheyWent() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 10, steps: 20)
        let figure = TrajectoryFigures.comparison([run], options: .init(style: .book))
        let svg = figure.svgDocument(font: font, textMode: .characters)
        #expect(svg.contains("class=\"outside-view\""))
        #expect(svg.contains("10 points, farthest (−2.59×10<tspan"))
        #expect(figure[0, 0].note.map(\.plainText).joined(separator: " ").contains("x ± h rounds back to x"))
    }

    /// Notes wrap into as few lines as the greedy wrap needs, evened out so that no line is left
    /// with a lone word: the lr = 1e-8 reason once ended on a line holding only "10".
    @Test func notesWrapIntoEvenLines() {
        let reason = "x crawls: it moved 2e-6 in 20 steps while the gradient norm is 10"
        let width = 352.0
        let measure = { (text: RichText) in font.layout(text, size: PlotUnits(dpi: 100).pixels(8)).width }
        let lines = RichText(reason).wrapped(width: width, measure: measure)
        let widths = lines.map(measure)
        #expect(lines.map(\.plainText).joined(separator: " ") == reason)
        #expect(lines.count == 2)
        #expect(widths.allSatisfy { $0 <= width })
        #expect(widths.min()! > 0.6 * widths.max()!, "line widths \(widths)")
    }

    /// Wrapping measures each candidate line once, however often the bisection's passes try it,
    /// and wraps as it would measuring every time.
    @Test func wrappingMeasuresEachCandidateLineOnce() {
        let reason = RichText(
            "x stopped moving at step 10 while the gradient norm there is 5.186e13: x ± h rounds back")
        let measure = { (text: RichText) in font.layout(text, size: PlotUnits(dpi: 100).pixels(8)).width }
        var measured: [String] = []
        let lines = reason.wrapped(width: 200) { text in
            measured.append(text.plainText)
            return measure(text)
        }
        #expect(lines.count >= 2)
        #expect(Set(measured).count == measured.count, "measured twice: \(measured)")
        // Every word, in order, on lines that fit.
        #expect(lines.map(\.plainText).joined(separator: " ") == reason.plainText)
        #expect(lines.allSatisfy { measure($0) <= 200 })
    }

    /// A note is wrapped when the figure is drawn, not when it is built: drawn at 200 dpi, where
    /// its 8 pt text is twice as wide in pixels, the lr = 10 reason takes more lines, each still
    /// within 55 % of the panel.
    @Test func notesWrapWhenTheFigureIsDrawn() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 10, steps: 20)
        var figure = TrajectoryFigures.comparison([run], options: .init(style: .book))
        let reason = run.outcome.reason
        func noteLines() throws -> [String] {
            let svg = figure.svgDocument(font: font, textMode: .characters)
            let texts = try Regex("<text[^>]*>([^<]*)</text>")
            return svg.matches(of: texts).compactMap { $0.output[1].substring.map(String.init) }
                .map { $0.replacingOccurrences(of: "\u{2212}", with: "-") }
                .filter { $0.contains(" ") && reason.contains($0) }
        }
        let atBuild = try noteLines()
        figure.dpi = 200
        let sharper = try noteLines()
        #expect(atBuild.joined(separator: " ") == reason && sharper.joined(separator: " ") == reason)
        #expect(sharper.count > atBuild.count, "\(atBuild) at 100 dpi, \(sharper) at 200")
        let size = PlotUnits(dpi: 200).pixels(8)
        #expect(
            sharper.allSatisfy { font.layout(RichText($0), size: size).width <= 0.55 * 640 })
    }

    /// The one message for a file name the figure cannot be drawn to, naming what is allowed.
    @Test func aFileNameOfAnotherFormatIsRefusedWithTheFormatsAllowed() {
        #expect(Figure.FileFormat.choices == ".png or .svg")
        #expect(Figure.FileFormat(path: "a/B.SVG") == .svg)
        let error = #expect(throws: Figure.FileFormat.UnknownExtension.self) {
            try Figure.FileFormat(requiring: "figure.pdf")
        }
        #expect(error?.description == "figure.pdf: the file name must end in .png or .svg")
    }

    @Test func pointsPiledOnOneSpotGetAMagnifyingInset() throws {
        let crawl = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 1e-8, steps: 20)
        let figure = TrajectoryFigures.comparison([crawl], options: .init(style: .book))
        #expect(figure.panels[0].insets.count == 1)
        let svg = figure.svgDocument(font: font, textMode: .characters)
        #expect(svg.contains("moved 2.00×10<tspan"))
        #expect(svg.contains("class=\"inset-region\""))
        let converged = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        #expect(
            TrajectoryFigures.comparison([converged], options: .init(style: .book)).panels[0].insets.isEmpty
        )
    }

    /// The parent's guides and spines never run through the inset's texts: the inset sits on a
    /// white backdrop, moved up if need be so that its labels stay inside the parent's box.
    @Test func theInsetSitsOnABackdropInsideItsParent() throws {
        let crawl = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 1e-8, steps: 20)
        let figure = TrajectoryFigures.comparison([crawl], options: .init(style: .book))
        let box = figure.layout(font: font)[0]
        let frame = figure.panels[0].frame(
            box: box, cell: figure.cells[0], units: PlotUnits(dpi: figure.dpi), font: font)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        // The horizontal guide (pure blue, dashed) shows left of the inset, not across it.
        let guideRow = Int(frame.pixel(0, 0).y)
        func blueColumns(_ from: Double, _ to: Double) -> [Int] {
            (Int(box.minX + from * box.width)..<Int(box.minX + to * box.width)).filter { x in
                (guideRow - 1...guideRow + 1).contains { y in
                    let pixel = image.pixel(x, y)
                    return pixel.b > 200 && pixel.r < 80 && pixel.g < 80
                }
            }
        }
        #expect(blueColumns(0.02, 0.3).count > 40)
        #expect(blueColumns(0.6, 0.9).isEmpty)
        // Under the inset, the rows just above the parent's bottom spine hold nothing.
        let row = Int(box.maxY) - 2
        let drawn = (Int(box.minX + 0.55 * box.width)..<Int(box.maxX) - 2).filter { image.pixel($0, row).r < 250 }
        #expect(drawn.isEmpty, "drawn at x = \(drawn)")
    }

    @Test func manyPanelsNeverOverlapTheirTexts() throws {
        let runs = try [0.1, 10, 1e-8, 0.5].map {
            try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: $0, steps: 20)
        }
        var figure = TrajectoryFigures.comparison(runs, panelWidth: 240, height: 200)
        figure.panels[1].title = "a very long title that would run into the neighbouring panels"
        let used = figure.panelTextBounds(font: font)
        for i in used.indices {
            #expect(
                used[i].minX >= 0 && used[i].maxX <= figure.width && used[i].minY >= 0 && used[i].maxY <= figure.height)
            for j in used.indices where j > i {
                #expect(!used[i].intersects(used[j]), "panels \(i) and \(j) overlap")
            }
        }
    }
}

/// The `<svg>` root's attributes and every `<path>`'s, read by an XML parser.
private final class SVGPaths: NSObject, XMLParserDelegate {
    var root: [String: String] = [:]
    var elements: [[String: String]] = []
    /// The ids of the glyph outlines defined in <defs>.
    var glyphDefinitions: [String] = []
    /// The glyph each <use> places, in order.
    var uses: [String] = []

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if name == "svg" { root = attributes }
        if name == "path", let id = attributes["id"] {
            glyphDefinitions.append("#" + id)
        } else if name == "path" {
            elements.append(attributes)
        }
        if name == "use", let reference = attributes["xlink:href"] { uses.append(reference) }
    }
}
