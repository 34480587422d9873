import Foundation
import Testing

@testable import DescentPlot

@Suite struct PNGCodecTests {
    @Test func pixelsSurviveARoundTripThroughLibpng() throws {
        var generator = SystemRandomNumberGenerator()
        let rgba = (0..<(37 * 23 * 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let data = try PNGCodec.encode(rgba: rgba, width: 37, height: 23, dpi: 100, metadata: [])
        let image = try PNGCodec.decode(data)
        #expect(image.width == 37 && image.height == 23)
        #expect(image.rgba == rgba)
    }

    @Test func opaqueImagesAreStoredAsRGBAndReadBackTheSame() throws {
        var generator = SystemRandomNumberGenerator()
        var rgba = (0..<(19 * 11 * 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for alpha in stride(from: 3, to: rgba.count, by: 4) { rgba[alpha] = 255 }
        let data = try PNGCodec.encode(rgba: rgba, width: 19, height: 11, dpi: 72, metadata: [])
        let header = try #require(PNGCodec.chunks(of: data).first)
        #expect(header.type == "IHDR" && header.data[8] == 8 && header.data[9] == 2, "8-bit truecolour without alpha")
        #expect(try PNGCodec.decode(data).rgba == rgba)
    }

    @Test func resolutionAndMetadataAreWrittenAndTimeIsNot() throws {
        let data = try PNGCodec.encode(
            rgba: [UInt8](repeating: 255, count: 16), width: 2, height: 2, dpi: 100,
            metadata: [("Software", "Descent"), ("Command", "descent trajectory --lr 10")])
        let chunks = PNGCodec.chunks(of: data)
        #expect(chunks.map(\.type) == ["IHDR", "sRGB", "pHYs", "tEXt", "tEXt", "IDAT", "IEND"])
        // 100 dpi = 3937 pixels per metre in both directions, unit: metre.
        #expect(chunks[2].data == [0, 0, 0x0F, 0x61, 0, 0, 0x0F, 0x61, 1])
        #expect(PNGCodec.textChunks(of: data) == ["Software": "Descent", "Command": "descent trajectory --lr 10"])
        #expect(!chunks.contains { $0.type == "tIME" })
        _ = try PNGCodec.decode(data)
    }

    @Test func repeatedRowsAndBothCompressionsKeepThePixels() throws {
        // Rows 0–9 white, 10–19 a gradient, 20–39 one colour: runs of repeated rows between others.
        let (width, height) = (50, 40)
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for y in 10..<40 {
            for x in 0..<width {
                let base = (y * width + x) * 4
                rgba[base] = y < 20 ? UInt8(x * 5) : 31
                rgba[base + 1] = y < 20 ? UInt8(y * 7) : 119
                rgba[base + 2] = 180
            }
        }
        let standard = try PNGCodec.encode(rgba: rgba, width: width, height: height, dpi: 100, metadata: [])
        let fast = try PNGCodec.encode(
            rgba: rgba, width: width, height: height, dpi: 100, metadata: [], compression: .fast)
        #expect(try PNGCodec.decode(standard).rgba == rgba)
        #expect(try PNGCodec.decode(fast).rgba == rgba)
    }

    @Test func aLibpngErrorIsASwiftError() {
        // libpng refuses an image wider than its limit of a million pixels (png_check_IHDR): the
        // error unwinds inside the C writer and comes back as a thrown error.
        let rgba = [UInt8](repeating: 255, count: 1_000_001 * 4)
        #expect(throws: PNGCodec.Error.self) {
            try PNGCodec.encode(rgba: rgba, width: 1_000_001, height: 1, dpi: 100, metadata: [])
        }
    }

    @Test func garbageIsRefused() {
        #expect(throws: PNGCodec.Error.self) { try PNGCodec.decode(Data("not a png".utf8)) }
    }
}

@Suite struct SVGNumberTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0004, "0"), (1.5, "1.5"), (-2.25, "-2.25"), (115.4286, "115.429"), (0.05, "0.05"),
        (-0.0125, "-0.013"),
        (640, "640"), (7.7083333, "7.708"), (1e-9, "0"), (99.9996, "100"),
    ])
    func numbersHaveAtMostThreeDecimals(value: Double, text: String) {
        #expect(SVGCanvas.number(value) == text)
    }
}
