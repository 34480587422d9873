import CLibPNG
import Foundation

/// PNG through libpng's simplified API (`png_image_*`), which reports errors by return value and
/// needs no setjmp. The simplified writer emits only the image chunks; the pHYs (resolution) and
/// text (metadata: tEXt or iTXt, see `PNGTextChunk`) chunks are spliced in after IHDR, each with
/// its CRC-32, as the PNG specification (ISO/IEC 15948, §5.3) lays chunks out.
///
/// Pixels are 8-bit RGBA; an image whose every pixel is opaque (every figure on its white
/// background) is stored as 8-bit RGB, the same pixels in three quarters of the data, which keeps
/// the files no larger than matplotlib's.
public enum PNGCodec {
    /// A PNG that could not be encoded or decoded, with libpng's message.
    public struct Error: Swift.Error, CustomStringConvertible {
        /// What libpng reported, in its words.
        public let description: String
    }

    /// A decoded image: 8-bit RGBA, straight alpha, row after row.
    public struct Image {
        /// Width in pixels.
        public let width: Int
        /// Height in pixels.
        public let height: Int
        /// The pixels: 4 bytes (r, g, b, a) per pixel, `width` pixels per row, top row first.
        public let rgba: [UInt8]

        /// The colour of pixel (x, y) as (r, g, b, a).
        public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
            let base = (y * width + x) * 4
            return (rgba[base], rgba[base + 1], rgba[base + 2], rgba[base + 3])
        }
    }

    /// Encodes RGBA pixels, with a text chunk per entry of `metadata` (tEXt for Latin-1 text, else
    /// iTXt); a key that is no valid PNG keyword is an error.
    ///
    /// - Complexity: O(`width · height`): one pass to find whether every pixel is opaque, one
    ///   zlib compression.
    public static func encode(
        rgba: [UInt8], width: Int, height: Int, dpi: Double, metadata: [(key: String, value: String)]
    ) throws(Error) -> Data {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        let opaque = stride(from: 3, to: rgba.count, by: 4).allSatisfy { rgba[$0] == 255 }
        image.format = opaque ? descent_png_format_rgb : descent_png_format_rgba
        var samples = rgba
        if opaque {
            samples = [UInt8](repeating: 0, count: width * height * 3)
            for pixel in 0..<(width * height) {
                samples[pixel * 3] = rgba[pixel * 4]
                samples[pixel * 3 + 1] = rgba[pixel * 4 + 1]
                samples[pixel * 3 + 2] = rgba[pixel * 4 + 2]
            }
        }
        let encoded: [UInt8]? = samples.withUnsafeBytes { pixels in
            // One compression into a buffer of the largest possible size; libpng reports a larger
            // size if its bound fell short (it can on 32-bit systems), and then a second try fits.
            var capacity = Int(descent_png_size_max(&image))
            for _ in 0..<2 {
                var bytes = [UInt8](repeating: 0, count: capacity)
                var size = capacity
                let ok = bytes.withUnsafeMutableBytes { output in
                    png_image_write_to_memory(&image, output.baseAddress, &size, 0, pixels.baseAddress, 0, nil)
                }
                if ok != 0 { return Array(bytes.prefix(size)) }
                guard size > capacity else { return nil }
                capacity = size
            }
            return nil
        }
        guard let encoded else {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            throw Error(description: "libpng could not encode the image: \(message)")
        }
        // Signature (8 bytes) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33 bytes.
        let afterHeader = 33
        var extra: [UInt8] = []
        let pixelsPerMetre = UInt32((dpi / 0.0254).rounded())
        extra += chunk("pHYs", bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1])
        for (key, value) in metadata {
            let text = try PNGTextChunk(keyword: key, text: value)
            extra += chunk(text.type, text.data)
        }
        return Data(encoded[..<afterHeader] + extra + encoded[afterHeader...])
    }

    /// Decodes a PNG into 8-bit RGBA.
    ///
    /// - Complexity: O(`data.count` + pixels).
    public static func decode(_ data: Data) throws(Error) -> Image {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let started = data.withUnsafeBytes { bytes in
            png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count)
        }
        guard started != 0 else { throw Error(description: "not a PNG libpng can read") }
        image.format = descent_png_format_rgba
        var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
        }
        guard finished != 0 else {
            png_image_free(&image)
            throw Error(description: "libpng could not decode the image")
        }
        return Image(width: Int(image.width), height: Int(image.height), rgba: pixels)
    }

    /// The text chunks (`tEXt` and `iTXt`) of a PNG, keyword → text, for checking what was written.
    ///
    /// - Complexity: O(`data.count`).
    public static func textChunks(of data: Data) -> [String: String] {
        var result: [String: String] = [:]
        for (type, body) in chunks(of: data) {
            if let (keyword, text) = PNGTextChunk.read(type: type, data: body) { result[keyword] = text }
        }
        return result
    }

    /// Every chunk of a PNG: type and data.
    ///
    /// - Complexity: O(`data.count`).
    public static func chunks(of data: Data) -> [(type: String, data: [UInt8])] {
        let bytes = [UInt8](data)
        var result: [(String, [UInt8])] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { break }
            result.append((type, Array(bytes[(offset + 8)..<(offset + 8 + length)])))
            offset += 12 + length
        }
        return result
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeAndBody = Array(type.utf8) + body
        return bigEndian(UInt32(body.count)) + typeAndBody + bigEndian(CRC32.checksum(typeAndBody))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// CRC-32 as PNG and zlib define it (polynomial 0xEDB88320, reflected), table-driven.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}
