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
    /// Lines of explanation shown in a box where they hide the fewest points. Default: none.
    public var note: [RichText] = []
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
        let extents = artists.compactMap { $0.dataBounds(xScale: xScale, yScale: yScale) }
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

    /// A log axis shows positive values only (matplotlib masks the others, and so do lines:
    /// ``Artist/dataBounds(xScale:yScale:)``): with no positive data its view is 1…10, and where
    /// an artist's bounds still reach 0 or below it starts ``logViewDecades`` decades below the
    /// largest value.
    private static func automaticLimits(_ extent: (Double, Double)?, scale: Scale) -> ClosedRange<Double> {
        guard var (low, high) = extent, low.isFinite, high.isFinite else { return scale == .log ? 1...10 : 0...1 }
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

/// Everything an axes draws outside its box: ticks and their labels, axis labels, title.
/// Computed once for layout (their bounds) and again for drawing, by the same code.
struct Decorations {
    struct Tick {
        let position: Double
        let isX: Bool
    }

    var ticks: [Tick] = []
    var texts: [PlacedText] = []

    /// The union of the text bounds, with the box.
    func bounds(including box: Rect) -> Rect {
        texts.reduce(box) { $0.union($1.bounds) }
    }
}

extension Axes {
    /// Places tick labels, axis labels and title around `frame.box`, as matplotlib places them.
    func decorations(in frame: AxesFrame) -> Decorations {
        var result = Decorations()
        let units = frame.units
        let tickOut = units.pixels(PlotDefaults.tickLength + PlotDefaults.tickPad)
        let box = frame.box

        let xTicks = visibleTicks(
            frame.xLimits, scale: frame.xScale, length: box.width,
            spacing: 3 * units.pixels(PlotDefaults.fontSize * textScale))
        let xLabels = TickFormatter.labels(
            for: xTicks, lower: frame.xLimits.lowerBound, upper: frame.xLimits.upperBound, scale: frame.xScale)
        var xLabelBottom = box.maxY + tickOut
        for (value, label) in zip(xTicks, xLabels.labels) {
            let x = frame.pixel(value, frame.yLimits.lowerBound).x
            result.ticks.append(Decorations.Tick(position: x, isX: true))
            let placed = PlacedText(
                frame.layout(label, points: PlotDefaults.fontSize), at: Point(x, box.maxY + tickOut),
                horizontal: .center,
                vertical: .top)
            xLabelBottom = max(xLabelBottom, placed.bounds.maxY)
            result.texts.append(placed)
        }
        if let offset = xLabels.offsetText {
            result.texts.append(
                PlacedText(
                    frame.layout(offset, points: PlotDefaults.fontSize), at: Point(box.maxX, xLabelBottom),
                    horizontal: .right, vertical: .top))
            xLabelBottom = result.texts.last!.bounds.maxY
        }

        let yTicks = visibleTicks(
            frame.yLimits, scale: frame.yScale, length: box.height,
            spacing: 2 * units.pixels(PlotDefaults.fontSize * textScale))
        let yLabels = TickFormatter.labels(
            for: yTicks, lower: frame.yLimits.lowerBound, upper: frame.yLimits.upperBound, scale: frame.yScale)
        var yLabelLeft = box.minX - tickOut
        for (value, label) in zip(yTicks, yLabels.labels) {
            let y = frame.pixel(frame.xLimits.lowerBound, value).y
            result.ticks.append(Decorations.Tick(position: y, isX: false))
            let placed = PlacedText(
                frame.layout(label, points: PlotDefaults.fontSize), at: Point(box.minX - tickOut, y),
                horizontal: .right,
                vertical: .center)
            yLabelLeft = min(yLabelLeft, placed.bounds.minX)
            result.texts.append(placed)
        }
        var titleBottom = box.minY - units.pixels(PlotDefaults.titlePad * textScale)
        var titleAnchor = VerticalAnchor.baseline
        if let offset = yLabels.offsetText {
            titleAnchor = .bottom
            let placed = PlacedText(
                frame.layout(offset, points: PlotDefaults.fontSize), at: Point(box.minX, box.minY - units.pixels(2)),
                horizontal: .left, vertical: .bottom)
            result.texts.append(placed)
            titleBottom = min(titleBottom, placed.bounds.minY - units.pixels(2))
        }

        let labelPad = units.pixels(PlotDefaults.labelPad * textScale)
        if let xLabel {
            result.texts.append(
                PlacedText(
                    frame.layout(xLabel, points: PlotDefaults.fontSize),
                    at: Point(box.center.x, xLabelBottom + labelPad),
                    horizontal: .center, vertical: .top))
        }
        if let yLabel {
            result.texts.append(
                PlacedText(
                    frame.layout(yLabel, points: PlotDefaults.fontSize), at: Point(yLabelLeft - labelPad, box.center.y),
                    horizontal: .center, vertical: .bottom, rotation: .pi / 2))
        }
        if let title {
            let layout = fitted(
                title, points: PlotDefaults.titleSize, width: frame.cell.width - units.pixels(4), frame: frame)
            // Centred over the box, but moved sideways as needed to stay inside the cell.
            let half = layout.width / 2
            let x = min(
                max(box.center.x, frame.cell.minX + half + units.pixels(2)), frame.cell.maxX - half - units.pixels(2))
            result.texts.append(
                PlacedText(layout, at: Point(x, titleBottom), horizontal: .center, vertical: titleAnchor))
        }
        if let colorBar {
            result.texts += colorBar.texts(beside: ColorBar.barBox(beside: box), in: frame)
        }
        return result
    }

    /// `text` laid out no wider than `width`: smaller (down to 6 pt), then cut with "…" after the
    /// longest prefix that fits (at least one character).
    ///
    /// - Complexity: O(n log n) for a text of n characters: the cut is found by bisection, each
    ///   try one layout of the prefix.
    private func fitted(_ text: RichText, points: Double, width: Double, frame: AxesFrame) -> TextLayout {
        let layout = frame.layout(text, points: points)
        guard layout.width > width else { return layout }
        let smaller = max(6 / textScale, points * width / layout.width)
        let shown = frame.layout(text, points: smaller)
        let characters = Array(text.plainText)
        guard shown.width > width, characters.count > 1 else { return shown }
        let cut = { (count: Int) in frame.layout(RichText(String(characters[..<count]) + "…"), points: smaller) }
        var (fits, tooLong) = (1, characters.count)
        while tooLong - fits > 1 {
            let middle = (fits + tooLong) / 2
            if cut(middle).width > width { tooLong = middle } else { fits = middle }
        }
        return cut(fits)
    }

    /// The ticks inside the view, with at most one interval per `spacing` pixels (matplotlib's
    /// `get_tick_space`) and never more than 9.
    private func visibleTicks(_ limits: ClosedRange<Double>, scale: Scale, length: Double, spacing: Double) -> [Double]
    {
        let intervals = max(1, min(TickLocator.maximumIntervals, Int((length / spacing).rounded(.down))))
        let tolerance = 1e-10 * (limits.upperBound - limits.lowerBound)
        return TickLocator.ticks(
            lower: limits.lowerBound, upper: limits.upperBound, scale: scale, maximumIntervals: intervals
        )
        .filter { $0 >= limits.lowerBound - tolerance && $0 <= limits.upperBound + tolerance }
    }

    /// Draws the axes in `box` (the plot and, if any, its colour bar).
    func draw<C: Canvas>(on canvas: inout C, box: Rect, cell: Rect, units: PlotUnits, font: Font) {
        let frame = frame(box: box, cell: cell, units: units, font: font)
        let box = frame.box
        let decorations = decorations(in: frame)
        let spineWidth = units.pixels(PlotDefaults.spineWidth)

        canvas.beginGroup("axes")
        canvas.fill(.rectangle(box), color: .background)
        let snap = { (position: Double) in PlotUnits.snap(position, width: spineWidth) }
        if grid {
            canvas.beginGroup("grid")
            for tick in decorations.ticks {
                let path: Path =
                    tick.isX
                    ? .polyline([Point(snap(tick.position), box.minY), Point(snap(tick.position), box.maxY)])
                    : .polyline([Point(box.minX, snap(tick.position)), Point(box.maxX, snap(tick.position))])
                canvas.stroke(path, style: StrokeStyle(width: spineWidth), color: .grid)
            }
            canvas.endGroup()
        }
        let marks = artists.compactMap { $0 as? LineArtist }.filter(\.marksPointsOutsideView)
            .flatMap {
                OutsideViewMarks.marks(for: $0, in: frame, avoiding: artists.flatMap { $0.screenPoints(in: frame) })
            }
        canvas.pushClip(box)
        for artist in artists {
            canvas.beginGroup(String(describing: type(of: artist)))
            artist.draw(on: &canvas, in: frame)
            canvas.endGroup()
        }
        canvas.popClip()
        OutsideViewMarks.draw(marks, on: &canvas, in: frame)

        canvas.beginGroup("spines")
        let frameRect = Rect(
            x: snap(box.minX), y: snap(box.minY), width: snap(box.maxX) - snap(box.minX),
            height: snap(box.maxY) - snap(box.minY))
        canvas.stroke(
            .rectangle(frameRect), style: StrokeStyle(width: spineWidth, cap: .square, join: .miter(limit: 10)),
            color: .spine)
        canvas.endGroup()
        canvas.beginGroup("ticks")
        let tickLength = units.pixels(PlotDefaults.tickLength)
        for tick in decorations.ticks {
            let path: Path =
                tick.isX
                ? .polyline([
                    Point(snap(tick.position), frameRect.maxY), Point(snap(tick.position), frameRect.maxY + tickLength),
                ])
                : .polyline([
                    Point(frameRect.minX, snap(tick.position)), Point(frameRect.minX - tickLength, snap(tick.position)),
                ])
            canvas.stroke(path, style: StrokeStyle(width: spineWidth), color: .spine)
        }
        canvas.endGroup()
        colorBar?.draw(on: &canvas, bar: ColorBar.barBox(beside: box), units: units)
        canvas.beginGroup("labels")
        for text in decorations.texts {
            canvas.draw(text, color: .foreground)
        }
        canvas.endGroup()
        // Legend and note avoid the data and the labels of points outside the view.
        let occupied =
            artists.flatMap { $0.screenPoints(in: frame) }.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) }
            + marks.map(\.label.bounds)
        if let legend {
            Legend.draw(artists.compactMap(\.legendEntry), location: legend, on: &canvas, in: frame, avoiding: occupied)
        }
        NoteBox.draw(note, on: &canvas, in: frame, avoiding: occupied)
        for inset in insets {
            drawInset(inset, on: &canvas, parent: frame, font: font)
        }
        canvas.endGroup()
    }

    /// Draws an inset: the region it magnifies and a dashed line to it, then the inset on a white
    /// backdrop that covers its labels and title too, so that the parent's guides and spines never
    /// run through its text. The inset moves, if need be, so that all of it (labels included)
    /// stays inside the parent's box.
    private func drawInset<C: Canvas>(_ inset: Inset, on canvas: inout C, parent: AxesFrame, font: Font) {
        let box = parent.box
        let margin = parent.units.pixels(3)
        let requested = Rect(
            x: box.minX + inset.bounds.minX * box.width, y: box.maxY - inset.bounds.maxY * box.height,
            width: inset.bounds.width * box.width, height: inset.bounds.height * box.height)
        let extent = { (insetBox: Rect) in
            inset.axes.decorations(in: inset.axes.frame(box: insetBox, cell: box, units: parent.units, font: font))
                .bounds(including: insetBox)
        }
        let overflow = extent(requested)
        let shiftX = max(box.minX + margin - overflow.minX, 0) + min(box.maxX - margin - overflow.maxX, 0)
        let shiftY = max(box.minY + margin - overflow.minY, 0) + min(box.maxY - margin - overflow.maxY, 0)
        let insetBox = Rect(
            x: requested.x + shiftX, y: requested.y + shiftY, width: requested.width, height: requested.height)
        if let limits = inset.region {
            let corner = parent.pixel(limits.x.lowerBound, limits.y.upperBound)
            let opposite = parent.pixel(limits.x.upperBound, limits.y.lowerBound)
            var region = Rect(x: corner.x, y: corner.y, width: opposite.x - corner.x, height: opposite.y - corner.y)
            // A region too small to see is drawn as a 4 pt square around its centre.
            let minimum = parent.units.pixels(4)
            if region.width < minimum || region.height < minimum {
                region = Rect(
                    x: region.center.x - minimum / 2, y: region.center.y - minimum / 2, width: minimum, height: minimum)
            }
            canvas.beginGroup("inset-region")
            canvas.pushClip(box)
            let gray = Color(hex: "#555555")!
            canvas.stroke(
                .rectangle(region), style: StrokeStyle(width: parent.units.pixels(0.8), join: .miter(limit: 10)),
                color: gray)
            let nearest = [
                Point(insetBox.minX, insetBox.minY), Point(insetBox.maxX, insetBox.minY),
                Point(insetBox.minX, insetBox.maxY), Point(insetBox.maxX, insetBox.maxY),
            ]
            .min { ($0 - region.center).length < ($1 - region.center).length }!
            canvas.stroke(
                .polyline([region.center, nearest]),
                style: StrokeStyle(width: parent.units.pixels(0.5), dash: DashPattern([3, 2])), color: gray)
            canvas.popClip()
            canvas.endGroup()
        }
        canvas.beginGroup("inset-backdrop")
        canvas.fill(.rectangle(extent(insetBox).insetBy(-parent.units.pixels(2))), color: .paper)
        canvas.endGroup()
        inset.axes.draw(on: &canvas, box: insetBox, cell: box, units: parent.units, font: font)
    }
}
