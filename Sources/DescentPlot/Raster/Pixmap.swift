import CKernels

/// An image held as premultiplied Float components, 0…1, row-major, the raster canvas's drawing
/// surface. Painting is source-over: `dst = src·a + dst·(1 − a)` with a the paint's alpha times the
/// coverage.
///
/// On an opaque background (every light and dark figure) a pixel's alpha is exactly 1 after any
/// painting: with d = 1, `a + 1·(1 − a)` rounds to 1 in Float for every a in 0…1 (for a ≥ ½,
/// 1 − a is exact; below, it is off by at most 2⁻²⁵, which rounds back to 1 at the sum). So the
/// pixmap keeps only red, green and blue there, three components a pixel instead of four: the same
/// bytes as the four with less memory to fill, paint and convert. A transparent background keeps
/// all four.
struct Pixmap {
    let width: Int
    let height: Int
    /// Components per pixel: 3 (red, green, blue; alpha is 1) on an opaque background, else 4
    /// (red, green, blue, alpha).
    let channels: Int
    /// Premultiplied red, green, blue (and alpha, with four channels) per pixel.
    private(set) var components: [Float]
    /// The background's red, green and blue, as every pixel holds them until painted.
    private let background: (Float, Float, Float)
    /// The smallest block holding every pixel painted so far; `nil` before the first paint.
    private(set) var painted: PixelBounds?

    /// A pixmap of `width` × `height` pixels (either may be 0: an empty image), every pixel the
    /// `background`.
    init(width: Int, height: Int, background: Color) {
        precondition(width >= 0 && height >= 0, "a pixmap of \(width) × \(height) pixels")
        self.width = width
        self.height = height
        let a = Float(background.alpha)
        channels = a == 1 ? 3 : 4
        let pixel = [Float(background.red) * a, Float(background.green) * a, Float(background.blue) * a, a]
        self.background = (pixel[0], pixel[1], pixel[2])
        // The first row pixel by pixel, then copied row after row (memcpy).
        let rowLength = width * channels
        components = [Float](unsafeUninitializedCapacity: rowLength * height) { [channels] buffer, count in
            guard height > 0 else { return }
            for index in 0..<rowLength { buffer[index] = pixel[index % channels] }
            let firstRow = UnsafeBufferPointer(rebasing: buffer[0..<rowLength])
            for row in 1..<height {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(row * rowLength)...]).initialize(from: firstRow)
            }
            count = rowLength * height
        }
    }

    var bounds: PixelBounds { PixelBounds(minX: 0, minY: 0, maxX: width, maxY: height) }

    /// Whether painting `color` over a pixel that still holds the background leaves it exactly as
    /// it is, at any coverage: `color` is the opaque background's own colour, each component 0 or
    /// 1. Source-over then gives `0·a + 0·(1 − a)` = 0 and `1·a + 1·(1 − a)`, which rounds to 1 in
    /// Float for every a in 0…1 (as for alpha above). An axes' background on a figure's background
    /// of the same white is such a paint; see ``isUnpainted(_:)``.
    func isNoOpOnBackground(_ color: Color) -> Bool {
        guard channels == 3, color.alpha == 1 else { return false }
        let paint = (Float(color.red), Float(color.green), Float(color.blue))
        return paint == background && [paint.0, paint.1, paint.2].allSatisfy { $0 == 0 || $0 == 1 }
    }

    /// Whether no pixel of `block` has been painted yet, so that each still holds the background.
    func isUnpainted(_ block: PixelBounds) -> Bool {
        painted.map { $0.intersection(block).isEmpty } ?? true
    }

    /// Paints `color` through `mask`, run by run: a stored run pixel by pixel, a constant run in
    /// one vectorised call (`descent_blend_run`, the same operations). Where the paint is opaque
    /// and the coverage 1 (the inside of a filled shape), `src·1 + dst·0` is the paint exactly: it
    /// is stored without reading the pixels (`descent_fill_run`).
    mutating func composite(_ mask: CoverageMask, color: Color) {
        let block = PixelBounds(
            minX: mask.originX, minY: mask.originY, maxX: mask.originX + mask.width, maxY: mask.originY + mask.height)
        painted = painted.map { $0.union(block) } ?? block
        let alpha = Float(color.alpha)
        let (r, g, b) = (Float(color.red), Float(color.green), Float(color.blue))
        let (width, channels) = (width, channels)
        components.withUnsafeMutableBufferPointer { pixels in
            mask.values.withUnsafeBufferPointer { values in
                for row in 0..<mask.height {
                    let rowStart = (mask.originY + row) * width + mask.originX
                    for run in mask.runs[mask.rows[row]] {
                        guard run.offset < 0 else {
                            for column in run.start..<run.end {
                                let coverage = values[run.offset + column - run.start]
                                guard coverage > 0 else { continue }
                                let a = coverage * alpha
                                let index = (rowStart + column) * channels
                                let keep = 1 - a
                                pixels[index] = r * a + pixels[index] * keep
                                pixels[index + 1] = g * a + pixels[index + 1] * keep
                                pixels[index + 2] = b * a + pixels[index + 2] * keep
                                if channels == 4 { pixels[index + 3] = a + pixels[index + 3] * keep }
                            }
                            continue
                        }
                        let a = run.constant * alpha
                        // A homogeneous tuple's elements lie one after the other.
                        let paint = (r * a, g * a, b * a, a)
                        let start = pixels.baseAddress! + (rowStart + run.start) * channels
                        withUnsafeBytes(of: paint) { bytes in
                            let paint = bytes.bindMemory(to: Float.self).baseAddress
                            if a == 1 {
                                descent_fill_run(start, run.end - run.start, channels, paint)
                            } else {
                                descent_blend_run(start, run.end - run.start, channels, paint, 1 - a)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Copies every pixel of `other` into this pixmap with its top-left pixel at column `x`, row
    /// `y`, and counts them as painted where `other` was.
    ///
    /// - Precondition: `other` fits there and keeps as many channels.
    mutating func paste(_ other: Pixmap, atX x: Int, y: Int) {
        precondition(
            x >= 0 && y >= 0 && x + other.width <= width && y + other.height <= height, "a pixmap pasted outside")
        precondition(other.channels == channels, "a pixmap pasted into one of other channels")
        if let block = other.painted?.offsetBy(x, y) { painted = painted.map { $0.union(block) } ?? block }
        let (rowLength, stride) = (other.width * channels, width * channels)
        components.withUnsafeMutableBufferPointer { pixels in
            other.components.withUnsafeBufferPointer { source in
                for row in 0..<other.height {
                    (pixels.baseAddress! + (y + row) * stride + x * channels).update(
                        from: source.baseAddress! + row * rowLength, count: rowLength)
                }
            }
        }
    }

    /// The image as 8-bit RGBA with straight alpha, rounded to nearest.
    func rgba8() -> [UInt8] {
        guard channels == 4 else {
            let rgb = opaqueBytes()
            return [UInt8](unsafeUninitializedCapacity: width * height * 4) { bytes, count in
                for pixel in 0..<(width * height) {
                    bytes[pixel * 4] = rgb[pixel * 3]
                    bytes[pixel * 4 + 1] = rgb[pixel * 3 + 1]
                    bytes[pixel * 4 + 2] = rgb[pixel * 3 + 2]
                    bytes[pixel * 4 + 3] = 255
                }
                count = width * height * 4
            }
        }
        return [UInt8](unsafeUninitializedCapacity: width * height * 4) { bytes, count in
            components.withUnsafeBufferPointer { source in
                for base in stride(from: 0, to: width * height * 4, by: 4) {
                    let alpha = source[base + 3]
                    let scale: Float = alpha > 0 ? (alpha == 1 ? 1 : 1 / alpha) : 0
                    bytes[base] = Self.byte(source[base] * scale)
                    bytes[base + 1] = Self.byte(source[base + 1] * scale)
                    bytes[base + 2] = Self.byte(source[base + 2] * scale)
                    bytes[base + 3] = Self.byte(alpha)
                }
            }
            count = width * height * 4
        }
    }

    /// The image as a PNG stores it: 8-bit RGB when every pixel's alpha rounds to 255 (every
    /// figure on an opaque background), else 8-bit RGBA with straight alpha; the same bytes as
    /// ``rgba8()``, without its alpha where it is all 255.
    ///
    /// - Complexity: O(pixels): on an opaque background one vectorised conversion (the alpha is 1
    ///   throughout, see ``Pixmap``); on a transparent one, a conversion to RGBA and, only if every
    ///   alpha came out 255, a pass that drops it.
    func pngSamples() -> (bytes: [UInt8], channels: Int) {
        guard channels == 4 else { return (opaqueBytes(), 3) }
        let rgba = rgba8()
        guard stride(from: 3, to: rgba.count, by: 4).allSatisfy({ rgba[$0] == 255 }) else { return (rgba, 4) }
        let rgb = [UInt8](unsafeUninitializedCapacity: width * height * 3) { bytes, count in
            for pixel in 0..<(width * height) {
                bytes[pixel * 3] = rgba[pixel * 4]
                bytes[pixel * 3 + 1] = rgba[pixel * 4 + 1]
                bytes[pixel * 3 + 2] = rgba[pixel * 4 + 2]
            }
            count = width * height * 3
        }
        return (rgb, 3)
    }

    /// The red, green and blue bytes of a three-channel pixmap, whose alpha is 1: each component's
    /// ``byte(_:)``, computed by `descent_bytes_of_components` (the same operations, vectorised).
    private func opaqueBytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: components.count) { bytes, count in
            components.withUnsafeBufferPointer { source in
                descent_bytes_of_components(source.baseAddress, source.count, bytes.baseAddress)
            }
            count = components.count
        }
    }

    /// A component's byte: clamped to 0…1 (NaN to 0, as `descent_bytes_of_components` does),
    /// scaled to 255, rounded half up.
    private static func byte(_ value: Float) -> UInt8 {
        UInt8(min(value > 0 ? value : 0, 1) * 255 + 0.5)
    }
}
