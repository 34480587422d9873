import CKernels

/// An image being drawn, the raster canvas's surface, stored as its background allows. Painting
/// is source-over: `dst = src·a + dst·(1 − a)`, premultiplied, with a the paint's alpha times the
/// coverage, computed in Float.
///
/// - On an opaque background (every light and dark figure), 8-bit RGB, three bytes a pixel, row after
///   row, as a PNG of the figure stores it and as matplotlib's Agg keeps its pixels. A composite
///   reads each pixel's bytes as the Floats d / 255, blends, and stores the bytes the results round
///   to (``byte(_:)``). Alpha needs no storage: over an alpha of 1, `a + 1·(1 − a)` rounds to 1 in
///   Float for every a in 0…1 (for a ≥ ½, 1 − a is exact; below, it is off by at most 2⁻²⁵, which
///   rounds back to 1 at the sum), so every pixel stays opaque. A pixel painted once over the
///   background gets the byte it got when the pixmap kept Floats (three a pixel), since the
///   background's d / 255 is the Float it held (every theme's background is a byte colour); a pixel
///   painted several times may differ from that by the rounding between the paints, as in matplotlib:
///   over the gallery's 14 PNGs, by 1 in some channel in 0.2 % of the pixels (1.2 % of rosenbrock's,
///   whose filled contour bands overlap), never by more. In exchange, a quarter of the memory to
///   fault in, fill and composite into (compare's 1920 × 480: 2.8 MB against 11 MB), and no
///   conversion at the end: the PNG writer deflates these rows where they lie.
/// - On a transparent background, premultiplied Float red, green, blue and alpha, 0…1: alpha
///   varies there, and the colour of a faint pixel, divided by its alpha for the PNG's straight
///   alpha, needs more than a byte of premultiplied precision.
struct Pixmap {
    let width: Int
    let height: Int
    /// Whether the background is opaque, so the pixels are bytes in ``rgb``, not Floats in
    /// ``premultiplied``.
    let isOpaque: Bool
    /// On an opaque background, each pixel's red, green and blue bytes, row after row; else empty.
    /// Written only by `Pixmap+Compositing.swift`.
    var rgb: [UInt8]
    /// On a transparent background, each pixel's premultiplied red, green, blue and alpha, 0…1,
    /// row after row; else empty. Written only by `Pixmap+Compositing.swift`.
    var premultiplied: [Float]
    /// The background's premultiplied red, green and blue in Float.
    private let background: (Float, Float, Float)
    /// The smallest block holding every pixel painted so far; `nil` before the first paint.
    private(set) var painted: PixelBounds?

    /// A pixmap of `width` × `height` pixels (either may be 0: an empty image), every pixel the
    /// `background`: bytes where it is opaque (a colour that is no multiple of 1/255 rounded to
    /// one), premultiplied Floats where it is not.
    ///
    /// - Complexity: O(`width · height`): the pixels are allocated and filled here.
    init(width: Int, height: Int, background: Color) {
        precondition(width >= 0 && height >= 0, "a pixmap of \(width) × \(height) pixels")
        self.width = width
        self.height = height
        let a = Float(background.alpha)
        isOpaque = Self.isOpaque(background)
        let color = (Float(background.red) * a, Float(background.green) * a, Float(background.blue) * a)
        self.background = color
        if isOpaque {
            rgb = Self.filled(width: width, height: height, with: [color.0, color.1, color.2].map(Self.byte))
            premultiplied = []
        } else {
            premultiplied = Self.filled(width: width, height: height, with: [color.0, color.1, color.2, a])
            rgb = []
        }
    }

    /// Whether a pixmap on `background` is opaque: stored as bytes (its alpha is 1 in Float).
    static func isOpaque(_ background: Color) -> Bool {
        Float(background.alpha) == 1
    }

    /// `height` rows of `width` copies of `pixel`: the first row element by element, then copied
    /// row after row (memcpy).
    private static func filled<Element>(width: Int, height: Int, with pixel: [Element]) -> [Element] {
        let rowLength = width * pixel.count
        return [Element](unsafeUninitializedCapacity: rowLength * height) { buffer, count in
            guard height > 0 else { return }
            for index in 0..<rowLength { buffer.initializeElement(at: index, to: pixel[index % pixel.count]) }
            let firstRow = UnsafeBufferPointer(rebasing: buffer[0..<rowLength])
            for row in 1..<height {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(row * rowLength)...]).initialize(from: firstRow)
            }
            count = rowLength * height
        }
    }

    /// Whether painting `color` over a pixel that still holds the background leaves it exactly as
    /// it is, at any coverage: the background is opaque and `color` is that background, each
    /// component a byte's value d / 255 in Float. Source-over then gives `c·a + c·(1 − a)`, within
    /// a few units in the last place of c, 2⁻²² at most, so 255 times it is within 10⁻⁴ of d: the
    /// same byte. An axes' background on a figure's background of the same colour is such a
    /// paint; see ``isUnpainted(_:)``.
    func isNoOpOnBackground(_ color: Color) -> Bool {
        guard isOpaque, color.alpha == 1 else { return false }
        let paint = (Float(color.red), Float(color.green), Float(color.blue))
        return paint == background && [paint.0, paint.1, paint.2].allSatisfy { Float(Self.byte($0)) / 255 == $0 }
    }

    /// Whether no pixel of `block` has been painted yet, so that each still holds the background.
    func isUnpainted(_ block: PixelBounds) -> Bool {
        painted.map { $0.intersection(block).isEmpty } ?? true
    }

    /// Paints `color` through `mask` (see ``Pixmap`` for the arithmetic of each storage).
    ///
    /// - Complexity: O(pixels of the mask's runs).
    mutating func composite(_ mask: CoverageMask, color: Color) {
        let block = PixelBounds(
            minX: mask.originX, minY: mask.originY, maxX: mask.originX + mask.width, maxY: mask.originY + mask.height)
        painted = painted.map { $0.union(block) } ?? block
        if isOpaque {
            compositeBytes(mask, color: color)
        } else {
            compositePremultiplied(mask, color: color)
        }
    }

    /// The image as 8-bit RGBA with straight alpha, rounded to nearest; a pixel whose alpha rounds
    /// to 0 is all 0.
    ///
    /// - Complexity: O(pixels).
    func rgba8() -> [UInt8] {
        let count = width * height
        guard !isOpaque else {
            return [UInt8](unsafeUninitializedCapacity: count * 4) { bytes, initialized in
                for pixel in 0..<count {
                    bytes[pixel * 4] = rgb[pixel * 3]
                    bytes[pixel * 4 + 1] = rgb[pixel * 3 + 1]
                    bytes[pixel * 4 + 2] = rgb[pixel * 3 + 2]
                    bytes[pixel * 4 + 3] = 255
                }
                initialized = count * 4
            }
        }
        return [UInt8](unsafeUninitializedCapacity: count * 4) { bytes, initialized in
            premultiplied.withUnsafeBufferPointer { source in
                for base in stride(from: 0, to: count * 4, by: 4) {
                    let alpha = source[base + 3]
                    let alphaByte = Self.byte(alpha)
                    // A pixel whose alpha rounds to 0 is (0, 0, 0, 0): its colour, divided by an
                    // alpha under 1/510, would be noise in the last bits of its coverage.
                    let scale: Float = alphaByte > 0 ? (alpha == 1 ? 1 : 1 / alpha) : 0
                    bytes[base] = Self.byte(source[base] * scale)
                    bytes[base + 1] = Self.byte(source[base + 1] * scale)
                    bytes[base + 2] = Self.byte(source[base + 2] * scale)
                    bytes[base + 3] = alphaByte
                }
            }
            initialized = count * 4
        }
    }

    /// Calls `body` with the image as a PNG stores it, row after row with no padding, and its
    /// bytes per pixel: on an opaque background the pixmap's own RGB bytes, not copied (3); on a
    /// transparent one ``rgba8()`` (4).
    ///
    /// - Complexity: O(1) before `body` on an opaque background; else O(pixels): a conversion to
    ///   RGBA.
    func withPNGSamples<Result, Failure>(
        _ body: (_ samples: UnsafeBufferPointer<UInt8>, _ channels: Int) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard !isOpaque else {
            return try rgb.withUnsafeBufferPointer { samples throws(Failure) in try body(samples, 3) }
        }
        return try rgba8().withUnsafeBufferPointer { samples throws(Failure) in try body(samples, 4) }
    }

    /// A component's byte: clamped to 0…1 (NaN to 0, as the kernels of `CKernels` do), scaled to
    /// 255, rounded half up.
    static func byte(_ value: Float) -> UInt8 {
        UInt8(min(value > 0 ? value : 0, 1) * 255 + 0.5)
    }
}
