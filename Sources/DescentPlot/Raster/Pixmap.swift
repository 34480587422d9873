/// An RGBA image held as premultiplied Float components, 0…1, row-major, the raster canvas's
/// drawing surface. Painting is source-over: `dst = src·a + dst·(1 − a)` with a the paint's alpha
/// times the coverage.
struct Pixmap {
    let width: Int
    let height: Int
    /// Premultiplied red, green, blue, alpha per pixel.
    private(set) var components: [Float]

    init(width: Int, height: Int, background: Color) {
        self.width = width
        self.height = height
        let a = Float(background.alpha)
        let pixel = [Float(background.red) * a, Float(background.green) * a, Float(background.blue) * a, a]
        components = [Float](unsafeUninitializedCapacity: width * height * 4) { buffer, count in
            for index in 0..<(width * height * 4) {
                buffer[index] = pixel[index & 3]
            }
            count = width * height * 4
        }
    }

    var bounds: PixelBounds { PixelBounds(minX: 0, minY: 0, maxX: width, maxY: height) }

    /// Paints `color` through `mask`, within each row's span of the mask.
    mutating func composite(_ mask: CoverageMask, color: Color) {
        let alpha = Float(color.alpha)
        let (r, g, b) = (Float(color.red), Float(color.green), Float(color.blue))
        components.withUnsafeMutableBufferPointer { pixels in
            for row in 0..<mask.height {
                let y = mask.originY + row
                for column in mask.spans[row] {
                    let coverage = mask.coverage[row * mask.width + column]
                    guard coverage > 0 else { continue }
                    let a = coverage * alpha
                    let index = (y * width + mask.originX + column) * 4
                    let keep = 1 - a
                    pixels[index] = r * a + pixels[index] * keep
                    pixels[index + 1] = g * a + pixels[index + 1] * keep
                    pixels[index + 2] = b * a + pixels[index + 2] * keep
                    pixels[index + 3] = a + pixels[index + 3] * keep
                }
            }
        }
    }

    /// The image as 8-bit RGBA with straight alpha, rounded to nearest.
    func rgba8() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: width * height * 4) { bytes, count in
            components.withUnsafeBufferPointer { source in
                for base in stride(from: 0, to: width * height * 4, by: 4) {
                    bytes[base + 3] = Self.byte(source[base + 3])
                    Self.writeColor(source, base, into: bytes, at: base)
                }
            }
            count = width * height * 4
        }
    }

    /// The image as a PNG stores it: 8-bit RGB when every pixel's alpha rounds to 255 (every
    /// figure on an opaque background), else 8-bit RGBA with straight alpha; the same bytes as
    /// ``rgba8()``, without its alpha where it is all 255, made in one pass over the pixels.
    ///
    /// - Complexity: O(pixels): a scan of the alpha values, then one conversion.
    func pngSamples() -> (bytes: [UInt8], channels: Int) {
        let opaque = components.withUnsafeBufferPointer { source in
            stride(from: 3, to: source.count, by: 4).allSatisfy { Self.byte(source[$0]) == 255 }
        }
        guard opaque else { return (rgba8(), 4) }
        let bytes = [UInt8](unsafeUninitializedCapacity: width * height * 3) { bytes, count in
            components.withUnsafeBufferPointer { source in
                for pixel in 0..<(width * height) {
                    Self.writeColor(source, pixel * 4, into: bytes, at: pixel * 3)
                }
            }
            count = width * height * 3
        }
        return (bytes, 3)
    }

    /// Writes the straight-alpha red, green and blue bytes of the premultiplied pixel at `base`.
    @inline(__always)
    private static func writeColor(
        _ source: UnsafeBufferPointer<Float>, _ base: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) {
        let alpha = source[base + 3]
        let scale: Float = alpha > 0 ? (alpha == 1 ? 1 : 1 / alpha) : 0
        bytes[offset] = byte(source[base] * scale)
        bytes[offset + 1] = byte(source[base + 1] * scale)
        bytes[offset + 2] = byte(source[base + 2] * scale)
    }

    private static func byte(_ value: Float) -> UInt8 {
        UInt8(min(max(value, 0), 1) * 255 + 0.5)
    }
}
