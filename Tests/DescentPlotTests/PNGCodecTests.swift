import DescentTestSupport
import Foundation
import Testing

@testable import DescentPlot

@Suite struct PNGCodecTests {
    @Test func pixelsSurviveARoundTripThroughLibpng() throws {
        var generator = SeededGenerator.printingSeed()
        let rgba = (0..<(37 * 23 * 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let data = try PNGCodec.encode(rgba: rgba, width: 37, height: 23, dpi: 100, metadata: [])
        let image = try PNGCodec.decode(data)
        #expect(image.width == 37 && image.height == 23)
        #expect(image.rgba == rgba)
    }

    @Test func opaqueImagesAreStoredAsRGBAndReadBackTheSame() throws {
        var generator = SeededGenerator.printingSeed()
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
        #expect(chunks.map(\.type) == ["IHDR", "pHYs", "tEXt", "tEXt", "sRGB", "IDAT", "IEND"])
        // 100 dpi = 3937 pixels per metre in both directions, unit: metre.
        #expect(chunks[1].data == [0, 0, 0x0F, 0x61, 0, 0, 0x0F, 0x61, 1])
        #expect(PNGCodec.textChunks(of: data) == ["Software": "Descent", "Command": "descent trajectory --lr 10"])
        #expect(!chunks.contains { $0.type == "tIME" })
        _ = try PNGCodec.decode(data)
    }

    @Test func crcIsPNGs() {
        // The CRC of the IEND chunk type, found in every PNG: AE 42 60 82.
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
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
