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
        components = Array([[Float]](repeating: pixel, count: width * height).joined())
    }

    var bounds: PixelBounds { PixelBounds(minX: 0, minY: 0, maxX: width, maxY: height) }

    /// Paints `color` through `mask`.
    mutating func composite(_ mask: CoverageMask, color: Color) {
        let alpha = Float(color.alpha)
        let (r, g, b) = (Float(color.red), Float(color.green), Float(color.blue))
        components.withUnsafeMutableBufferPointer { pixels in
            for row in 0..<mask.height {
                let y = mask.originY + row
                for column in 0..<mask.width {
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
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for pixel in 0..<(width * height) {
            let base = pixel * 4
            let alpha = components[base + 3]
            bytes[base + 3] = Self.byte(alpha)
            guard alpha > 0 else { continue }
            for channel in 0..<3 {
                bytes[base + channel] = Self.byte(components[base + channel] / alpha)
            }
        }
        return bytes
    }

    private static func byte(_ value: Float) -> UInt8 {
        UInt8(min(max(value, 0), 1) * 255 + 0.5)
    }
}
