import DescentCore
import Foundation

/// The raster backend: anti-aliased drawing into 8-bit RGB pixels (premultiplied Float RGBA on a
/// transparent background; see `Pixmap`), encoded as PNG.
///
/// Paths are flattened (0.1 px), strokes outlined by `Stroker` (one polygon per stretch of a line
/// with its joins inline, so that a stroke overlaps itself only where it crosses itself, turns
/// too sharply for its width or meets a round cap), everything clipped exactly to the current clip
/// rectangle and scan-converted by `Rasterizer`, whose coverage is the exact area wherever a shape
/// does not overlap itself. Every colour is resolved through the canvas's ``Theme`` as it is
/// painted; one that resolves to nothing (alpha 0, the background of a transparent theme) paints
/// nothing.
public struct RasterCanvas: Canvas {
    /// Width in pixels (a whole number).
    public let width: Double
    /// Height in pixels (a whole number).
    public let height: Double
    /// Default: ``Theme/light``.
    public let theme: Theme
    /// The pixels this canvas holds, in the drawing's coordinates: the whole canvas, or a window
    /// of it (see ``init(width:height:window:background:theme:)``).
    private let window: PixelBounds
    private var pixmap: Pixmap
    private var clips: [Rect] = []
    /// The rasterizer's buffers, kept from one shape to the next.
    private var scratch = Rasterizer.Scratch()

    /// A canvas of `width` × `height` pixels filled with `background` (the theme's background by
    /// default), resolved through `theme`.
    ///
    /// - Complexity: O(`width · height`): the pixels are allocated and filled here.
    public init(width: Int, height: Int, background: Color = .background, theme: Theme = .light) {
        self.init(
            width: width, height: height, window: PixelBounds(minX: 0, minY: 0, maxX: width, maxY: height),
            background: background, theme: theme)
    }

    /// A canvas for a drawing of `width` × `height` pixels that holds only the pixels of `window`,
    /// in the drawing's coordinates: what is drawn is clipped to the window, and each pixel comes
    /// out as it would on a canvas of the whole drawing (the same coverage, computed at the same
    /// place), ready to be pasted into it (``paste(_:)``). Windows that tile a figure can be drawn
    /// on separate threads.
    ///
    /// - Complexity: O(the window's pixels): they are allocated and filled here.
    init(width: Int, height: Int, window: PixelBounds, background: Color = .background, theme: Theme = .light) {
        self.window = window
        self.width = Double(width)
        self.height = Double(height)
        self.theme = theme
        pixmap = Pixmap(
            width: window.maxX - window.minX, height: window.maxY - window.minY, background: theme.resolve(background))
    }

    private var clip: Rect {
        clips.last
            ?? Rect(
                x: Double(window.minX), y: Double(window.minY), width: Double(window.maxX - window.minX),
                height: Double(window.maxY - window.minY))
    }

    /// Copies the pixels of `other`, a window of this canvas's drawing
    /// (``init(width:height:window:background:theme:)``) inside this one, into place.
    ///
    /// - Precondition: `other`'s window lies within this canvas's.
    /// - Complexity: O(the window's pixels).
    mutating func paste(_ other: RasterCanvas) {
        precondition(
            other.window.intersection(window) == other.window, "a window pasted outside the canvas it belongs to")
        pixmap.paste(other.pixmap, atX: other.window.minX - window.minX, y: other.window.minY - window.minY)
    }

    /// Flattens `path` and paints its inside, anti-aliased, by `rule`.
    ///
    /// - Complexity: O(path length in pixels + area of its bounding box), as ``FillRule``'s
    ///   rasterizer.
    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        paint(path.flattened(), color: color, rule: rule)
    }

    /// Outlines the flattened `path` with `style` (width, caps, joins, dashes) and fills the
    /// outline non-zero. Dashes wholly outside the clip are not outlined.
    ///
    /// - Complexity: O(points of the flattened path) for the outline, then as
    ///   ``fill(_:color:rule:)``.
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        paint(Stroker.outline(of: path.flattened(), style: style, visible: clip), color: color, rule: .nonZero)
    }

    /// Fills the text's glyphs as one shape, from the font's flattened outlines cached per glyph
    /// and size (`Font.flattenedOutline(ofGlyph:scaleX:scaleY:)`), moved into place.
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

    /// Clips to `rect` within the current clip (an empty intersection draws nothing).
    public mutating func pushClip(_ rect: Rect) {
        clips.append(clip.intersection(rect) ?? Rect(x: 0, y: 0, width: 0, height: 0))
    }

    /// Restores the clip before the matching `pushClip`.
    ///
    /// - Precondition: a clip was pushed.
    public mutating func popClip() {
        clips.removeLast()
    }

    /// Does nothing: pixels keep no groups.
    public mutating func beginGroup(_ name: String) {}
    /// Does nothing: pixels keep no groups.
    public mutating func endGroup() {}

    private mutating func paint(_ polygons: [Polyline], color: Color, rule: FillRule) {
        let color = theme.resolve(color)
        guard color.alpha > 0 else { return }
        let clipped = PolygonClipper.clip(polygons, to: clip)
        let (dx, dy) = (window.minX, window.minY)
        // A paint that cannot change a pixel there (the axes' white background on the figure's).
        if pixmap.isNoOpOnBackground(color),
            Rasterizer.pixelBounds(of: clipped, clip: window).map({ pixmap.isUnpainted($0.offsetBy(-dx, -dy)) })
                ?? true
        {
            return
        }
        guard var mask = Rasterizer.coverage(of: clipped, rule: rule, clip: window, reusing: &scratch)
        else { return }
        mask.originX -= dx
        mask.originY -= dy
        pixmap.composite(mask, color: color)
    }

    /// The pixels as 8-bit RGBA, straight alpha, row after row.
    public var rgba: [UInt8] { pixmap.rgba8() }

    /// The image as PNG: 8-bit RGB (RGBA where a pixel is not opaque), with a pHYs chunk for
    /// `dpi` and a text chunk (tEXt or iTXt) per entry of `metadata` (e.g. `Software`), compressed
    /// as `compression` says. No time stamps, so the same drawing gives the same bytes.
    ///
    /// - Complexity: O(pixels), as
    ///   ``PNGCodec/encode(rgba:width:height:dpi:metadata:compression:)``.
    public func png(
        dpi: Double, metadata: [(key: String, value: String)], compression: PNGCompression = .standard
    ) throws(PNGCodec.Error) -> Data {
        try png(dpi: dpi, metadata: metadata, compression: compression, helper: nil)
    }

    /// ``png(dpi:metadata:compression:)``, the second half of a two-thread deflate handed to
    /// `helper` (when given) instead of a thread started for it.
    func png(
        dpi: Double, metadata: [(key: String, value: String)], compression: PNGCompression, helper: HelperThread?
    ) throws(PNGCodec.Error) -> Data {
        let (width, height) = (pixmap.width, pixmap.height)
        return try pixmap.withPNGSamples { samples, channels throws(PNGCodec.Error) in
            try PNGCodec.encode(
                samples: samples, channels: channels, width: width, height: height, dpi: dpi, metadata: metadata,
                compression: compression, helper: helper)
        }
    }
}
