import DescentCore
import Foundation
import Testing

@testable import DescentPlot

/// The figure of `descent landscape`: a bowl-shaped loss 0.3 + a² + b² over −2…2, a straight path
/// into its centre, and the loss along α; decoded PNG pixels where the bands and the marks are.
@Suite struct LossLandscapeFigureTests {
    static let axis = (0...20).map { Double($0 - 10) / 5 }

    static let landscape = LossLandscapeFigures.Landscape(
        gridA: axis, gridB: axis, loss: axis.flatMap { b in axis.map { a in 0.3 + a * a + b * b } },
        pathA: [-1.5, -1, -0.5, 0], pathB: [-1, -0.6, -0.3, 0], labelA: "PC1 (90.0 %)", labelB: "PC2 (5.0 %)",
        alpha: (0...40).map { Double($0 - 10) / 20 },
        interpolationLoss: (0...40).map { 0.3 + 3.25 * pow(1 - Double($0 - 10) / 20, 2) }, evaluationSamples: 100)

    @Test func renardLevelsAreRoundLogSpacedAndCoverTheRange() throws {
        let levels = ContourLevels.renard(from: 1.1, to: 2.4)
        #expect(levels.scale == .logarithmic)
        #expect(
            levels.values == [
                1.06, 1.12, 1.18, 1.25, 1.32, 1.40, 1.50, 1.60, 1.70, 1.80, 1.90, 2.00, 2.12, 2.24, 2.36, 2.50,
            ])
        let wide = ContourLevels.renard(from: 0.357, to: 2.2)
        #expect(wide.values.first! <= 0.357 && wide.values.last! >= 2.2 && wide.values.count <= 16)
        #expect(ContourLevels.renard(from: 1e-3, to: 1e3).values.allSatisfy { log10($0) == log10($0).rounded() })
        #expect(ContourLevels.renard(from: 1.0, to: 1.01).scale == .linear, "too narrow for log-spaced levels")
    }

    @Test func thePlaneShowsTheBandsThePathsEndAndAColourBar() throws {
        let font = try Font.standard()
        let figure = LossLandscapeFigures.figure(Self.landscape)
        #expect(figure.width == 1280 && figure.height == 480 && figure.panels.count == 2)
        let plane = figure.panels[0]
        let bar = try #require(plane.colorBar)
        #expect(bar.levels.scale == .logarithmic && bar.levels.values.first! <= 0.3 && bar.levels.values.last! >= 8.3)
        #expect(plane.xLabel == RichText("PC1 (90.0 %)") && plane.yLabel == RichText("PC2 (5.0 %)"))
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        let grid = ContourGrid(xs: Self.axis, ys: Self.axis, values: Self.landscape.loss)
        let frame = ContourTests.frame(for: grid, font: font, box: ColorBar.plotBox(in: figure.layout(font: font)[0]))
        // The end's diamond at (0, 0): the path's red.
        let end = frame.pixel(0, 0)
        let red = image.pixel(Int(end.x), Int(end.y))
        #expect(red.r == 255 && red.g == 0 && red.b == 0, "\(red)")
        // At (1.5, 1.5) the loss is 4.8: the colour of the band around it.
        let levels = bar.levels.values
        let band = try #require(levels.indices.dropLast().first { levels[$0] <= 4.8 && 4.8 < levels[$0 + 1] })
        let point = frame.pixel(1.5, 1.5)
        let pixel = image.pixel(Int(point.x), Int(point.y))
        let wanted = [bar.colors[band].red, bar.colors[band].green, bar.colors[band].blue].map { ($0 * 255).rounded() }
        let found = [pixel.r, pixel.g, pixel.b].map(Double.init)
        #expect(zip(found, wanted).allSatisfy { abs($0 - $1) <= 1 }, "\(found) vs \(wanted)")
    }

    @Test func theInterpolationMarksTheStartAndTheEnd() throws {
        let figure = LossLandscapeFigures.figure(Self.landscape, contours: LandscapeContours(style: .lines))
        let curve = figure.panels[1]
        #expect(curve.colorBar == nil && figure.panels[0].colorBar == nil, "lines have no colour bar")
        let labels = curve.artists.compactMap { $0.legendEntry?.label }
        #expect(labels == ["straight line", "start θ₀", "end θ_f"])
        let marks = curve.artists.compactMap { $0 as? LineArtist }.filter { $0.style == .none }
        #expect(marks.map(\.xs) == [[0], [1]] && marks.map(\.ys) == [[3.55], [0.3]])
    }
}
