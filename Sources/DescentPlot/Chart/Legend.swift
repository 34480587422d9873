/// Where a legend goes: a corner or side of the axes, or `best`, the place that hides the
/// fewest drawn points (matplotlib's `loc='best'`, same candidate order).
public enum LegendLocation: CaseIterable, Sendable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight, centerLeft, centerRight, lowerCenter, upperCenter, center
}

/// The legend: a ``TextBox`` with a row per labelled artist, a 2 em sample of its line and marker
/// then its label, as matplotlib's (0.4 em padding, 0.5 em between rows).
enum Legend {
    /// Draws `entries` at `location`; `best` avoids the `occupied` rectangles (see
    /// ``place(width:height:location:in:avoiding:)``). Nothing without entries.
    static func draw<C: Canvas>(
        _ entries: [LegendEntry], location: LegendLocation, on canvas: inout C, in frame: AxesFrame,
        avoiding occupied: [Rect]
    ) {
        guard !entries.isEmpty else { return }
        let units = frame.units
        let fontSize = PlotDefaults.fontSize
        let em = units.pixels(fontSize * frame.textScale)
        let handleLength = 2 * em
        let handleGap = 0.8 * em
        let box = TextBox(
            rows: entries.map { frame.layout(RichText($0.label), points: fontSize) }, padding: 0.4 * em,
            indent: [handleLength, handleGap], rowGap: 0.5 * em)
        let chosen = place(width: box.width, height: box.height, location: location, in: frame, avoiding: occupied)
        canvas.beginGroup("legend")
        box.drawBackground(chosen, opacity: 0.8, on: &canvas, units: units)
        for (index, (entry, layout)) in zip(entries, box.rows).enumerated() {
            let middle = box.rowTop(index, in: chosen) + box.rowHeight / 2
            let handleStart = chosen.minX + box.padding
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
