import CPNGWriter
import DescentCore
import DescentTestSupport
import Foundation
import Testing

@testable import DescentPlot

/// The encoder deflates images of at least `DESCENT_PNG_PARALLEL_MINIMUM` bytes of filtered rows
/// in two parts of their rows on two threads, joined into one zlib stream: libpng must read back
/// exactly the pixels encoded (it checks the stream's Adler-32 too), on both sides of the
/// threshold, and the bytes must not depend on which thread finished first.
@Suite struct PNGTwoThreadDeflateTests {
    /// Pixels whose rows cycle through seven random rows, so that matches reach back across rows
    /// (but never across the cut between the parts); with `alpha`, some pixels are not opaque
    /// (RGBA), else all are (RGB).
    private func pixels(width: Int, height: Int, alpha: Bool, using generator: inout SeededGenerator) -> [UInt8] {
        let rows = (0..<7).map { _ in
            (0..<(width * 4)).map { index in
                index % 4 == 3 && !alpha ? 255 : UInt8.random(in: 0...255, using: &generator)
            }
        }
        return (0..<height).flatMap { rows[$0 % 7] }
    }

    /// The bytes of filtered rows deflated: a filter byte and the samples per row.
    private func filteredSize(width: Int, height: Int, channels: Int) -> Int { (width * channels + 1) * height }

    @Test(arguments: [
        // 85 RGB pixels make rows of 256 filtered bytes: 1,024 rows are exactly the threshold of
        // the standard compression, 2,048 that of the fast one (twice as many bytes).
        (85, 1023, false), (85, 1024, false), (85, 1025, false), (85, 2047, false), (85, 2048, false),
        // 85 RGBA pixels make rows of 341 bytes: 768 rows fall short of 262,144 bytes, 769 reach it.
        (85, 768, true), (85, 769, true),
        // One row (never cut, however long); odd heights; one pixel.
        (100_000, 1, false), (70_000, 1, true), (401, 333, false), (357, 299, true), (1, 1, false),
    ])
    func pixelsSurviveTheTwoThreadEncoder(width: Int, height: Int, alpha: Bool) throws {
        var generator = SeededGenerator.printingSeed()
        let rgba = pixels(width: width, height: height, alpha: alpha, using: &generator)
        let data = try PNGCodec.encode(rgba: rgba, width: width, height: height, dpi: 100, metadata: [])
        let header = try #require(PNGCodec.chunks(of: data).first)
        #expect(header.data[9] == (alpha ? 6 : 2), "colour type: RGBA when a pixel is not opaque, else RGB")
        let size = filteredSize(width: width, height: height, channels: alpha ? 4 : 3)
        let minimum = Int(DESCENT_PNG_PARALLEL_MINIMUM)
        print(
            "\(width) × \(height) \(alpha ? "RGBA" : "RGB"), \(size) bytes filtered: standard in "
                + "\(size >= minimum ? "two parts" : "one"), fast in \(size >= 2 * minimum ? "two" : "one")")
        let image = try PNGCodec.decode(data)
        #expect(image.width == width && image.height == height)
        #expect(image.rgba == rgba)
        let fast = try PNGCodec.encode(
            rgba: rgba, width: width, height: height, dpi: 100, metadata: [], compression: .fast)
        #expect(try PNGCodec.decode(fast).rgba == rgba)
    }

    /// A plot-like image: white rows (repeated rows, filtered Up), lines in #1f77b4 with two
    /// shades of edge, a band of gradient rows; with `alpha`, the lines are half transparent.
    private func plotLikePixels(width: Int, height: Int, alpha: Bool) -> [UInt8] {
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let base = (y * width + x) * 4
                if y >= height / 2 && y < height / 2 + 16 {
                    rgba[base] = UInt8(x % 256)
                    rgba[base + 1] = UInt8((x * y) % 251)
                    rgba[base + 2] = UInt8(y % 256)
                    continue
                }
                let phase = (x + 2 * y) % 97
                guard y >= 20, phase < 3 else { continue }
                let shade = UInt8(60 * phase)
                rgba[base] = 31 + shade / 2
                rgba[base + 1] = 119 + shade / 3
                rgba[base + 2] = 180 + shade / 4
                if alpha { rgba[base + 3] = 128 + shade }
            }
        }
        return rgba
    }

    /// The encoder's output, pinned byte for byte. In one part (120 × 80), as the writer deflated
    /// its filtered rows from one buffer before the rows were handed to zlib piece by piece (a
    /// filter byte, then the row as the caller holds it), which must not change a byte. In two
    /// parts at both compressions (600 × 401 RGB, cut before row 200; 300 × 500 RGBA, before row
    /// 250), recorded when the parts came to stand alone (each part's first row unfiltered, no
    /// match reaching before it), the fast ones checked then against Python's zlib deflating
    /// each part's filtered rows at level 1 (a sync flush after the first).
    @Test(arguments: [(120, 80, false), (600, 401, false), (300, 500, true)])
    func theEncodedBytesStayTheSame(width: Int, height: Int, alpha: Bool) throws {
        let rgba = plotLikePixels(width: width, height: height, alpha: alpha)
        for compression in PNGCompression.allCases {
            let data = try PNGCodec.encode(
                rgba: rgba, width: width, height: height, dpi: 100, metadata: [("Software", "Descent")],
                compression: compression)
            #expect(try PNGCodec.decode(data).rgba == rgba)
            try GoldenFile.assertBytes(data, matches: "encoder_\(width)x\(height)_\(compression).png")
        }
    }

    @Test func theSameImageGivesTheSameBytesEveryTime() throws {
        var generator = SeededGenerator.printingSeed()
        let (width, height) = (257, 301)
        let rgba = pixels(width: width, height: height, alpha: true, using: &generator)
        let first = try PNGCodec.encode(rgba: rgba, width: width, height: height, dpi: 100, metadata: [])
        for _ in 0..<20 {
            #expect(try PNGCodec.encode(rgba: rgba, width: width, height: height, dpi: 100, metadata: []) == first)
        }
    }

    /// The book's Figure 4-10, well above the threshold: one IDAT chunk, no larger than
    /// matplotlib's file, a zlib stream that libpng decodes to the canvas's own pixels, the same
    /// bytes from two encodings.
    @Test func aFigureIsOneIDATChunkAndReadsBackAsDrawn() throws {
        let font = try Font.standard()
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        let figure = TrajectoryFigures.trajectory(run, options: .init(style: .book))
        var canvas = RasterCanvas(width: Int(figure.width), height: Int(figure.height))
        figure.draw(on: &canvas, font: font)
        let data = try canvas.png(dpi: 100, metadata: [])
        #expect(PNGCodec.chunks(of: data).filter { $0.type == "IDAT" }.count == 1)
        // matplotlib's Agg writes this figure in 12,817 bytes (Benchmarks/peers/trajectory_figure.py).
        #expect(data.count <= 12_817, "\(data.count) bytes")
        #expect(try PNGCodec.decode(data).rgba == canvas.rgba)
        #expect(try canvas.png(dpi: 100, metadata: []) == data)
    }
}
