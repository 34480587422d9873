import DescentCore
import Foundation
import Testing

@testable import DescentPlot

/// Contour figures through both backends: colours where the lines are, one SVG path per level,
/// the colour bar's layout, and PNG against librsvg's rendering of the SVG.
@Suite struct ContourFigureTests {
    /// The demo figures: Rosenbrock on −2…2 × −1…3 with contour lines (or filled contours and a
    /// colour bar), and on top a plain gradient-descent path from (−1.2, 1), `'o-'` in red, with
    /// `+` at the minimum (1, 1). `DESCENT_CONTOUR_DEMO=dir swift test --filter ContourFigureTests`
    /// writes them to `dir` as PNG and SVG.
    static func rosenbrockDemo(filled: Bool) throws -> Figure {
        let objective = Preset.rosenbrock.objective
        let grid = ContourGrid(sampling: objective, x: -2...2, y: -1...3)
        let contours = try ContourArtist(grid: grid, style: filled ? .filled : .lines)
        var axes = Axes()
        axes.title = RichText("(1 − x)² + 100 (y − x²)²" + (filled ? ", filled" : ""))
        axes.xLabel = "x"
        axes.yLabel = "y"
        let run = try GradientDescent.run(objective, from: [-1.2, 1], learningRate: 0.0015, steps: 60)
        let points = run.points
        axes.add(
            LineArtist(
                xs: points.map { $0[$0.startIndex] }, ys: points.map { $0[$0.startIndex + 1] }, width: 1,
                color: Color(hex: "#ff0000")!, marker: Marker(.circle, size: 4)))
        axes.add(LineArtist(xs: [1], ys: [1], style: .none, color: .black, marker: Marker(.plus, size: 10)))
        axes.addContours(contours)
        if filled { axes.colorBar = contours.colorBar }
        var figure = Figure()
        figure[0, 0] = axes
        return figure
    }

    /// x² + y² on −3…3 with its automatic linear levels.
    static func sphereContours(filled: Bool) throws -> (Figure, ContourArtist) {
        let grid = ContourGrid(sampling: try Objective(expression: "x0^2 + x1^2"), x: -3...3, y: -3...3)
        let contours = try ContourArtist(grid: grid, style: filled ? .filled : .lines)
        var axes = Axes()
        axes.addContours(contours)
        if filled { axes.colorBar = contours.colorBar }
        var figure = Figure()
        figure[0, 0] = axes
        return (figure, contours)
    }

    @Test func writesTheDemoFiguresWhenAsked() throws {
        let font = try Font.standard()
        let figures = [
            ("rosenbrock_contour", try Self.rosenbrockDemo(filled: false)),
            ("rosenbrock_contourf", try Self.rosenbrockDemo(filled: true)),
            ("sphere_contour", try Self.sphereContours(filled: false).0),
            ("sphere_contourf", try Self.sphereContours(filled: true).0),
        ]
        for (_, figure) in figures { #expect(!figure.svgDocument(font: font).isEmpty) }
        guard let directory = ProcessInfo.processInfo.environment["DESCENT_CONTOUR_DEMO"] else { return }
        for (name, figure) in figures {
            for format in Figure.FileFormat.allCases {
                try figure.fileData(format, font: font).write(
                    to: URL(fileURLWithPath: "\(directory)/\(name).\(format.rawValue)"))
            }
        }
    }

    @Test func theSVGHasOnePathPerLevelDrawn() throws {
        let font = try Font.standard()
        let (figure, contours) = try Self.sphereContours(filled: false)
        // Levels 0, 2.5, …, 20 over 0…18: nothing lies below 0 or above 20, so 7 are drawn.
        #expect(contours.levels.values == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
        let drawn = contours.polylines.filter { !$0.isEmpty }.count
        #expect(drawn == contours.pathCount && drawn == 7)
        let svg = figure.svgDocument(font: font)
        let group = try #require(
            svg.range(of: "<g id=\"ContourArtist\"")
                ?? svg.range(of: "ContourArtist"))
        let after = svg[group.lowerBound...]
        let body = after[..<(after.range(of: "</g>")?.lowerBound ?? after.endIndex)]
        #expect(body.components(separatedBy: "<path").count - 1 == drawn)
        for color in contours.colors.enumerated().filter({ !contours.polylines[$0.offset].isEmpty }).map(\.element) {
            #expect(body.contains("stroke=\"\(color.hexString)\""))
        }

        let (filledFigure, filled) = try Self.sphereContours(filled: true)
        let filledSVG = filledFigure.svgDocument(font: font)
        let start = try #require(filledSVG.range(of: "ContourArtist"))
        let rest = filledSVG[start.lowerBound...]
        let bands = rest[..<(rest.range(of: "</g>")?.lowerBound ?? rest.endIndex)]
        #expect(bands.components(separatedBy: "<path").count - 1 == filled.levels.values.count - 1)
    }

    @Test func thePNGShowsViridisWhereTheLinesAre() throws {
        let font = try Font.standard()
        let (figure, contours) = try Self.sphereContours(filled: false)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        let box = figure.layout(font: font)[0]
        let frame = ContourTests.frame(
            for: contours.grid, font: font, box: box)
        for (index, level) in contours.levels.values.enumerated() where level > 0 && level < 18 {
            // The line crosses the diagonal x = y at radius √level; the pixel there is the
            // level's colour, within what anti-aliasing leaves (a 1.5 pt line is 2.08 px wide).
            let centre = frame.pixel((level / 2).squareRoot(), (level / 2).squareRoot())
            let expected = contours.colors[index]
            let pixel = image.pixel(Int(centre.x), Int(centre.y))
            let found = [pixel.r, pixel.g, pixel.b].map(Double.init)
            let wanted = [expected.red, expected.green, expected.blue].map { $0 * 255 }
            let distance = zip(found, wanted).map { abs($0 - $1) }.max()!
            #expect(distance < 40, "level \(level): \(found) at \(centre), viridis gives \(wanted)")
        }
        // Between the lines: white.
        let between = frame.pixel(
            (contours.levels.values[1].squareRoot() + contours.levels.values[2].squareRoot()) / 2, 0)
        let white = image.pixel(Int(between.x), Int(between.y))
        #expect(white.r == 255 && white.g == 255 && white.b == 255)
    }

    @Test func filledBandsAreTheirColoursAndTheColourBarSitsBesideTheAxes() throws {
        let font = try Font.standard()
        let (figure, contours) = try Self.sphereContours(filled: true)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        let outer = figure.layout(font: font)[0]
        let plot = ColorBar.plotBox(in: outer)
        let bar = ColorBar.barBox(beside: plot)
        // matplotlib's layout: the plot keeps 80 % of the width, the bar is 1/20 as wide as tall.
        #expect(abs(plot.width - 0.8 * outer.width) < 1e-9)
        #expect(abs(bar.width - plot.height / 20) < 1e-9 && bar.minX > plot.maxX)
        let frame = ContourTests.frame(for: contours.grid, font: font, box: plot)
        let levels = contours.levels.values
        for band in 0..<(levels.count - 1) where levels[band + 1] <= 18 {
            // Halfway between the band's circles on the diagonal, and on the bar halfway up the band.
            let radius = (levels[band].squareRoot() + levels[band + 1].squareRoot()) / 2
            let inPlot = frame.pixel(radius / 2.0.squareRoot(), radius / 2.0.squareRoot())
            let y = contours.colorBar.y(ofLevel: band, on: bar) - bar.height / Double(levels.count - 1) / 2
            for point in [inPlot, Point(bar.center.x, y)] {
                let pixel = image.pixel(Int(point.x), Int(point.y))
                let expected = contours.colors[band]
                let found = [pixel.r, pixel.g, pixel.b].map(Double.init)
                let wanted = [expected.red, expected.green, expected.blue].map { ($0 * 255).rounded() }
                #expect(
                    zip(found, wanted).allSatisfy { abs($0 - $1) <= 1 },
                    "band \(band) at \(point): \(found) vs \(wanted)")
            }
        }
    }

    @Test(arguments: [false, true]) func bothBackendsDrawTheSameContours(filled: Bool) throws {
        let renderer = try #require(BackendAgreementTests.rsvgConvert, "rsvg-convert is not installed")
        let font = try Font.standard()
        let figure = try Self.rosenbrockDemo(filled: filled)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-contour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let raster = try PNGCodec.decode(try figure.pngData(font: font))
        let vector = try PNGCodec.decode(
            try BackendAgreementTests.render(
                figure.svgDocument(font: font), width: raster.width, height: raster.height, with: renderer, in: folder))
        let comparison = ImageComparison(raster, vector, threshold: 64)
        #expect(comparison.meanDifference.allSatisfy { $0 < 1 }, "\(comparison.meanDifference)")
        let large = comparison.regions.filter { $0.pixels > 4 }
        #expect(large.isEmpty, "\(large.prefix(5))")
    }
}
