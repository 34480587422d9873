import CLibPNG
import CPNGWriter
import DescentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// PNG through libpng: written with its full API (`CPNGWriter`: rows unfiltered but for repeats
/// of the row above, the zlib level of ``PNGCompression``, deflated on two threads from 256 KiB of
/// rows on, libpng's errors returned, never thrown across Swift), read with its simplified API
/// (`png_image_*`).
///
/// The chunks: IHDR, sRGB, pHYs (the resolution), then a text chunk (tEXt or iTXt, see
/// `PNGTextChunk`) per metadata entry, IDAT (one chunk), IEND; no time stamp, so the same pixels give the
/// same bytes. An image whose every pixel is opaque (every figure on its white background) is
/// stored as 8-bit RGB, the same pixels in three quarters of the data.
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
    ///   at ``PNGCompression/standard``, 1.2 ms at ``PNGCompression/fast``, in two halves on two
    ///   threads: about 1.3 ms and 0.85 ms of wall time). Images of at least
    ///   `DESCENT_PNG_PARALLEL_MINIMUM` bytes of rows (twice that at ``PNGCompression/fast``) are
    ///   deflated in two halves, the second on `helper`, or on a ``HelperThread`` started for it
    ///   (none on a single core: the halves one after the other, the same bytes).
    static func encode(
        samples: UnsafeBufferPointer<UInt8>, channels: Int, width: Int, height: Int, dpi: Double,
        metadata: [(key: String, value: String)], compression: PNGCompression, helper: HelperThread? = nil
    ) throws(Error) -> Data {
        precondition(channels == 3 || channels == 4, "PNG samples: RGB or RGBA")
        precondition(samples.count == width * height * channels, "PNG samples: width × height pixels")
        guard width > 0, height > 0, width <= Int(UInt32.max), height <= Int(UInt32.max) else {
            throw Error(
                description: "a PNG needs at least one pixel and at most 2³² − 1 a side, not \(width) × \(height)")
        }
        let texts = try metadata.map { (key, value) throws(Error) in try PNGTextChunk(keyword: key, text: value) }
        let bodies = texts.map(\.data)
        let pixelsPerMetre = UInt32(min(max((dpi / 0.0254).rounded(), 1), Double(Int32.max)))
        var output = descent_png_output()
        var message = [CChar](repeating: 0, count: Int(DESCENT_PNG_MESSAGE_CAPACITY))
        // The writer's second half runs on `helper`, or on one started for this image; the bytes
        // are the same without one.
        let deflates = compression.deflateSettings
        let inTwo = descent_png_deflates_in_two((width * channels + 1) * height, deflates.level) != 0
        let helper = inTwo ? helper ?? HelperThread() : nil
        let status = withChunks(texts.map(\.type), bodies) { chunks in
            withHelper(helper) { helper in
                descent_png_write(
                    samples.baseAddress, width * channels, UInt32(width), UInt32(height), Int32(channels),
                    pixelsPerMetre, chunks.baseAddress, chunks.count, deflates, helper, &output,
                    &message)
            }
        }
        guard status == 0, let bytes = output.bytes else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw Error(description: "libpng could not encode the image: \(reason)")
        }
        return Data(bytesNoCopy: bytes, count: output.size, deallocator: .free)
    }

    /// Calls `body` with `helper` as the writer's `descent_png_helper`, or with `nil` without one.
    private static func withHelper<Result>(
        _ helper: HelperThread?, _ body: (UnsafePointer<descent_png_helper>?) -> Result
    ) -> Result {
        guard let helper else { return body(nil) }
        var bridge = descent_png_helper(
            start: { context, task, argument in
                let job = CTask(run: task!, argument: argument)
                Unmanaged<HelperThread>.fromOpaque(context!).takeUnretainedValue().start { job.run(job.argument) }
            },
            wait: { context in Unmanaged<HelperThread>.fromOpaque(context!).takeUnretainedValue().wait() },
            context: Unmanaged.passUnretained(helper).toOpaque())
        return withExtendedLifetime(helper) { body(&bridge) }
    }

    /// A C function and its argument, handed to the helper thread; the writer keeps the argument
    /// alive until it has waited for the helper.
    private struct CTask: @unchecked Sendable {
        let run: @convention(c) (UnsafeMutableRawPointer?) -> Void
        let argument: UnsafeMutableRawPointer?
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
