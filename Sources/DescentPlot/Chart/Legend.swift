/// Where a legend goes: a corner or side of the axes, or `best`, the place that hides the
/// fewest drawn points (matplotlib's `loc='best'`, same candidate order).
public enum LegendLocation: CaseIterable, Sendable {
    /// Where the legend box covers the fewest drawn points and texts, trying the places below in
    /// matplotlib's order (upper right first), then a 5 × 5 grid of others for when all nine are
    /// taken; ties go to the earlier place.
    case best
    /// The upper right corner.
    case upperRight
    /// The upper left corner.
    case upperLeft
    /// The lower left corner.
    case lowerLeft
    /// The lower right corner.
    case lowerRight
    /// The middle of the left side.
    case centerLeft
    /// The middle of the right side.
    case centerRight
    /// The middle of the bottom side.
    case lowerCenter
    /// The middle of the top side.
    case upperCenter
    /// The centre of the axes.
    case center
}

enum Legend {
    static func draw<C: Canvas>(
        _ entries: [LegendEntry], location: LegendLocation, on canvas: inout C, in frame: AxesFrame,
        avoiding occupied: [Rect]
    ) {
        guard !entries.isEmpty else { return }
        let units = frame.units
        let fontSize = PlotDefaults.fontSize
        let em = units.pixels(fontSize * frame.textScale)
        let layouts = entries.map { frame.layout(RichText($0.label), points: fontSize) }
        let handleLength = 2 * em
        let handleGap = 0.8 * em
        let padding = 0.4 * em
        let rowGap = 0.5 * em
        let rowHeight = layouts[0].ascent + layouts[0].descent
        let width = padding * 2 + handleLength + handleGap + (layouts.map(\.width).max() ?? 0)
        let height = padding * 2 + Double(entries.count) * rowHeight + Double(entries.count - 1) * rowGap
        let chosen = place(width: width, height: height, location: location, in: frame, avoiding: occupied)
        canvas.beginGroup("legend")
        canvas.fill(.rectangle(chosen), color: Color.paper.withAlpha(0.8))
        canvas.stroke(
            .rectangle(chosen), style: StrokeStyle(width: units.pixels(0.8), join: .miter(limit: 10)),
            color: .boxEdge)
        for (index, (entry, layout)) in zip(entries, layouts).enumerated() {
            let rowTop = chosen.minY + padding + Double(index) * (rowHeight + rowGap)
            let middle = rowTop + rowHeight / 2
            let handleStart = chosen.minX + padding
            if entry.lineStyle != .none {
                let pixels = units.pixels(entry.lineWidth)
                canvas.stroke(
                    .polyline([Point(handleStart, middle), Point(handleStart + handleLength, middle)]),
                    style: StrokeStyle(
                        width: pixels, cap: entry.lineStyle.cap, dash: entry.lineStyle.dashPattern(width: pixels)),
                    color: entry.color)
            }
            entry.marker?.draw(
                on: &canvas, at: Point(handleStart + handleLength / 2, middle), color: entry.color, units: units)
            canvas.draw(
                PlacedText(layout, at: Point(handleStart + handleLength + handleGap, middle), vertical: .center),
                color: .foreground)
        }
        canvas.endGroup()
    }

    /// The rectangle of `width` × `height` at `location` inside the axes box, half an em from its
    /// edges; for `best`, the candidate (in matplotlib's order) that covers the fewest of the
    /// `occupied` rectangles (zero-size ones are points; a covered label weighs as 5 points).
    static func place(
        width: Double, height: Double, location: LegendLocation, in frame: AxesFrame, avoiding occupied: [Rect]
    ) -> Rect {
        let border = 0.5 * frame.units.pixels(PlotDefaults.fontSize * frame.textScale)
        let box = frame.box
        func rect(at location: LegendLocation) -> Rect {
            let left = box.minX + border
            let right = box.maxX - border - width
            let middleX = box.center.x - width / 2
            let top = box.minY + border
            let bottom = box.maxY - border - height
            let middleY = box.center.y - height / 2
            let (x, y): (Double, Double)
            switch location {
            case .best, .upperRight: (x, y) = (right, top)
            case .upperLeft: (x, y) = (left, top)
            case .lowerLeft: (x, y) = (left, bottom)
            case .lowerRight: (x, y) = (right, bottom)
            case .centerLeft: (x, y) = (left, middleY)
            case .centerRight: (x, y) = (right, middleY)
            case .lowerCenter: (x, y) = (middleX, bottom)
            case .upperCenter: (x, y) = (middleX, top)
            case .center: (x, y) = (middleX, middleY)
            }
            return Rect(x: x, y: y, width: width, height: height)
        }
        guard location == .best else { return rect(at: location) }
        func cost(_ candidate: Rect) -> Int {
            occupied.reduce(0) { total, rect in
                if rect.width == 0 && rect.height == 0 {
                    return total + (candidate.contains(Point(rect.x, rect.y)) ? 1 : 0)
                }
                return total + (candidate.intersects(rect) ? 5 : 0)
            }
        }
        // matplotlib's nine places first; then a 5 × 5 grid of others, for when all nine are taken.
        var candidates = LegendLocation.allCases.dropFirst().map(rect)
        for row in 0..<5 {
            for column in 0..<5 {
                let x = box.minX + border + (box.width - 2 * border - width) * Double(column) / 4
                let y = box.minY + border + (box.height - 2 * border - height) * Double(row) / 4
                candidates.append(Rect(x: x, y: y, width: width, height: height))
            }
        }
        return candidates.min { cost($0) < cost($1) }!
    }
}

/// Lines of explanation in a translucent box, placed like a `best` legend where they hide the
/// fewest points: what a failing run did, in words, inside its panel.
enum NoteBox {
    static func draw<C: Canvas>(_ lines: [RichText], on canvas: inout C, in frame: AxesFrame, avoiding occupied: [Rect])
    {
        guard !lines.isEmpty else { return }
        let size = 8.0
        let layouts = lines.map { frame.layout($0, points: size) }
        let padding = frame.units.pixels(4 * frame.textScale)
        let rowHeight = layouts[0].ascent + layouts[0].descent
        let width = 2 * padding + (layouts.map(\.width).max() ?? 0)
        let height = 2 * padding + Double(lines.count) * rowHeight
        let box = Legend.place(width: width, height: height, location: .best, in: frame, avoiding: occupied)
        canvas.beginGroup("note")
        canvas.fill(.rectangle(box), color: Color.paper.withAlpha(0.85))
        canvas.stroke(
            .rectangle(box), style: StrokeStyle(width: frame.units.pixels(0.8), join: .miter(limit: 10)),
            color: .boxEdge)
        for (index, layout) in layouts.enumerated() {
            let top = box.minY + padding + Double(index) * rowHeight
            canvas.draw(PlacedText(layout, at: Point(box.minX + padding, top), vertical: .top), color: .foreground)
        }
        canvas.endGroup()
    }
}
