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
    /// Places tick labels, axis labels and title around `frame.box`, as matplotlib places them:
    /// the x ticks (and their offset text) below, the y ticks left, the y offset text above the
    /// top left corner, the axis labels beyond the tick labels, the title on top; texts are added
    /// in that order, which is the order they are drawn in.
    func decorations(in frame: AxesFrame) -> Decorations {
        var result = Decorations()
        let (xTicksBottom, xOffsetText) = addTicks(alongX: true, in: frame, to: &result)
        let xLabelTop = addXOffsetText(xOffsetText, below: xTicksBottom, in: frame, to: &result)
        let (yLabelRight, yOffsetText) = addTicks(alongX: false, in: frame, to: &result)
        let titleBase = addYOffsetText(yOffsetText, in: frame, to: &result)
        addAxisLabels(in: frame, xLabelTop: xLabelTop, yLabelRight: yLabelRight, to: &result)
        if let title {
            result.texts.append(placedTitle(title, at: titleBase, in: frame))
        }
        if let colorBar {
            result.texts += colorBar.texts(beside: ColorBar.barBox(beside: frame.box), in: frame)
        }
        return result
    }

    /// How far tick labels sit from the box: the tick's length and its pad.
    private func tickOut(_ frame: AxesFrame) -> Double {
        frame.units.pixels(PlotDefaults.tickLength + PlotDefaults.tickPad)
    }

    /// Adds the ticks of one axis, at most one interval per 3 ems along x and 2 along y, and
    /// their labels: centred below the box for x, right-aligned left of it for y. Returns how far
    /// the labels reach from the box (the lowest bottom for x, the leftmost edge for y) and the
    /// axis's offset text (×10ⁿ, + offset), if any, for the caller to place.
    private func addTicks(alongX isX: Bool, in frame: AxesFrame, to result: inout Decorations) -> (
        reach: Double, offsetText: RichText?
    ) {
        let box = frame.box
        let (limits, scale) = isX ? (frame.xLimits, frame.xScale) : (frame.yLimits, frame.yScale)
        let ticks = visibleTicks(
            limits, scale: scale, length: isX ? box.width : box.height,
            spacing: (isX ? 3 : 2) * frame.units.pixels(PlotDefaults.fontSize * textScale))
        let labels = TickFormatter.labels(for: ticks, lower: limits.lowerBound, upper: limits.upperBound, scale: scale)
        let base = isX ? box.maxY + tickOut(frame) : box.minX - tickOut(frame)
        var reach = base
        for (value, label) in zip(ticks, labels.labels) {
            let position =
                isX ? frame.pixel(value, frame.yLimits.lowerBound).x : frame.pixel(frame.xLimits.lowerBound, value).y
            result.ticks.append(Decorations.Tick(position: position, isX: isX))
            let placed = PlacedText(
                frame.layout(label, points: PlotDefaults.fontSize),
                at: isX ? Point(position, base) : Point(base, position), horizontal: isX ? .center : .right,
                vertical: isX ? .top : .center)
            reach = isX ? max(reach, placed.bounds.maxY) : min(reach, placed.bounds.minX)
            result.texts.append(placed)
        }
        return (reach, labels.offsetText)
    }

    /// Adds the x axis's `offsetText`, if any, right-aligned under the right end of the box below
    /// `top`; returns the bottom of what is there, where the x label goes.
    private func addXOffsetText(
        _ offsetText: RichText?, below top: Double, in frame: AxesFrame, to result: inout Decorations
    )
        -> Double
    {
        guard let offsetText else { return top }
        let placed = PlacedText(
            frame.layout(offsetText, points: PlotDefaults.fontSize), at: Point(frame.box.maxX, top), horizontal: .right,
            vertical: .top)
        result.texts.append(placed)
        return placed.bounds.maxY
    }

    /// Adds the y axis's `offsetText`, if any, above the top left corner of the box; returns
    /// where the title sits: on its baseline at the title pad above the box, or with its bottom
    /// above the offset text when that reaches higher.
    private func addYOffsetText(_ offsetText: RichText?, in frame: AxesFrame, to result: inout Decorations) -> (
        y: Double, anchor: VerticalAnchor
    ) {
        let box = frame.box
        let units = frame.units
        let titleBaseline = box.minY - units.pixels(PlotDefaults.titlePad * textScale)
        guard let offsetText else { return (titleBaseline, .baseline) }
        let placed = PlacedText(
            frame.layout(offsetText, points: PlotDefaults.fontSize), at: Point(box.minX, box.minY - units.pixels(2)),
            horizontal: .left, vertical: .bottom)
        result.texts.append(placed)
        return (min(titleBaseline, placed.bounds.minY - units.pixels(2)), .bottom)
    }

    /// Adds the x label, centred a label pad below `xLabelTop`, and the y label, turned to read
    /// upwards, a label pad left of `yLabelRight`.
    private func addAxisLabels(
        in frame: AxesFrame, xLabelTop: Double, yLabelRight: Double, to result: inout Decorations
    ) {
        let box = frame.box
        let labelPad = frame.units.pixels(PlotDefaults.labelPad * textScale)
        if let xLabel {
            result.texts.append(
                PlacedText(
                    frame.layout(xLabel, points: PlotDefaults.fontSize), at: Point(box.center.x, xLabelTop + labelPad),
                    horizontal: .center, vertical: .top))
        }
        if let yLabel {
            result.texts.append(
                PlacedText(
                    frame.layout(yLabel, points: PlotDefaults.fontSize),
                    at: Point(yLabelRight - labelPad, box.center.y),
                    horizontal: .center, vertical: .bottom, rotation: .pi / 2))
        }
    }

    /// The title at `base`, ``fitted(_:points:width:frame:)`` to the cell, centred over the box
    /// but moved sideways as needed to stay inside the cell.
    private func placedTitle(_ title: RichText, at base: (y: Double, anchor: VerticalAnchor), in frame: AxesFrame)
        -> PlacedText
    {
        let units = frame.units
        let layout = fitted(
            title, points: PlotDefaults.titleSize, width: frame.cell.width - units.pixels(4), frame: frame)
        let half = layout.width / 2
        let x = min(
            max(frame.box.center.x, frame.cell.minX + half + units.pixels(2)), frame.cell.maxX - half - units.pixels(2))
        return PlacedText(layout, at: Point(x, base.y), horizontal: .center, vertical: base.anchor)
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
}
