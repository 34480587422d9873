import Foundation

/// The raster backend: anti-aliased drawing into RGBA pixels, encoded as PNG.
///
/// Paths are flattened (0.1 px), strokes outlined by ``Stroker``, everything clipped exactly to
/// the current clip rectangle and scan-converted by ``Rasterizer``. Every colour is resolved
/// through the canvas's ``Theme`` as it is painted; one that resolves to nothing (alpha 0, the
/// background of a transparent theme) paints nothing.
public struct RasterCanvas: Canvas {
    public let width: Double
    public let height: Double
    /// Default: ``Theme/light``.
    public let theme: Theme
    private var pixmap: Pixmap
    private var clips: [Rect] = []

    /// A canvas of `width` × `height` pixels filled with `background` (the theme's background by
    /// default), resolved through `theme`.
    public init(width: Int, height: Int, background: Color = .background, theme: Theme = .light) {
        self.width = Double(width)
        self.height = Double(height)
        self.theme = theme
        pixmap = Pixmap(width: width, height: height, background: theme.resolve(background))
    }

    private var clip: Rect {
        clips.last ?? Rect(x: 0, y: 0, width: width, height: height)
    }

    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        paint(path.flattened(), color: color, rule: rule)
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        paint(Stroker.outline(of: path.flattened(), style: style, visible: clip), color: color, rule: .nonZero)
    }

    /// Fills the text's glyphs as one shape, from the font's flattened outlines cached per glyph
    /// and size (``Font/flattenedOutline(ofGlyph:scaleX:scaleY:)``), moved into place.
    public mutating func draw(_ text: PlacedText, color: Color) {
        let toCanvas = text.transform
        var polygons: [Polyline] = []
        for glyph in text.layout.glyphs {
            let placement = glyph.transform
            guard placement.b == 0, placement.c == 0 else {
                polygons += text.layout.font.outline(ofGlyph: glyph.index).transformed(by: placement)
                    .transformed(by: toCanvas).flattened()
                continue
            }
            let move = AffineTransform.translation(placement.tx, placement.ty).concatenating(toCanvas)
            for polygon in text.layout.font.flattenedOutline(
                ofGlyph: glyph.index, scaleX: placement.a, scaleY: placement.d)
            {
                polygons.append(Polyline(points: polygon.points.map(move.apply), isClosed: polygon.isClosed))
            }
        }
        paint(polygons, color: color, rule: .nonZero)
    }

    public mutating func pushClip(_ rect: Rect) {
        clips.append(clip.intersection(rect) ?? Rect(x: 0, y: 0, width: 0, height: 0))
    }

    public mutating func popClip() {
        clips.removeLast()
    }

    public mutating func beginGroup(_ name: String) {}
    public mutating func endGroup() {}

    private mutating func paint(_ polygons: [Polyline], color: Color, rule: FillRule) {
        let color = theme.resolve(color)
        guard color.alpha > 0 else { return }
        let clipped = PolygonClipper.clip(polygons, to: clip)
        guard let mask = Rasterizer.coverage(of: clipped, rule: rule, clip: pixmap.bounds) else { return }
        pixmap.composite(mask, color: color)
    }

    /// The pixels as 8-bit RGBA, straight alpha, row after row.
    public var rgba: [UInt8] { pixmap.rgba8() }

    /// The image as PNG: 8-bit RGB (RGBA where a pixel is not opaque), with a pHYs chunk for
    /// `dpi` and a text chunk (tEXt or iTXt) per entry of `metadata` (e.g. `Software`), compressed
    /// as `compression` says. No time stamps, so the same drawing gives the same bytes.
    public func png(
        dpi: Double, metadata: [(key: String, value: String)], compression: PNGCompression = .standard
    ) throws(PNGCodec.Error) -> Data {
        let (samples, channels) = pixmap.pngSamples()
        return try PNGCodec.encode(
            samples: samples, channels: channels, width: pixmap.width, height: pixmap.height, dpi: dpi,
            metadata: metadata, compression: compression)
    }
}
