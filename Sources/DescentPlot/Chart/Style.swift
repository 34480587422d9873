/// Lengths given in points (1/72 inch) become pixels at the figure's resolution, as in
/// matplotlib: at 100 dpi, 1 pt = 100/72 px.
public struct PlotUnits: Sendable {
    /// Dots (pixels) per inch. Default: 100, matplotlib's `figure.dpi`.
    public let dpi: Double

    /// Units at `dpi` dots per inch (default: 100).
    public init(dpi: Double = 100) {
        self.dpi = dpi
    }

    /// `points` in pixels.
    public func pixels(_ points: Double) -> Double { points * dpi / 72 }

    /// Moves the position of a horizontal or vertical line `width` pixels wide onto the pixel
    /// grid, so that it covers whole pixels instead of smearing over two (matplotlib snaps spines,
    /// ticks and grid lines the same way): a line whose width rounds to an odd number of pixels
    /// goes to a pixel centre, an even one to a pixel edge.
    public static func snap(_ position: Double, width: Double) -> Double {
        Int(width.rounded()) % 2 == 1 ? position.rounded(.down) + 0.5 : position.rounded()
    }
}

/// matplotlib's defaults (its `rcParams`), in points, collected in one place with their names.
public enum PlotDefaults {
    /// `font.size`: tick labels, axis labels, legend.
    public static let fontSize = 10.0
    /// `axes.titlesize` ("large" = 1.2 × 10 pt).
    public static let titleSize = 12.0
    /// `axes.titlepad`.
    public static let titlePad = 6.0
    /// `axes.labelpad`.
    public static let labelPad = 4.0
    /// `lines.linewidth`.
    public static let lineWidth = 1.5
    /// `lines.markersize`: the marker's width.
    public static let markerSize = 6.0
    /// `lines.markeredgewidth`.
    public static let markerEdgeWidth = 1.0
    /// `axes.linewidth` (spines) and `xtick.major.width`.
    public static let spineWidth = 0.8
    /// `xtick.major.size`: ticks point out by this much.
    public static let tickLength = 3.5
    /// `xtick.major.pad`: gap between tick and label.
    public static let tickPad = 3.5
    /// `figure.subplot.left`: the axes box's left edge, as a fraction of the figure's (or a grid
    /// cell's) width from its left: 0.125, x = 80 px of 640.
    public static let subplotLeft = 0.125
    /// `figure.subplot.right`: the box's right edge, as a fraction of the width from the left: 0.9.
    public static let subplotRight = 0.9
    /// `figure.subplot.bottom`: the box's bottom edge, as a fraction of the height from the
    /// bottom: 0.11.
    public static let subplotBottom = 0.11
    /// `figure.subplot.top`: the box's top edge, as a fraction of the height from the bottom:
    /// 0.88, y = 57.6 px from the top of 480.
    public static let subplotTop = 0.88
    /// `axes.xmargin`/`ymargin`: automatic limits leave 5 % of the data range free on each side.
    public static let dataMargin = 0.05
}

/// How a line is drawn: matplotlib's line styles, whose dash lengths (in multiples of the line
/// width, `lines.dashed_pattern` etc.) scale with the width.
public enum LineStyle: String, CaseIterable, Sendable {
    /// `-`: one unbroken line.
    case solid
    /// `--`: 3.7 on, 1.6 off.
    case dashed
    /// `-.`: 6.4 on, 1.6 off, 1 on, 1.6 off.
    case dashDot
    /// `:`: 1 on, 1.65 off.
    case dotted
    /// No line, only markers.
    case none

    /// The dash pattern in pixels for a line `width` pixels wide.
    public func dashPattern(width: Double) -> DashPattern? {
        let unit: [Double]
        switch self {
        case .solid, .none: return nil
        case .dashed: unit = [3.7, 1.6]
        case .dashDot: unit = [6.4, 1.6, 1, 1.6]
        case .dotted: unit = [1, 1.65]
        }
        return DashPattern(unit.map { $0 * width })
    }

    /// matplotlib's caps: projecting for solid lines, butt for dashed ones.
    var cap: LineCap { self == .solid ? .square : .butt }
}

/// The shape of a marker.
public enum MarkerShape: String, CaseIterable, Sendable {
    /// `o`: a filled circle.
    case circle
    /// `s`: a filled square.
    case square
    /// `D`: a filled square standing on a corner.
    case diamond
    /// `^`: a filled triangle pointing up.
    case triangle
    /// `+`: two strokes, horizontal and vertical (not filled).
    case plus
    /// `x`: two diagonal strokes (not filled).
    case cross

    /// The outline, `size` pixels across, centred on `center`.
    func path(center: Point, size: Double) -> Path {
        let r = size / 2
        let (x, y) = (center.x, center.y)
        switch self {
        case .circle: return .circle(center: center, radius: r)
        case .square: return .rectangle(Rect(x: x - r, y: y - r, width: size, height: size))
        case .diamond:
            return .polyline([Point(x, y - r), Point(x + r, y), Point(x, y + r), Point(x - r, y)], closed: true)
        case .triangle:
            return .polyline([Point(x, y - r), Point(x + r, y + r), Point(x - r, y + r)], closed: true)
        case .plus:
            var path = Path.polyline([Point(x - r, y), Point(x + r, y)])
            path.append(.polyline([Point(x, y - r), Point(x, y + r)]))
            return path
        case .cross:
            var path = Path.polyline([Point(x - r, y - r), Point(x + r, y + r)])
            path.append(.polyline([Point(x - r, y + r), Point(x + r, y - r)]))
            return path
        }
    }

    /// Whether the shape has an inside to fill (plus and cross are only strokes).
    var isFilled: Bool { self != .plus && self != .cross }
}

/// A marker drawn at each data point.
public struct Marker: Equatable, Sendable {
    /// The marker's outline (`o`, `+`, `x`, …).
    public var shape: MarkerShape
    /// Width in points. Default: 6 (`lines.markersize`).
    public var size: Double
    /// Fill colour; `nil` takes the line's colour. Default: nil.
    public var face: Color?
    /// Edge colour; `nil` takes the line's colour. Default: nil.
    public var edge: Color?
    /// Edge width in points. Default: 1.
    public var edgeWidth: Double

    /// A marker of `shape`, 6 pt wide with a 1 pt edge in the line's colour by default
    /// (matplotlib's `lines.markersize` and `lines.markeredgewidth`).
    public init(
        _ shape: MarkerShape, size: Double = PlotDefaults.markerSize, face: Color? = nil, edge: Color? = nil,
        edgeWidth: Double = PlotDefaults.markerEdgeWidth
    ) {
        self.shape = shape
        self.size = size
        self.face = face
        self.edge = edge
        self.edgeWidth = edgeWidth
    }

    /// Draws the marker at `center`.
    func draw<C: Canvas>(on canvas: inout C, at center: Point, color: Color, units: PlotUnits) {
        let path = shape.path(center: center, size: units.pixels(size))
        if shape.isFilled { canvas.fill(path, color: face ?? color) }
        canvas.stroke(
            path, style: StrokeStyle(width: units.pixels(edgeWidth), cap: .butt, join: .miter(limit: 10)),
            color: edge ?? color)
    }
}
