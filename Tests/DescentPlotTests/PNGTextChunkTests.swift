import Foundation
import Testing

@testable import DescentPlot

/// Text metadata in PNG files, read back by a chunk walker of its own (PNG specification, 3rd
/// edition, §5.3 and §11.3.3) rather than through the encoder's helpers.
@Suite struct PNGTextChunkTests {
    /// One chunk as the file holds it.
    struct RawChunk {
        let type: String
        let data: [UInt8]
    }

    /// The chunks of `png`, each length-, type- and CRC-checked.
    static func walk(_ png: Data) throws -> [RawChunk] {
        let bytes = [UInt8](png)
        try #require(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature")
        var chunks: [RawChunk] = []
        var offset = 8
        while offset < bytes.count {
            try #require(offset + 12 <= bytes.count, "a chunk is cut short at byte \(offset)")
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = offset + 8 + length
            try #require(end + 4 <= bytes.count, "a chunk runs past the end of the file")
            let typeAndData = Array(bytes[(offset + 4)..<end])
            let crc = bytes[end..<(end + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            #expect(crc == bitwiseCRC(typeAndData), "CRC of \(type)")
            chunks.append(RawChunk(type: type, data: Array(typeAndData.dropFirst(4))))
            offset = end + 4
        }
        return chunks
    }

    /// CRC-32 (ISO 3309, reflected 0xEDB88320) bit by bit, as the specification's annex D spells it.
    static func bitwiseCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The PNG of a 1×1 white pixel with `metadata`, decoded by libpng to prove it readable.
    static func png(_ metadata: [(key: String, value: String)]) throws -> [RawChunk] {
        let data = try PNGCodec.encode(rgba: [255, 255, 255, 255], width: 1, height: 1, dpi: 100, metadata: metadata)
        _ = try PNGCodec.decode(data)
        return try walk(data)
    }

    @Test func latin1TextIsWrittenAsTEXtByteForByte() throws {
        let chunks = try Self.png([("Comment", "café à 25 °C\nsecond line")])
        let text = try #require(chunks.first { $0.type == "tEXt" })
        #expect(
            text.data == Array("Comment".utf8) + [0]
                + "café à 25 °C\nsecond line".unicodeScalars.map { UInt8($0.value) })
        #expect(!chunks.contains { $0.type == "iTXt" })
    }

    @Test func textBeyondLatin1IsWrittenAsUncompressedITXtInUTF8() throws {
        let command = "descent trajectory --title \"x₀ ≤ 1\" --output a.png"
        let chunks = try Self.png([("Software", "Descent"), ("Command", command)])
        #expect(chunks.map(\.type) == ["IHDR", "sRGB", "pHYs", "tEXt", "iTXt", "IDAT", "IEND"])
        // Keyword, NUL, compression flag 0, method 0, empty language tag, empty translated keyword.
        let international = chunks[4].data
        #expect(international == Array("Command".utf8) + [0, 0, 0, 0, 0] + Array(command.utf8))
        #expect(String(decoding: international.dropFirst(12), as: UTF8.self) == command)
    }

    @Test func controlCharactersOtherThanLineFeedLeaveTEXt() throws {
        for text in ["tab\there", "bell\u{7}", "C1 \u{85} control", "delete\u{7F}"] {
            let chunks = try Self.png([("Comment", text)])
            let international = try #require(chunks.first { $0.type == "iTXt" }, "\(text.debugDescription)")
            #expect(String(decoding: international.data.dropFirst(12), as: UTF8.self) == text)
        }
    }

    @Test func aNulInTheTextBecomesTheReplacementCharacter() throws {
        let chunks = try Self.png([("Comment", "before\0after")])
        let international = try #require(chunks.first { $0.type == "iTXt" })
        #expect(!international.data.dropFirst(12).contains(0), "no NUL in the text")
        #expect(String(decoding: international.data.dropFirst(12), as: UTF8.self) == "before\u{FFFD}after")
    }

    @Test func bothKindsReadBackThroughTextChunks() throws {
        let metadata = [("Software", "Descent"), ("Title", "x₀ ≤ 1"), ("Comment", "naïve")]
        let data = try PNGCodec.encode(rgba: [0, 0, 0, 255], width: 1, height: 1, dpi: 100, metadata: metadata)
        #expect(PNGCodec.textChunks(of: data) == ["Software": "Descent", "Title": "x₀ ≤ 1", "Comment": "naïve"])
    }

    @Test(arguments: ["", " Leading", "Trailing ", "Two  spaces", "x₀", "Nul\0", String(repeating: "k", count: 80)])
    func keywordsThePNGSpecificationForbidsAreRefused(keyword: String) {
        #expect(throws: PNGCodec.Error.self) { try PNGTextChunk(keyword: keyword, text: "text") }
    }
}
