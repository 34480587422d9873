/// The one drawing interface. Charts draw through it and never know the backend; the raster
/// canvas (PNG) and the SVG canvas implement it and draw the same paths.
///
/// Clips and groups nest: every `pushClip` is matched by a `popClip`, every `beginGroup` by an
/// `endGroup`. The effective clip is the intersection of all pushed rectangles.
public protocol Canvas {
    /// Width and height in pixels.
    var width: Double { get }
    var height: Double { get }

    /// Fills the inside of `path` (each subpath implicitly closed).
    mutating func fill(_ path: Path, color: Color, rule: FillRule)
    /// Strokes `path` with `style`.
    mutating func stroke(_ path: Path, style: StrokeStyle, color: Color)
    /// Draws text: filled glyph outlines, or characters where the backend can write them.
    mutating func draw(_ text: PlacedText, color: Color)
    /// Clips everything drawn until the matching `popClip` to `rect`.
    mutating func pushClip(_ rect: Rect)
    mutating func popClip()
    /// Starts a named group of drawing (an artist), which SVG keeps as a `<g>`.
    mutating func beginGroup(_ name: String)
    mutating func endGroup()
}

extension Canvas {
    /// Fills with the non-zero rule.
    public mutating func fill(_ path: Path, color: Color) {
        fill(path, color: color, rule: .nonZero)
    }
}
