import Foundation

/// A run of text of one style inside a ``RichText``.
public struct TextSpan: Hashable, Sendable {
    /// The characters of the span.
    public var text: String
    /// Size relative to the text's size. Default: 1.
    public var scale: Double
    /// Baseline shift upwards, in ems of the text's size. Default: 0.
    public var rise: Double

    /// A span of `text` at `scale` times the text's size (default 1), raised by `rise` ems
    /// (default 0).
    public init(_ text: String, scale: Double = 1, rise: Double = 0) {
        self.text = text
        self.scale = scale
        self.rise = rise
    }
}

/// Text made of spans, enough for the labels of a chart: plain text, and 10ⁿ with a real
/// superscript (a smaller, raised span, as matplotlib's mathtext draws `$10^{n}$`).
public struct RichText: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The runs of text, in reading order.
    public var spans: [TextSpan]

    /// Plain text: one span at full size on the baseline.
    public init(_ text: String) {
        spans = [TextSpan(text)]
    }

    /// Text of the given spans.
    public init(spans: [TextSpan]) {
        self.spans = spans
    }

    /// Plain text from a string literal, so that `axes.title = "Loss"` works.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// `base` with `exponent` as a superscript: 70 % of the size, raised by 0.45 em.
    public static func power(base: String, exponent: String) -> RichText {
        RichText(spans: [TextSpan(base), TextSpan(exponent, scale: 0.7, rise: 0.45)])
    }

    /// The characters, spans joined (for `<text>` output and tests).
    public var plainText: String { spans.map(\.text).joined() }

    /// The text with every hyphen-minus replaced by U+2212 (−), as numbers are typeset.
    ///
    /// Foundation's `replacingOccurrences` does the replacing, as it decides which hyphens stand
    /// alone (not one followed by a combining mark); spans without a hyphen skip it, as it costs
    /// tens of thousands of instructions a call and most labels have none.
    public var withTypographicMinus: RichText {
        RichText(
            spans: spans.map {
                guard $0.text.utf8.contains(UInt8(ascii: "-")) else { return $0 }
                return TextSpan(
                    $0.text.replacingOccurrences(of: "-", with: "\u{2212}"), scale: $0.scale, rise: $0.rise)
            })
    }
}

/// Text laid out on a baseline: glyph outlines in pixels with the origin at the start of the
/// baseline and y pointing down, and the metrics to place it.
public struct TextLayout: Sendable {
    /// Each glyph that has an outline and where it sits, so that a backend can define an outline
    /// once and reuse it (the raster canvas fills each glyph's cached flattened outline, the SVG
    /// canvas refers to each glyph's definition).
    public let glyphs: [PlacedGlyph]
    /// The font the glyphs come from.
    public let font: Font
    /// The advance width: where the next character would start.
    public let width: Double
    /// Height above the baseline of the layout box: the top of the letter "l", as matplotlib
    /// measures text with "lp" so that labels line up whatever their letters (higher when a
    /// superscript reaches above it).
    public let ascent: Double
    /// Depth below the baseline of the layout box: the bottom of "p".
    public let descent: Double
    /// The font size in pixels per em.
    public let size: Double
    /// The text as drawn (minus signs already replaced), for backends that write characters.
    public let text: RichText

    /// The glyphs' outlines, placed: built on request from ``glyphs``, since no backend draws
    /// text from one path (a text laid out only to be measured, as wrapping does many times,
    /// would otherwise pay for copying every outline).
    ///
    /// - Complexity: O(the glyphs' outline elements).
    public var path: Path {
        var path = Path()
        for glyph in glyphs {
            path.append(font.glyph(glyph.index).outline.transformed(by: glyph.transform))
        }
        return path
    }
}

extension Font {
    /// Lays out `text` at `size` pixels per em: glyph after glyph by their advances, with the
    /// font's kerning between neighbours of a span. A hyphen-minus is drawn as U+2212 (−) when
    /// `typographicMinus` is set, as matplotlib does for numbers.
    ///
    /// - Complexity: O(characters), each glyph loaded from the font once and cached; a text laid
    ///   out before at the same size, O(characters) for hashing it: the font keeps the layouts it
    ///   made (a figure lays out its tick labels, titles and notes to measure them, then again to
    ///   draw them, and a large PNG's two parts each draw the texts near their cut).
    public func layout(_ text: RichText, size: Double, typographicMinus: Bool = false) -> TextLayout {
        cachedLayout(of: text, size: size, typographicMinus: typographicMinus) {
            uncachedLayout(text, size: size, typographicMinus: typographicMinus)
        }
    }

    /// ``layout(_:size:typographicMinus:)``, made anew.
    private func uncachedLayout(_ text: RichText, size: Double, typographicMinus: Bool) -> TextLayout {
        let text = typographicMinus ? text.withTypographicMinus : text
        var glyphs: [PlacedGlyph] = []
        var penX = 0.0
        for span in text.spans {
            let scale = size * span.scale / unitsPerEm
            let rise = span.rise * size
            var previous: UInt32?
            for scalar in span.text.unicodeScalars {
                let index = glyphIndex(scalar)
                if let previous { penX += kerning(previous, index) * scale }
                let glyph = glyph(index)
                if !glyph.outline.isEmpty {
                    let placement = AffineTransform.scale(scale, -scale).concatenating(.translation(penX, -rise))
                    glyphs.append(PlacedGlyph(index: index, transform: placement))
                }
                penX += glyph.advance * scale
                previous = index
            }
        }
        var (ascent, descent) = layoutExtents(size: size)
        // A raised span (a superscript) reaches higher than the plain text.
        for span in text.spans where span.rise > 0 {
            ascent = max(ascent, span.rise * size + layoutExtents(size: size * span.scale).ascent)
        }
        descent = max(descent, 0)
        return TextLayout(
            glyphs: glyphs, font: self, width: penX, ascent: ascent, descent: descent, size: size,
            text: text)
    }

    /// The "lp" extents at `size`: the top of l above and the bottom of p below the baseline.
    func layoutExtents(size: Double) -> (ascent: Double, descent: Double) {
        let scale = size / unitsPerEm
        let l = glyph(glyphIndex("l")).outline.controlBounds
        let p = glyph(glyphIndex("p")).outline.controlBounds
        return ((l?.maxY ?? unitsPerEm * 0.76) * scale, -(p?.minY ?? -unitsPerEm * 0.24) * scale)
    }
}

/// One glyph of a laid-out text: its index in the font and the map from font units (y up) to the
/// text's frame (baseline origin, y down).
public struct PlacedGlyph: Sendable {
    /// The glyph's index in the font (not a Unicode scalar).
    public let index: UInt32
    /// From font units (y up) to the text's frame (origin at the start of the baseline, y down,
    /// pixels).
    public let transform: AffineTransform
}

/// Where a text's anchor point sits horizontally.
public enum HorizontalAnchor: Sendable {
    /// The text starts at the anchor.
    case left
    /// The text is centred on the anchor.
    case center
    /// The text ends at the anchor (its advance width).
    case right
}

/// Where a text's anchor point sits vertically, on the layout box of ``TextLayout``.
public enum VerticalAnchor: Sendable {
    /// The baseline passes through the anchor.
    case baseline
    /// The top of the layout box (the ascent) is at the anchor.
    case top
    /// The anchor is halfway between the top and the bottom of the layout box.
    case center
    /// The bottom of the layout box (the descent) is at the anchor.
    case bottom
}

/// A laid-out text placed on the canvas: anchored at `position`, turned by `rotation` radians
/// counter-clockwise as the reader sees it (90° for a y-axis label reading upwards).
public struct PlacedText: Sendable {
    /// The laid-out text.
    public let layout: TextLayout
    /// The anchor point on the canvas, in pixels.
    public let position: Point
    /// Which part of the text sits at ``position`` horizontally. Default: ``HorizontalAnchor/left``.
    public let horizontal: HorizontalAnchor
    /// Which part of the text sits at ``position`` vertically. Default: ``VerticalAnchor/baseline``.
    public let vertical: VerticalAnchor
    /// The turn, in radians, counter-clockwise as the reader sees it, about ``position``. Default: 0.
    public let rotation: Double

    /// `layout` anchored at `position` by the given anchors, turned by `rotation` radians.
    public init(
        _ layout: TextLayout, at position: Point, horizontal: HorizontalAnchor = .left,
        vertical: VerticalAnchor = .baseline, rotation: Double = 0
    ) {
        self.layout = layout
        self.position = position
        self.horizontal = horizontal
        self.vertical = vertical
        self.rotation = rotation
    }

    /// The anchor's offset from the start of the baseline, in the text's own frame.
    private var anchorOffset: Point {
        let x: Double
        switch horizontal {
        case .left: x = 0
        case .center: x = layout.width / 2
        case .right: x = layout.width
        }
        let y: Double
        switch vertical {
        case .baseline: y = 0
        case .top: y = -layout.ascent
        case .center: y = (layout.descent - layout.ascent) / 2
        case .bottom: y = layout.descent
        }
        return Point(x, y)
    }

    /// From the text's frame (baseline origin, y down) to the canvas.
    public var transform: AffineTransform {
        let anchor = anchorOffset
        // Screen y points down, so a reader's counter-clockwise turn is a negative angle here.
        return AffineTransform.translation(-anchor.x, -anchor.y)
            .concatenating(.rotation(-rotation))
            .concatenating(.translation(position.x, position.y))
    }

    /// The glyph outlines on the canvas.
    public var path: Path { layout.path.transformed(by: transform) }

    /// The layout box on the canvas (axis-aligned around the turned box), for collision checks.
    public var bounds: Rect {
        let corners = [
            Point(0, -layout.ascent), Point(layout.width, -layout.ascent), Point(layout.width, layout.descent),
            Point(0, layout.descent),
        ].map(transform.apply)
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
}
