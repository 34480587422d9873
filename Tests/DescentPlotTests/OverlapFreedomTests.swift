import Testing

@testable import DescentPlot

/// Which polygons cannot overlap, so that their coverage needs no sampling pass.
@Suite struct OverlapFreedomTests {
    private func square(_ x: Double, _ y: Double, _ side: Double, clockwise: Bool = false) -> Polyline {
        let corners = [Point(x, y), Point(x + side, y), Point(x + side, y + side), Point(x, y + side)]
        return Polyline(points: clockwise ? corners.reversed() : corners, isClosed: true)
    }

    @Test func aSquareAndASquareWithAHoleAreFree() {
        // Counter-clockwise in y-up terms (x then y growing): winding +1 inside; the other way, −1.
        #expect(OverlapFreedom.filling([square(0, 0, 10)]) == 1)
        #expect(OverlapFreedom.filling([square(0, 0, 10, clockwise: true)]) == -1)
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(3, 3, 4, clockwise: true)]) == 1)
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(20, 0, 10)]) == 1)
        // A repeated last point and repeated vertices change nothing.
        let repeated = Polyline(points: square(0, 0, 10).points + [Point(0, 0), Point(0, 0)], isClosed: true)
        #expect(OverlapFreedom.filling([repeated]) != nil)
    }

    @Test func nestedSquaresOfOneOrientationCrossingSquaresAndABowtieAreNot() {
        // Winding 2 inside the inner square.
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(3, 3, 4)]) == nil)
        // Edges crossing.
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(5, 5, 10)]) == nil)
        // Touching along a side counts as meeting.
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(10, 0, 10)]) == nil)
        // Winding +1 and −1 side by side could cancel within a pixel.
        #expect(OverlapFreedom.filling([square(0, 0, 10), square(20, 0, 10, clockwise: true)]) == nil)
        let bowtie = Polyline(points: [Point(0, 0), Point(10, 10), Point(10, 0), Point(0, 10)], isClosed: true)
        #expect(OverlapFreedom.filling([bowtie]) == nil)
        // A spike that folds back along itself.
        let spike = Polyline(points: [Point(0, 0), Point(10, 0), Point(10, 10), Point(10, 5)], isClosed: true)
        #expect(OverlapFreedom.filling([spike]) == nil)
        #expect(OverlapFreedom.filling([]) == nil)
        #expect(OverlapFreedom.filling([Polyline(points: [Point(0, 0), Point(1, 1)], isClosed: true)]) == nil)
    }

    /// DejaVu Sans draws every printable ASCII character without overlap at the sizes of a
    /// figure's texts, all filling alike, so texts of them skip the sampling pass.
    @Test func dejaVuGlyphsAreFree() throws {
        let font = try Font(path: Font.defaultPath)
        let sizes: [Double] = [1000 / 72, 1200 / 72, 1600 / 72]
        let characters: [Unicode.Scalar] = (33...126).compactMap { Unicode.Scalar(UInt8($0)) }
        var fillings = Set<Int?>()
        for size in sizes {
            let scale = size / font.unitsPerEm
            for scalar in characters {
                let glyph = font.flattenedOutline(ofGlyph: font.glyphIndex(scalar), scaleX: scale, scaleY: -scale)
                #expect(glyph.filling != nil, "\(scalar) at \(size) px")
                fillings.insert(glyph.filling)
            }
        }
        #expect(fillings.count == 1)
    }

    /// A text's coverage without the sampling pass is the coverage with it, to the bit, at
    /// fractional positions and two sizes.
    @Test(arguments: ["lr = 1e−8: stalled", "x stopped moving at step 10", "0.5 −1.0 −4", "ΔX0 Ω ß"])
    func textCoverageIsTheSameWithoutSampling(text: String) throws {
        let font = try Font(path: Font.defaultPath)
        for (size, x, y) in [(13.9, 3.3, 17.71), (16.6, 5.05, 20.5)] {
            let layout = font.layout(RichText(text), size: size)
            var polygons: [Polyline] = []
            for glyph in layout.glyphs {
                let outline = font.flattenedOutline(
                    ofGlyph: glyph.index, scaleX: glyph.transform.a, scaleY: glyph.transform.d)
                polygons += outline.polygons.map { polygon in
                    Polyline(
                        points: polygon.points.map {
                            Point($0.x + glyph.transform.tx + x, $0.y + glyph.transform.ty + y)
                        },
                        isClosed: true)
                }
            }
            let clip = PixelBounds(minX: 0, minY: 0, maxX: 400, maxY: 40)
            let sampled = try #require(Rasterizer.coverage(of: polygons, rule: .nonZero, clip: clip))
            var scratch = Rasterizer.Scratch()
            let exact = try #require(
                Rasterizer.coverage(of: polygons, rule: .nonZero, clip: clip, reusing: &scratch, sampling: false))
            #expect(sampled.width == exact.width && sampled.height == exact.height)
            for row in 0..<sampled.height {
                for column in 0..<sampled.width {
                    #expect(
                        sampled.coverage(row: row, column: column) == exact.coverage(row: row, column: column),
                        "row \(row), column \(column)")
                }
            }
        }
    }
}
