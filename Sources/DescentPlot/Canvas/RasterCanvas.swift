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
    /// place), but for rounding where a shape crosses the window's edge: its cut edge's slope,
    /// computed anew, can differ in the last place, and a pixel along that edge round to the next
    /// byte (1 byte in millions). Windows that tile a figure can be drawn on separate threads.
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

    /// Flattens `path` and paints its inside, anti-aliased, by `rule`; nothing when its control
    /// points lie wholly outside the clip.
    ///
    /// - Complexity: O(path length in pixels + area of its bounding box), as ``FillRule``'s
    ///   rasterizer.
    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        guard let bounds = path.controlBounds, Self.mayReach(clip, bounds) else { return }
        paint(path.flattened(), color: color, rule: rule)
    }

    /// Outlines the flattened `path` with `style` (width, caps, joins, dashes) and fills the
    /// outline non-zero. Nothing is outlined when the path's control points lie wholly outside
    /// the clip, farther than the stroke reaches from them (its width, or the miter limit times
    /// it); dashes wholly outside the clip are not outlined.
    ///
    /// - Complexity: O(points of the flattened path) for the outline, then as
    ///   ``fill(_:color:rule:)``.
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        let reach: Double =
            switch style.join {
            case .miter(let limit): abs(style.width) * max(1, limit)
            case .round, .bevel: abs(style.width)
            }
        guard let bounds = path.controlBounds, Self.mayReach(clip, bounds, reach: reach) else { return }
        paint(Stroker.outline(of: path.flattened(), style: style, visible: clip), color: color, rule: .nonZero)
    }

    /// Fills the text's glyphs as one shape, from the font's flattened outlines cached per glyph
    /// and size (`Font.flattenedOutline(ofGlyph:scaleX:scaleY:)`), moved into place; a glyph
    /// whose bounds land wholly outside the clip is left out before its points are moved. When
    /// every glyph is free of overlap, all fill with the same winding number and no two glyphs'
    /// bounds meet, the text cannot overlap itself, and its coverage is its exact area, without
    /// the rasterizer's sampling pass.
    public mutating func draw(_ text: PlacedText, color: Color) {
        let toCanvas = text.transform
        let clip = clip
        var polygons: [Polyline] = []
        var placedBounds: [Rect] = []
        var overlapFree = true
        var filling: Int?
        for glyph in text.layout.glyphs {
            let placement = glyph.transform
            guard placement.b == 0, placement.c == 0 else {
                polygons += text.layout.font.outline(ofGlyph: glyph.index).transformed(by: placement)
                    .transformed(by: toCanvas).flattened()
                overlapFree = false
                continue
            }
            let move = AffineTransform.translation(placement.tx, placement.ty).concatenating(toCanvas)
            let outline = text.layout.font.flattenedOutline(
                ofGlyph: glyph.index, scaleX: placement.a, scaleY: placement.d)
            guard let bounds = outline.bounds else { continue }
            let moved = Self.boundingBox(of: bounds, movedBy: move)
            guard Self.mayReach(clip, moved) else { continue }
            // One transform for the whole text: glyphs that fill alike in the font still do.
            overlapFree = overlapFree && outline.filling != nil && (filling == nil || outline.filling == filling)
            filling = filling ?? outline.filling
            placedBounds.append(moved)
            for polygon in outline.polygons {
                polygons.append(Polyline(points: polygon.points.map(move.apply), isClosed: polygon.isClosed))
            }
        }
        paint(polygons, color: color, rule: .nonZero, overlapFree: overlapFree && Self.noTwoMeet(placedBounds))
    }

    /// Whether no two of `boxes` meet (touching counts as meeting), by a sweep in order of their
    /// left sides.
    ///
    /// - Complexity: O(n log n + pairs whose x-ranges overlap).
    private static func noTwoMeet(_ boxes: [Rect]) -> Bool {
        let sorted = boxes.sorted { $0.minX < $1.minX }
        for (index, box) in sorted.enumerated() {
            for other in sorted[(index + 1)...] {
                guard other.minX <= box.maxX else { break }
                if other.minY <= box.maxY && box.minY <= other.maxY { return false }
            }
        }
        return true
    }

    /// Whether what lies within `reach` of `bounds` may reach into `clip`: false only when it lies
    /// beyond one side by more than `reach` and 10⁻⁶ px, which no rounding of a point's image
    /// makes up. A shape that cannot is left out before it is flattened, outlined or moved: the
    /// clip would drop it whole (a window of a figure holds a part of its shapes and texts). NaN
    /// never leaves a shape out.
    private static func mayReach(_ clip: Rect, _ bounds: Rect, reach: Double = 0) -> Bool {
        let margin = reach + 1e-6
        return
            !(bounds.maxX < clip.minX - margin || bounds.minX > clip.maxX + margin
            || bounds.maxY < clip.minY - margin || bounds.minY > clip.maxY + margin)
    }

    /// The smallest upright rectangle holding `bounds` moved by `transform` (which may turn it),
    /// grown by 10⁻⁶ px for the rounding of each point's image.
    private static func boundingBox(of bounds: Rect, movedBy transform: AffineTransform) -> Rect {
        let corners = [
            Point(bounds.minX, bounds.minY), Point(bounds.maxX, bounds.minY), Point(bounds.minX, bounds.maxY),
            Point(bounds.maxX, bounds.maxY),
        ].map(transform.apply)
        let (xs, ys) = (corners.map(\.x), corners.map(\.y))
        let (minX, minY) = (xs.min()! - 1e-6, ys.min()! - 1e-6)
        return Rect(x: minX, y: minY, width: xs.max()! + 1e-6 - minX, height: ys.max()! + 1e-6 - minY)
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

    /// Paints `polygons` in `color` by `rule`, clipped; `overlapFree` when they cannot overlap
    /// themselves or one another (the rasterizer then skips its sampling pass, which would find
    /// nothing to correct).
    private mutating func paint(_ polygons: [Polyline], color: Color, rule: FillRule, overlapFree: Bool = false) {
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
        guard
            var mask = Rasterizer.coverage(
                of: clipped, rule: rule, clip: window, reusing: &scratch, sampling: !overlapFree)
        else { return }
        mask.originX -= dx
        mask.originY -= dy
        pixmap.composite(mask, color: color)
    }

    /// The pixels as 8-bit RGBA, straight alpha, row after row.
    public var rgba: [UInt8] { pixmap.rgba8() }

    /// The image as PNG: 8-bit RGB on an opaque background, else RGBA, with a pHYs chunk for
    /// `dpi` and a text chunk (tEXt or iTXt) per entry of `metadata` (e.g. `Software`), compressed
    /// as `compression` says. No time stamps, so the same drawing gives the same bytes.
    ///
    /// - Complexity: O(pixels), as
    ///   ``PNGCodec/encode(rgba:width:height:dpi:metadata:compression:)``.
    public func png(
        dpi: Double, metadata: [(key: String, value: String)], compression: PNGCompression = .standard
    ) throws(PNGCodec.Error) -> Data {
        let (width, height) = (pixmap.width, pixmap.height)
        return try pixmap.withPNGSamples { samples, channels throws(PNGCodec.Error) in
            try PNGCodec.encode(
                samples: samples, channels: channels, width: width, height: height, dpi: dpi, metadata: metadata,
                compression: compression)
        }
    }

    /// The bytes a PNG stores per pixel of a canvas on `background` in `theme`: 3 (RGB) where the
    /// background is opaque, else 4 (RGBA), whatever is drawn.
    static func pngChannels(background: Color, theme: Theme) -> Int {
        Pixmap.isOpaque(theme.resolve(background)) ? 3 : 4
    }

    /// The rows this canvas holds (a window's, or all), deflated as one part of the PNG of its
    /// drawing (``PNGCodec/assemble(_:width:channels:dpi:metadata:compression:)`` joins the parts):
    /// the last part when `isLast`.
    ///
    /// - Complexity: O(the canvas's pixels), zlib's time.
    func deflatedRows(compression: PNGCompression, isLast: Bool) throws(PNGCodec.Error) -> PNGCodec.DeflatedRows {
        let width = pixmap.width
        return try pixmap.withPNGSamples { samples, channels throws(PNGCodec.Error) in
            try PNGCodec.deflate(
                rows: samples, channels: channels, width: width, compression: compression, isLast: isLast)
        }
    }
}
