import CKernels
import DescentTestSupport
import Foundation
import Testing

@testable import DescentPlot

/// The pixmap keeps 8-bit RGB on an opaque background: every composite reads a pixel's bytes as
/// d / 255, blends in Float and stores the bytes. A pixel painted once over the background must get
/// exactly the byte the Float pixmap gave it (`src·a + dst·(1 − a)` on the background's Floats,
/// then rounded), through every kernel: stored coverage pixel by pixel, constant runs of every
/// length around the 16-pixel block, opaque fills.
@Suite struct PixmapTests {
    /// Backgrounds: the light and dark themes' and two other byte colours.
    private static let backgrounds = [
        Color.white, Color(hex: "#1a1c20")!, Color(red: 0, green: 0, blue: 0), Color(hex: "#7f3fc0")!,
    ]

    /// The byte the Float pixmap gave a background component `background` under `paint` at
    /// opacity `a`: premultiplied source-over in Float, then clamped, ×255, +0.5, truncated.
    private func floatBlendByte(_ paint: Double, over background: Double, opacity a: Float) -> UInt8 {
        let value = Float(paint) * a + Float(background) * (1 - a)
        return UInt8(min(max(value, 0), 1) * 255 + 0.5)
    }

    /// A mask of one row per length in `lengths`: `stored` columns of listed coverages (cycling
    /// through `coverages`), then a constant run of that length at `constant`.
    private func mask(stored: Int, lengths: [Int], coverages: [Float], constant: Float) -> CoverageMask {
        let width = stored + (lengths.max() ?? 0)
        var mask = CoverageMask(
            originX: 0, originY: 0, width: width, height: lengths.count, rows: [], runs: [], values: [])
        for length in lengths {
            let first = mask.runs.count
            mask.appendStoredRun(0..<stored, offset: mask.values.count)
            mask.values += (0..<stored).map { coverages[$0 % coverages.count] }
            mask.appendConstantRun(stored..<(stored + length), constant)
            mask.rows.append(first..<mask.runs.count)
        }
        return mask
    }

    @Test func aPixelPaintedOnceGetsTheByteOfTheFloatBlend() {
        var generator = SeededGenerator.printingSeed()
        let lengths = [1, 2, 15, 16, 17, 31, 33, 40]
        for background in Self.backgrounds {
            for _ in 0..<60 {
                let color = Color(
                    red: .random(in: 0...1, using: &generator), green: .random(in: 0...1, using: &generator),
                    blue: .random(in: 0...1, using: &generator),
                    alpha: [1, 0.5, 0.3, .random(in: 0...1, using: &generator)].randomElement(using: &generator)!)
                let coverages = [0, 1, 0.5, 1e-6] + (0..<20).map { _ in Float.random(in: 0...1, using: &generator) }
                let constant = [1, 0.25, Float.random(in: 0...1, using: &generator)].randomElement(using: &generator)!
                let mask = mask(stored: coverages.count, lengths: lengths, coverages: coverages, constant: constant)
                var pixmap = Pixmap(width: mask.width, height: mask.height, background: background)
                pixmap.composite(mask, color: color)
                let rgba = pixmap.rgba8()
                for row in 0..<mask.height {
                    for column in 0..<mask.width {
                        let a = mask.coverage(row: row, column: column) * Float(color.alpha)
                        let expected = [
                            floatBlendByte(color.red, over: background.red, opacity: a),
                            floatBlendByte(color.green, over: background.green, opacity: a),
                            floatBlendByte(color.blue, over: background.blue, opacity: a), 255,
                        ]
                        let base = (row * mask.width + column) * 4
                        #expect(
                            Array(rgba[base..<(base + 4)]) == expected,
                            "\(color) over \(background) at coverage \(mask.coverage(row: row, column: column))")
                    }
                }
            }
        }
    }

    /// A second paint reads the bytes the first left: d / 255, blended, rounded again; the rounding
    /// between the two is what sets the byte pixmap apart from the Float one (at most 1 in a
    /// channel over the gallery).
    @Test func aSecondPaintBlendsOverTheBytesTheFirstLeft() {
        var generator = SeededGenerator.printingSeed()
        for _ in 0..<200 {
            let colors = (0..<2).map { _ in
                Color(
                    red: .random(in: 0...1, using: &generator), green: .random(in: 0...1, using: &generator),
                    blue: .random(in: 0...1, using: &generator), alpha: .random(in: 0.1...1, using: &generator))
            }
            let coverages = (0..<2).map { _ in [Float.random(in: 0...1, using: &generator)] }
            var pixmap = Pixmap(width: 20, height: 2, background: .white)
            for (color, coverage) in zip(colors, coverages) {
                pixmap.composite(
                    mask(stored: 1, lengths: [19, 19], coverages: coverage, constant: coverage[0]), color: color)
            }
            let first = [colors[0].red, colors[0].green, colors[0].blue].map {
                floatBlendByte($0, over: 1, opacity: coverages[0][0] * Float(colors[0].alpha))
            }
            let second = zip([colors[1].red, colors[1].green, colors[1].blue], first).map { paint, byte in
                floatBlendByte(
                    paint, over: Double(Float(byte) / 255), opacity: coverages[1][0] * Float(colors[1].alpha))
            }
            let rgba = pixmap.rgba8()
            for pixel in 0..<40 {
                #expect(Array(rgba[(pixel * 4)..<(pixel * 4 + 3)]) == second, "pixel \(pixel): \(colors)")
            }
        }
    }

    /// Every byte d is read as d / 255 in Float by both kernels (the pixel-by-pixel one through a
    /// table, the run one by dividing): pixels holding 0…255, painted through stored coverage and
    /// through a constant run, with 100 colours and coverages.
    @Test func everyByteIsReadAsItsValue() {
        var generator = SeededGenerator.printingSeed()
        for _ in 0..<100 {
            let color = Color(
                red: .random(in: 0...1, using: &generator), green: .random(in: 0...1, using: &generator),
                blue: .random(in: 0...1, using: &generator), alpha: .random(in: 0...1, using: &generator))
            let coverage = Float.random(in: 0...1, using: &generator)
            for constant in [false, true] {
                var pixmap = Pixmap(width: 86, height: 1, background: .white)
                for index in pixmap.rgb.indices { pixmap.rgb[index] = UInt8(index % 256) }
                let held = pixmap.rgb
                let mask =
                    constant
                    ? mask(stored: 0, lengths: [86], coverages: [], constant: coverage)
                    : mask(stored: 86, lengths: [0], coverages: [coverage], constant: 0)
                pixmap.composite(mask, color: color)
                let paint = [color.red, color.green, color.blue]
                let expected = held.indices.map { index in
                    floatBlendByte(
                        paint[index % 3], over: Double(Float(held[index]) / 255), opacity: coverage * Float(color.alpha)
                    )
                }
                #expect(pixmap.rgb == expected, "\(color) at coverage \(coverage), constant run: \(constant)")
            }
        }
    }

    /// Below `DESCENT_SMALLEST_VISIBLE_OPACITY` (2⁻¹⁰), source-over changes no byte, whatever the
    /// byte and the paint (the blend in Float, checked for all of them): the pixmap skips such
    /// paint, constant runs and single pixels alike, and its bytes stay as they were.
    @Test func paintBelowTheSmallestVisibleOpacityChangesNoByte() {
        let opacities: [Float] = [DESCENT_SMALLEST_VISIBLE_OPACITY.nextDown, 1e-4, 3e-8, .leastNonzeroMagnitude]
        for a in opacities {
            for paint in stride(from: 0.0, through: 1.0, by: 1.0 / 64) {
                for byte in 0...255 {
                    #expect(floatBlendByte(paint, over: Double(Float(byte) / 255), opacity: a) == UInt8(byte))
                }
            }
        }
        var pixmap = Pixmap(width: 86, height: 2, background: .white)
        for index in pixmap.rgb.indices { pixmap.rgb[index] = UInt8(index % 256) }
        let held = pixmap.rgb
        let black = Color(red: 0, green: 0, blue: 0)
        pixmap.composite(mask(stored: 86, lengths: [0, 0], coverages: opacities, constant: 0), color: black)
        pixmap.composite(mask(stored: 0, lengths: [86, 86], coverages: [], constant: 5e-4), color: black)
        #expect(pixmap.rgb == held)
    }

    /// The background's own colour, painted where nothing was, changes no byte at any coverage
    /// (checked by painting it): the axes' background on the figure's, in light and dark, is
    /// skipped.
    @Test(arguments: backgrounds)
    func theBackgroundsOwnColourIsANoOpOnIt(background: Color) {
        var generator = SeededGenerator.printingSeed()
        var pixmap = Pixmap(width: 40, height: 2, background: background)
        #expect(pixmap.isNoOpOnBackground(background))
        let untouched = pixmap.rgb
        let coverages = [0, 1e-7, 0.5, 1] + (0..<16).map { _ in Float.random(in: 0...1, using: &generator) }
        pixmap.composite(mask(stored: 20, lengths: [20, 17], coverages: coverages, constant: 0.3), color: background)
        #expect(pixmap.rgb == untouched)
        #expect(!pixmap.isNoOpOnBackground(background.withAlpha(0.5)))
        #expect(
            !Pixmap(width: 3, height: 3, background: Color(red: 0.5, green: 0.5, blue: 0.5)).isNoOpOnBackground(
                Color(red: 0.5, green: 0.5, blue: 0.5)), "0.5 is no byte's value: its pixels hold 128 / 255")
        #expect(!Pixmap(width: 3, height: 3, background: background.withAlpha(0)).isNoOpOnBackground(background))
    }

    /// A pixel whose alpha rounds to 0 reads as (0, 0, 0, 0), whatever colour its trace of paint
    /// had: divided by an alpha under 1/510, that colour would be noise.
    @Test func aPixelWhoseAlphaRoundsToZeroIsAllZero() {
        var canvas = RasterCanvas(width: 4, height: 1, theme: Theme.light.transparent())
        canvas.fill(
            .rectangle(Rect(x: 0, y: 0, width: 1, height: 1)),
            color: Color(red: 0.2, green: 0.6, blue: 0.3).withAlpha(0.001))
        canvas.fill(
            .rectangle(Rect(x: 1, y: 0, width: 1, height: 1)),
            color: Color(red: 0.2, green: 0.6, blue: 0.3).withAlpha(0.01))
        let pixels = canvas.rgba
        #expect(Array(pixels[0..<4]) == [0, 0, 0, 0])
        #expect(Array(pixels[4..<8]) == [51, 153, 77, 3])
        #expect(Array(pixels[8..<16]) == [0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// The encoder reads an opaque canvas's rows where the pixmap holds them: the same file as the
    /// same pixels handed over as RGBA and copied to RGB, for an opaque and a transparent canvas,
    /// in one part and in two.
    @Test(arguments: [(Theme.light, 40, 30), (Theme.dark, 700, 400), (Theme.light.transparent(), 300, 200)])
    func theCanvasGivesTheFileOfItsPixels(theme: Theme, width: Int, height: Int) throws {
        var canvas = RasterCanvas(width: width, height: height, theme: theme)
        canvas.fill(.rectangle(Rect(x: 2.5, y: 3.25, width: 30, height: 20)), color: Color(hex: "#1f77b4")!)
        var path = Path()
        path.move(to: Point(0, 0))
        path.line(to: Point(Double(width), Double(height) * 0.7))
        canvas.stroke(path, style: StrokeStyle(width: 2.5), color: Color(hex: "#ff7f0e")!.withAlpha(0.6))
        let data = try canvas.png(dpi: 100, metadata: [("Software", "Descent")])
        let rgba = canvas.rgba
        #expect(try PNGCodec.decode(data).rgba == rgba)
        #expect(
            data
                == (try PNGCodec.encode(
                    rgba: rgba, width: width, height: height, dpi: 100, metadata: [("Software", "Descent")])))
    }
}
