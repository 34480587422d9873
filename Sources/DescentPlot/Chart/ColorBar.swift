import DescentCore
import Foundation

/// A colour bar beside an axes, as matplotlib's `fig.colorbar(contours)` draws one for filled
/// contours: a vertical bar of the bands' colours, one band per pair of consecutive levels, all of
/// equal height (matplotlib's default `spacing='uniform'`; automatic levels are evenly spaced, or
/// evenly spaced in log, so this is also their true scale), outlined like the axes, with ticks
/// pointing out on its right labelled with the levels.
///
/// **Layout** (matplotlib's `colorbar.make_axes` defaults): the axes box given to the axes by the
/// figure is split — the plot keeps the left 1 − ``fraction`` − ``pad`` = 80 % of its width, the
/// bar's slot is the right ``fraction`` = 15 %, and in it the bar is as tall as the plot and
/// 1/``aspect`` = 1/20 of that wide, at the slot's left. On a 640 × 480 figure the plot is then
/// 396.8 px wide and the bar 18.48 × 369.6 px at x = 501.6, as in matplotlib. The plot's height and
/// position do not change, and the bar's tick labels are laid out with the axes' own labels, so
/// the figure shrinks the whole box if they would leave the cell.
///
/// **Ticks** are the levels, at most ``maximumTicks`` of them (matplotlib's
/// `FixedLocator(levels, nbins=10)`: every k-th level, starting where the ticks include the level
/// nearest 0). Labels are formatted as the axes' (`ScalarFormatter`, with an offset or ×10ⁿ above
/// the bar when the levels need one) for linear levels, and as 10ⁿ (or m×10ⁿ between decades) for
/// log-spaced ones.
public struct ColorBar: Sendable {
    public let levels: ContourLevels
    /// The colour of each band, from the lowest.
    public let colors: [Color]
    /// Text along the bar's right side. Default: none.
    public var label: RichText?

    /// The share of the axes box's width the bar's slot takes (`fraction`). Default: 0.15.
    public static let fraction = 0.15
    /// The gap between plot and slot, as a share of the box's width (`pad`). Default: 0.05.
    public static let pad = 0.05
    /// The bar's height over its width (`aspect`). Default: 20.
    public static let aspect = 20.0
    /// At most this many ticks (`FixedLocator`'s `nbins`). Default: 10.
    public static let maximumTicks = 10

    /// A bar of `colors` between `levels`.
    ///
    /// - Precondition: one colour per pair of consecutive levels.
    public init(levels: ContourLevels, colors: [Color], label: RichText? = nil) {
        precondition(colors.count == max(levels.values.count - 1, 0), "one colour per band between levels")
        self.levels = levels
        self.colors = colors
        self.label = label
    }

    /// The plot's part of an axes box that also holds a colour bar.
    static func plotBox(in box: Rect) -> Rect {
        Rect(x: box.minX, y: box.minY, width: box.width * (1 - fraction - pad), height: box.height)
    }

    /// The bar beside a plot box made by ``plotBox(in:)``.
    static func barBox(beside plot: Rect) -> Rect {
        let whole = plot.width / (1 - fraction - pad)
        let width = min(whole * fraction, plot.height / aspect)
        return Rect(x: plot.minX + whole * (1 - fraction), y: plot.minY, width: width, height: plot.height)
    }

    /// The indices of the levels that get a tick: matplotlib's `FixedLocator.tick_values`.
    var tickIndices: [Int] {
        let count = levels.values.count
        let step = max(Int((Double(count) / Double(Self.maximumTicks)).rounded(.up)), 1)
        var best = Array(stride(from: 0, to: count, by: step))
        let nearestZero = { (indices: [Int]) in indices.map { abs(levels.values[$0]) }.min() ?? .infinity }
        for start in 1..<max(step, 1) {
            let candidate = Array(stride(from: start, to: count, by: step))
            if nearestZero(candidate) < nearestZero(best) { best = candidate }
        }
        return best
    }

    /// Where level `index` sits on `bar`: the lowest at the bottom, the highest at the top.
    func y(ofLevel index: Int, on bar: Rect) -> Double {
        let count = levels.values.count
        return count < 2 ? bar.center.y : bar.maxY - Double(index) / Double(count - 1) * bar.height
    }

    /// The tick labels, offset text and label, placed beside `bar`.
    func texts(beside bar: Rect, in frame: AxesFrame) -> [PlacedText] {
        let units = frame.units
        let indices = tickIndices
        let ticks = indices.map { levels.values[$0] }
        let labels: [RichText]
        var offsetText: RichText?
        switch levels.scale {
        case .linear:
            let formatted = TickFormatter.labels(
                for: ticks, lower: levels.values[0], upper: levels.values[levels.values.count - 1], scale: .linear)
            labels = formatted.labels
            offsetText = formatted.offsetText
        case .logarithmic:
            labels = ticks.map(Self.logLabel)
        }
        let x = bar.maxX + units.pixels(PlotDefaults.tickLength + PlotDefaults.tickPad)
        var texts = zip(indices, labels).map { index, label in
            PlacedText(
                frame.layout(label, points: PlotDefaults.fontSize), at: Point(x, y(ofLevel: index, on: bar)),
                horizontal: .left, vertical: .center)
        }
        if let offsetText {
            texts.append(
                PlacedText(
                    frame.layout(offsetText, points: PlotDefaults.fontSize),
                    at: Point(bar.minX, bar.minY - units.pixels(2)), horizontal: .left, vertical: .bottom))
        }
        if let label {
            let right = texts.map(\.bounds.maxX).max() ?? bar.maxX
            texts.append(
                PlacedText(
                    frame.layout(label, points: PlotDefaults.fontSize),
                    at: Point(right + units.pixels(PlotDefaults.labelPad), bar.center.y), horizontal: .center,
                    vertical: .top, rotation: .pi / 2))
        }
        return texts
    }

    /// 10ⁿ for a power of ten, 10⁰ and 10¹ included, and m×10ⁿ between decades (matplotlib's
    /// `LogFormatterSciNotation`, which a colour bar of log-spaced levels uses).
    static func logLabel(_ value: Double) -> RichText {
        var exponent = Int(log10(value).rounded(.down))
        var mantissa = value / pow(10, Double(exponent))
        if abs(mantissa - 10) < 1e-9 { (exponent, mantissa) = (exponent + 1, 1) }
        if abs(mantissa - 1) < 1e-9 { return .power(base: "10", exponent: "\(exponent)") }
        let digits = NumberText.shortest(Double(String(format: "%.3g", mantissa))!)
        return .power(base: "\(digits)×10", exponent: "\(exponent)")
    }

    /// Draws the bands, the outline and the ticks of `bar` (the labels are drawn with the axes').
    /// The bands are painted from the bottom, each reaching the top of the bar, so that the next
    /// covers its upper part: neighbouring bands never leave an anti-aliased seam between them.
    func draw<C: Canvas>(on canvas: inout C, bar: Rect, units: PlotUnits) {
        canvas.beginGroup("colorbar")
        for (index, color) in colors.enumerated() {
            let bottom = y(ofLevel: index, on: bar)
            canvas.fill(
                .rectangle(Rect(x: bar.minX, y: bar.minY, width: bar.width, height: bottom - bar.minY)),
                color: color.role == nil ? color.withRole(.area) : color)
        }
        let width = units.pixels(PlotDefaults.spineWidth)
        let snap = { (position: Double) in PlotUnits.snap(position, width: width) }
        let outline = Rect(
            x: snap(bar.minX), y: snap(bar.minY), width: snap(bar.maxX) - snap(bar.minX),
            height: snap(bar.maxY) - snap(bar.minY))
        canvas.stroke(
            .rectangle(outline), style: StrokeStyle(width: width, cap: .square, join: .miter(limit: 10)), color: .spine)
        let length = units.pixels(PlotDefaults.tickLength)
        for index in tickIndices {
            let y = snap(y(ofLevel: index, on: bar))
            canvas.stroke(
                .polyline([Point(outline.maxX, y), Point(outline.maxX + length, y)]), style: StrokeStyle(width: width),
                color: .spine)
        }
        canvas.endGroup()
    }
}
