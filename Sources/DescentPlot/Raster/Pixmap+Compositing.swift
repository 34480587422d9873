import CKernels

/// Source-over of a coverage mask, run by run, in each of ``Pixmap``'s two storages: a run of
/// stored coverage pixel by pixel, a run of constant coverage in one vectorised call with the
/// paint computed once. Where the paint is opaque and the coverage 1 (the inside of a filled
/// shape), `src·1 + dst·0` is the paint exactly: it is stored without reading the pixels.
extension Pixmap {
    /// Paints `color` through `mask` into the 8-bit RGB pixels of an opaque background:
    /// `descent_blend_rgb_coverage` for stored runs, `descent_blend_rgb_run` or
    /// `descent_fill_rgb_run` for constant ones, each byte read as d / 255 and stored as
    /// ``byte(_:)`` of the blend; where the opacity is below `DESCENT_SMALLEST_VISIBLE_OPACITY`,
    /// which would change no byte, nothing is done.
    mutating func compositeBytes(_ mask: CoverageMask, color: Color) {
        let alpha = Float(color.alpha)
        let (r, g, b) = (Float(color.red), Float(color.green), Float(color.blue))
        let opaquePaint = (Self.byte(r), Self.byte(g), Self.byte(b))
        let width = width
        // A homogeneous tuple's elements lie one after the other.
        withUnsafeBytes(of: (r, g, b)) { color in
            let color = color.bindMemory(to: Float.self).baseAddress
            rgb.withUnsafeMutableBufferPointer { pixels in
                mask.values.withUnsafeBufferPointer { values in
                    mask.forEachRun(inImageOfWidth: width) { firstPixel, run in
                        let start = pixels.baseAddress! + firstPixel * 3
                        let count = run.end - run.start
                        guard run.offset < 0 else {
                            descent_blend_rgb_coverage(start, values.baseAddress! + run.offset, count, color, alpha)
                            return
                        }
                        let a = run.constant * alpha
                        guard a >= DESCENT_SMALLEST_VISIBLE_OPACITY else { return }
                        if a == 1 {
                            withUnsafeBytes(of: opaquePaint) { paint in
                                descent_fill_rgb_run(start, count, paint.bindMemory(to: UInt8.self).baseAddress)
                            }
                        } else {
                            withUnsafeBytes(of: (r * a, g * a, b * a)) { paint in
                                descent_blend_rgb_run(start, count, paint.bindMemory(to: Float.self).baseAddress, 1 - a)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Paints `color` through `mask` into the premultiplied Float RGBA of a transparent
    /// background: stored runs here, constant ones by `descent_blend_run` or `descent_fill_run`
    /// (the same operations).
    mutating func compositePremultiplied(_ mask: CoverageMask, color: Color) {
        let alpha = Float(color.alpha)
        let (r, g, b) = (Float(color.red), Float(color.green), Float(color.blue))
        let width = width
        premultiplied.withUnsafeMutableBufferPointer { pixels in
            mask.values.withUnsafeBufferPointer { values in
                mask.forEachRun(inImageOfWidth: width) { firstPixel, run in
                    guard run.offset < 0 else {
                        for column in 0..<(run.end - run.start) {
                            let coverage = values[run.offset + column]
                            guard coverage > 0 else { continue }
                            let a = coverage * alpha
                            let index = (firstPixel + column) * 4
                            let keep = 1 - a
                            pixels[index] = r * a + pixels[index] * keep
                            pixels[index + 1] = g * a + pixels[index + 1] * keep
                            pixels[index + 2] = b * a + pixels[index + 2] * keep
                            pixels[index + 3] = a + pixels[index + 3] * keep
                        }
                        return
                    }
                    let a = run.constant * alpha
                    let start = pixels.baseAddress! + firstPixel * 4
                    withUnsafeBytes(of: (r * a, g * a, b * a, a)) { paint in
                        let paint = paint.bindMemory(to: Float.self).baseAddress
                        if a == 1 {
                            descent_fill_run(start, run.end - run.start, paint)
                        } else {
                            descent_blend_run(start, run.end - run.start, paint, 1 - a)
                        }
                    }
                }
            }
        }
    }
}
