/// What an artist needs to draw itself: the axes box on the canvas, the view limits and scales,
/// the units and the font.
public struct AxesFrame: Sendable {
    /// The axes box in pixels.
    public let box: Rect
    /// The view along x, in data units: the left and right edges of ``box``.
    public let xLimits: ClosedRange<Double>
    /// The view along y, in data units: the bottom and top edges of ``box``.
    public let yLimits: ClosedRange<Double>
    /// How x maps to the box's width.
    public let xScale: Scale
    /// How y maps to the box's height.
    public let yScale: Scale
    /// Points to pixels at the figure's dpi, for line widths and marker sizes.
    public let units: PlotUnits
    /// The font every text of the axes is set in.
    public let font: Font
    /// Multiplies every font size (insets use smaller text). Default: 1.
    public let textScale: Double
    /// The region the axes' texts must stay in (its grid cell); a title wider than it is set
    /// smaller, down to 6 pt, then cut with an ellipsis.
    public let cell: Rect

    /// The frame of axes drawn in `box` (pixels) showing `xLimits` × `yLimits` on the given
    /// scales: what ``Axes`` hands each artist, and what a test of a custom ``Artist`` builds to
    /// draw it alone. `cell` defaults to `box`.
    public init(
        box: Rect, xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>, xScale: Scale = .linear,
        yScale: Scale = .linear, units: PlotUnits = PlotUnits(), font: Font, textScale: Double = 1, cell: Rect? = nil
    ) {
        self.box = box
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.xScale = xScale
        self.yScale = yScale
        self.units = units
        self.font = font
        self.textScale = textScale
        self.cell = cell ?? box
    }

    /// The pixel position of the data point (x, y): x grows rightwards, y upwards on screen.
    public func pixel(_ x: Double, _ y: Double) -> Point {
        Point(
            box.minX + fraction(x, xLimits, xScale) * box.width,
            box.maxY - fraction(y, yLimits, yScale) * box.height)
    }

    /// The pixel position of a point given as fractions of the axes box (0,0 bottom left, 1,1 top right).
    public func pixel(axesFraction point: Point) -> Point {
        Point(box.minX + point.x * box.width, box.maxY - point.y * box.height)
    }

    /// Whether (x, y) lies inside the view.
    public func contains(_ x: Double, _ y: Double) -> Bool {
        xLimits.contains(x) && yLimits.contains(y)
    }

    private func fraction(_ value: Double, _ limits: ClosedRange<Double>, _ scale: Scale) -> Double {
        let low = scale.forward(limits.lowerBound)
        let high = scale.forward(limits.upperBound)
        return (scale.forward(value) - low) / (high - low)
    }

    /// Lays out text at `points` points (times ``textScale``), with typographic minus signs.
    public func layout(_ text: RichText, points: Double) -> TextLayout {
        font.layout(text, size: units.pixels(points * textScale), typographicMinus: true)
    }
}
