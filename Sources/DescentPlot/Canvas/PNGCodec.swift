import CLibPNG
import CPNGWriter
import DescentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// PNG through libpng: written with its full API (`CPNGWriter`: rows unfiltered but for repeats
/// of the row above, the zlib level of ``PNGCompression``, deflated in two parts at once from
/// 256 KiB of rows on, libpng's errors returned, never thrown across Swift), read with its simplified API
/// (`png_image_*`).
///
/// The chunks: IHDR, sRGB, pHYs (the resolution), then a text chunk (tEXt or iTXt, see
/// `PNGTextChunk`) per metadata entry, IDAT (one chunk), IEND; no time stamp, so the same pixels give the
/// same bytes. RGBA pixels handed over whose every alpha is 255 are stored as 8-bit RGB, the same
/// pixels in three quarters of the data; a canvas (``RasterCanvas``) is stored as RGB on an
/// opaque background (every figure on its white one) and as RGBA on a transparent one.
public enum PNGCodec {
    /// A PNG that could not be encoded or decoded, with libpng's message.
    public struct Error: Swift.Error, CustomStringConvertible {
        /// What libpng reported, in its words.
        public let description: String

        init(description: String) {
            self.description = description
        }

        /// The writer's message (libpng's, zlib's or its own), from its NUL-terminated buffer.
        fileprivate init(libpngMessage message: [CChar]) {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            description = "libpng could not encode the image: \(reason)"
        }
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

    /// Encodes RGBA pixels (straight alpha), with a text chunk per entry of `metadata` (tEXt for
    /// Latin-1 text, else iTXt); a key that is no valid PNG keyword is an error.
    ///
    /// - Complexity: O(`width · height`): one pass to find whether every pixel is opaque, one
    ///   zlib compression.
    public static func encode(
        rgba: [UInt8], width: Int, height: Int, dpi: Double, metadata: [(key: String, value: String)],
        compression: PNGCompression = .standard
    ) throws(Error) -> Data {
        precondition(rgba.count == width * height * 4, "RGBA pixels: 4 bytes each")
        return try withSamples(ofRGBA: rgba) { samples, channels throws(Error) in
            try encode(
                samples: samples, channels: channels, width: width, height: height, dpi: dpi, metadata: metadata,
                compression: compression)
        }
    }

    /// Calls `body` with the samples a PNG stores for the RGBA pixels `rgba` (straight alpha), and
    /// their bytes per pixel: RGB (3) when every alpha is 255, else `rgba` itself (4).
    ///
    /// - Complexity: O(pixels): a pass over the alphas and, when they are all 255, one that drops them.
    static func withSamples<Result, Failure>(
        ofRGBA rgba: [UInt8], _ body: (_ samples: UnsafeBufferPointer<UInt8>, _ channels: Int) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard stride(from: 3, to: rgba.count, by: 4).allSatisfy({ rgba[$0] == 255 }) else {
            return try rgba.withUnsafeBufferPointer { samples throws(Failure) in try body(samples, 4) }
        }
        let pixels = rgba.count / 4
        let rgb = [UInt8](unsafeUninitializedCapacity: pixels * 3) { buffer, count in
            for pixel in 0..<pixels {
                buffer[pixel * 3] = rgba[pixel * 4]
                buffer[pixel * 3 + 1] = rgba[pixel * 4 + 1]
                buffer[pixel * 3 + 2] = rgba[pixel * 4 + 2]
            }
            count = pixels * 3
        }
        return try rgb.withUnsafeBufferPointer { samples throws(Failure) in try body(samples, 3) }
    }

    /// Encodes 8-bit samples, `channels` a pixel (3: RGB, 4: RGBA with straight alpha), row after
    /// row with no padding, read where they lie (zlib takes each row from `samples`).
    ///
    /// - Complexity: O(pixels); the time is zlib's (on the book's Figure 4-10, about 2.2 ms of CPU
    ///   at ``PNGCompression/standard``, 1.2 ms at ``PNGCompression/fast``). Images that
    ///   ``partCut(width:height:channels:compression:)`` cuts are deflated in two parts at once, by
    ///   the calling thread and a helper thread (`SharedWork.map`; none on a single core:
    ///   the parts one after the other, the same bytes).
    static func encode(
        samples: UnsafeBufferPointer<UInt8>, channels: Int, width: Int, height: Int, dpi: Double,
        metadata: [(key: String, value: String)], compression: PNGCompression
    ) throws(Error) -> Data {
        precondition(channels == 3 || channels == 4, "PNG samples: RGB or RGBA")
        precondition(samples.count == width * height * channels, "PNG samples: width × height pixels")
        try checkSize(width: width, height: height)
        let rowLength = width * channels
        // The caller's samples outlive the parts: `map` returns once every part is deflated.
        nonisolated(unsafe) let samples = samples
        @Sendable func deflated(_ rows: Range<Int>) -> Result<DeflatedRows, Error> {
            Result { () throws(Error) in
                try deflate(
                    rows: UnsafeBufferPointer(
                        rebasing: samples[(rows.lowerBound * rowLength)..<(rows.upperBound * rowLength)]),
                    channels: channels, width: width, compression: compression, isLast: rows.upperBound == height)
            }
        }
        let parts =
            if let cut = partCut(width: width, height: height, channels: channels, compression: compression) {
                SharedWork.map([0..<cut, cut..<height], deflated)
            } else {
                [deflated(0..<height)]
            }
        return try assemble(
            parts.map { part throws(Error) in try part.get() }, width: width, channels: channels, dpi: dpi,
            metadata: metadata, compression: compression)
    }

    /// Throws unless a PNG can hold `width` × `height` pixels: at least one, at most 2³² − 1 a side.
    static func checkSize(width: Int, height: Int) throws(Error) {
        guard width > 0, height > 0, width <= Int(UInt32.max), height <= Int(UInt32.max) else {
            throw Error(
                description: "a PNG needs at least one pixel and at most 2³² − 1 a side, not \(width) × \(height)")
        }
    }

    /// The row before which an image of `width` × `height` pixels, `channels` bytes each, is cut
    /// into two parts deflated at once (its middle row), or `nil` when it is deflated in one: below
    /// `DESCENT_PNG_PARALLEL_MINIMUM` bytes of filtered rows (twice that at
    /// ``PNGCompression/fast``, `descent_png_deflates_in_two`), or of a single row.
    static func partCut(width: Int, height: Int, channels: Int, compression: PNGCompression) -> Int? {
        let filtered = (width * channels + 1) * height
        guard height >= 2, descent_png_deflates_in_two(filtered, compression.deflateSettings.level) != 0 else {
            return nil
        }
        return height / 2
    }

    /// Consecutive rows of an image deflated as one part of its PNG's image data
    /// (`descent_png_deflate_rows`: the part stands alone, its first row unfiltered, no match
    /// reaching before it), to be joined by
    /// ``assemble(_:width:channels:dpi:metadata:compression:)``. The deflate data are freed with it.
    final class DeflatedRows: @unchecked Sendable {
        fileprivate var part: descent_png_part
        /// How many rows the part holds.
        let rows: Int

        fileprivate init(part: descent_png_part, rows: Int) {
            self.part = part
            self.rows = rows
        }

        deinit {
            descent_png_part_free(&part)
        }
    }

    /// Deflates `rows`, whole rows of `width` pixels of `channels` samples each, one after the
    /// other, as one part of a PNG's image data: the last part when `isLast`.
    ///
    /// - Complexity: O(samples); zlib's time.
    static func deflate(
        rows: UnsafeBufferPointer<UInt8>, channels: Int, width: Int, compression: PNGCompression, isLast: Bool
    ) throws(Error) -> DeflatedRows {
        precondition(width > 0 && rows.count % (width * channels) == 0, "PNG rows: whole rows of samples")
        let count = rows.count / (width * channels)
        var part = descent_png_part()
        var message = [CChar](repeating: 0, count: Int(DESCENT_PNG_MESSAGE_CAPACITY))
        let status = descent_png_deflate_rows(
            rows.baseAddress, width * channels, UInt32(width), UInt32(count), Int32(channels),
            compression.deflateSettings, isLast ? 1 : 0, &part, &message)
        guard status == 0 else { throw Error(libpngMessage: message) }
        return DeflatedRows(part: part, rows: count)
    }

    /// A PNG of `width` pixels a row, `channels` samples each, whose image data are `parts` (the
    /// rows from top to bottom, the last deflated with `isLast`): IHDR, sRGB, pHYs for `dpi`, a text
    /// chunk per entry of `metadata`, the parts as one zlib stream in one IDAT chunk, IEND.
    ///
    /// - Complexity: O(the deflate data): they are copied into the file once.
    static func assemble(
        _ parts: [DeflatedRows], width: Int, channels: Int, dpi: Double, metadata: [(key: String, value: String)],
        compression: PNGCompression
    ) throws(Error) -> Data {
        let height = parts.reduce(0) { $0 + $1.rows }
        try checkSize(width: width, height: height)
        let texts = try metadata.map { (key, value) throws(Error) in try PNGTextChunk(keyword: key, text: value) }
        let pixelsPerMetre = UInt32(min(max((dpi / 0.0254).rounded(), 1), Double(Int32.max)))
        var output = descent_png_output()
        var message = [CChar](repeating: 0, count: Int(DESCENT_PNG_MESSAGE_CAPACITY))
        let status = withChunks(texts.map(\.type), texts.map(\.data)) { chunks in
            withExtendedLifetime(parts) {
                parts.map(\.part).withUnsafeBufferPointer { deflated in
                    descent_png_assemble(
                        UInt32(width), UInt32(height), Int32(channels), pixelsPerMetre, chunks.baseAddress,
                        chunks.count, compression.deflateSettings.level, deflated.baseAddress, deflated.count,
                        &output, &message)
                }
            }
        }
        guard status == 0, let bytes = output.bytes else { throw Error(libpngMessage: message) }
        return Data(bytesNoCopy: bytes, count: output.size, deallocator: .free)
    }

    /// Calls `body` with one `descent_png_chunk` per type and body, pointing into `bodies`.
    private static func withChunks<Result>(
        _ types: [String], _ bodies: [[UInt8]], _ body: (UnsafeBufferPointer<descent_png_chunk>) -> Result
    ) -> Result {
        // The chunk data must stay put while libpng reads it: one buffer holds every body.
        let joined = bodies.flatMap { $0 }
        return joined.withUnsafeBufferPointer { storage in
            var offset = 0
            let chunks = zip(types, bodies).map { type, data in
                var chunk = descent_png_chunk()
                withUnsafeMutableBytes(of: &chunk.type) { $0.copyBytes(from: type.utf8.prefix(4)) }
                chunk.data = storage.baseAddress.map { $0 + offset }
                chunk.length = data.count
                offset += data.count
                return chunk
            }
            return chunks.withUnsafeBufferPointer(body)
        }
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
}
