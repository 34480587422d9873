import Foundation

/// One plot: view limits, scales, labels, title, its artists, an optional legend and insets.
///
/// Limits are given or automatic: the data's extent plus 5 % of its range on each side
/// (matplotlib's margins), not rounded to ticks.
public struct Axes: Sendable {
    public var title: RichText?
    public var xLabel: RichText?
    public var yLabel: RichText?
    /// The view along x; `nil` for automatic. Default: nil.
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?
    /// Default: linear.
    public var xScale: Scale = .linear
    public var yScale: Scale = .linear
    /// Light grid lines at the ticks. Default: false.
    public var grid = false
    public var artists: [any Artist] = []
    /// Where the legend goes; `nil` for none. Default: nil.
    public var legend: LegendLocation?
    /// Smaller axes drawn inside this one.
    public var insets: [Inset] = []
    /// Paragraphs of explanation shown in a box where they hide the fewest points, each wrapped at
    /// its spaces, when the figure is drawn, into lines no wider than ``noteWidth``. Default: none.
    public var note: [RichText] = []
    /// The widest a line of the note may be, as a fraction of the panel's width: a paragraph
    /// wider is wrapped into as few lines as fit, evened out (see ``RichText/wrapped(width:measure:)``).
    /// Default: 0.55.
    public var noteWidth = 0.55
    /// Multiplies all text sizes (insets use 0.8). Default: 1.
    public var textScale = 1.0
    /// A colour bar beside the plot (`fig.colorbar`). It takes the right 20 % of the axes box
    /// (see ``ColorBar`` for the layout); the plot keeps the rest. Default: none.
    public var colorBar: ColorBar?

    public init() {}

    /// Whether the axes hold nothing to show: no artist, title or label. A figure leaves such a
    /// panel out.
    public var isBlank: Bool {
        artists.isEmpty && title == nil && xLabel == nil && yLabel == nil
    }

    /// Adds an artist; later ones draw on top.
    public mutating func add(_ artist: any Artist) {
        artists.append(artist)
    }

    /// The limits the axes will show.
    public var resolvedLimits: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let extents = artists.compactMap(\.dataBounds)
        let bounds = extents.dropFirst().reduce(extents.first) { union, next in union?.union(next) }
        let x = xLimits ?? Self.automaticLimits(bounds.map { ($0.minX, $0.maxX) }, scale: xScale)
        let y = yLimits ?? Self.automaticLimits(bounds.map { ($0.minY, $0.maxY) }, scale: yScale)
        return (x, y)
    }

    /// The largest magnitude data may have in an automatic view (in the scale's linear space): a
    /// quarter of the largest Double, so that the view's width, margins included, stays finite and
    /// ticks can be placed. Data beyond it (a run on its way to overflow) falls outside the view,
    /// where it is marked.
    static let largestAutomaticValue = Double.greatestFiniteMagnitude / 4

    /// How many decades an automatic log view spans below its largest value when some data are
    /// not positive (and so cannot say where it should start).
    static let logViewDecades = 3.0

    /// A log axis shows positive values only (matplotlib masks the others): with no positive data
    /// its view is 1…10, and with some it starts ``logViewDecades`` decades below the largest.
    private static func automaticLimits(_ extent: (Double, Double)?, scale: Scale) -> ClosedRange<Double> {
        guard var (low, high) = extent, low.isFinite, high.isFinite else { return 0...1 }
        if scale == .log {
            guard high > 0 else { return 1...10 }
            if low <= 0 { low = high / pow(10, logViewDecades) }
        }
        let bound = { (value: Double) in min(max(value, -largestAutomaticValue), largestAutomaticValue) }
        let (a, b) = (bound(scale.forward(low)), bound(scale.forward(high)))
        var margin = (b - a) * PlotDefaults.dataMargin
        if margin == 0 { margin = max(abs(a) * PlotDefaults.dataMargin, 0.05) }
        let largest = Double.greatestFiniteMagnitude
        return max(scale.inverse(a - margin), -largest)...min(scale.inverse(b + margin), largest)
    }

    /// The frame of the plot in `box`: all of it, or its left part when a colour bar takes the rest.
    func frame(box: Rect, cell: Rect, units: PlotUnits, font: Font) -> AxesFrame {
        let limits = resolvedLimits
        return AxesFrame(
            box: colorBar == nil ? box : ColorBar.plotBox(in: box), xLimits: limits.x, yLimits: limits.y,
            xScale: xScale, yScale: yScale, units: units, font: font,
            textScale: textScale, cell: cell)
    }
}

/// A small axes inside another, placed by fractions of the parent's box (0,0 bottom left), that
/// can mark the region of the parent it magnifies.
public struct Inset: Sendable {
    /// x, y (bottom left), width and height as fractions of the parent axes box. Where its labels
    /// or title would leave the parent's box, the inset moves inward as far as needed.
    public var bounds: Rect
    public var axes: Axes
    /// The region of the parent, in its data coordinates, that the inset magnifies: outlined in
    /// the parent and joined to the inset by a dashed line. Default: none.
    public var region: (x: ClosedRange<Double>, y: ClosedRange<Double>)?

    public init(bounds: Rect, axes: Axes, region: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil) {
        self.bounds = bounds
        self.axes = axes
        self.region = region
    }
}
