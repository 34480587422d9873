/// The one drawing interface. Charts draw through it and never know the backend; the raster
/// canvas (PNG) and the SVG canvas implement it and draw the same paths.
///
/// Clips and groups nest: every `pushClip` is matched by a `popClip`, every `beginGroup` by an
/// `endGroup`, every `beginReveal` by an `endReveal`. The effective clip is the intersection of
/// all pushed rectangles.
///
/// Colours arrive as the figure holds them, semantic or data (``Color/role``); each backend
/// resolves them through its ``Theme`` as it paints.
public protocol Canvas {
    /// Width and height in pixels.
    var width: Double { get }
    /// Height in pixels.
    var height: Double { get }

    /// Fills the inside of `path` (each subpath implicitly closed).
    mutating func fill(_ path: Path, color: Color, rule: FillRule)
    /// Strokes `path` with `style`.
    mutating func stroke(_ path: Path, style: StrokeStyle, color: Color)
    /// Draws text: filled glyph outlines, or characters where the backend can write them.
    mutating func draw(_ text: PlacedText, color: Color)
    /// Clips everything drawn until the matching `popClip` to `rect`.
    mutating func pushClip(_ rect: Rect)
    /// Ends the clip of the matching `pushClip`, restoring the one before it.
    mutating func popClip()
    /// Starts a named group of drawing (an artist), which SVG keeps as a `<g>`.
    mutating func beginGroup(_ name: String)
    /// Ends the group of the matching `beginGroup`.
    mutating func endGroup()
    /// Says when what is drawn until the matching `endReveal` appears, in a backend that
    /// animates (``SVGCanvas`` with an ``SVGAnimation``). Every other backend draws it as it is,
    /// so its picture is the animation's last frame. Default: ignored.
    mutating func beginReveal(_ reveal: Reveal)
    /// Ends the reveal of the matching `beginReveal`. Default: ignored.
    mutating func endReveal()
}

/// When drawing appears in an animated figure. Times are fractions of the animation's run, from 0
/// (its start) to 1 (its end), so that a figure says *in what order* things appear and the
/// backend decides how long that takes.
public enum Reveal: Equatable, Sendable {
    /// Everything drawn appears at once, at `time`.
    case at(Double)
    /// Every stroke drawn grows along its length: its first `lengths[i]` pixels are visible from
    /// `times[i]` on (both increasing, as many lengths as times). Fills appear at the first time.
    case along(lengths: [Double], times: [Double])
}

extension Canvas {
    /// Ignores the reveal: the backend draws everything at once, the animation's last frame.
    public mutating func beginReveal(_ reveal: Reveal) {}
    /// Ignores the end of a reveal.
    public mutating func endReveal() {}

    /// Fills with the non-zero rule.
    public mutating func fill(_ path: Path, color: Color) {
        fill(path, color: color, rule: .nonZero)
    }
}

extension Reveal {
    /// `count` times spread evenly from 0 to 1: the points of a path appearing one step at a time,
    /// the first at once and the last at the end of the animation.
    ///
    /// - Complexity: O(`count`).
    public static func stepTimes(_ count: Int) -> [Double] {
        count <= 1 ? Array(repeating: 0, count: count) : (0..<count).map { Double($0) / Double(count - 1) }
    }
}
