import Foundation

/// Data points an artist shows that are never lost from sight: those outside the view are marked
/// at the axes' edge by ``OutsideViewMarks`` (``Artist/trackedPoints``).
public struct TrackedPoints: Sendable {
    /// The points, in data coordinates: (xs[i], ys[i]).
    public var xs: [Double]
    public var ys: [Double]
    /// The colour of their marks: the artist's.
    public var color: Color
    /// When each point appears in an animated figure (as ``LineArtist/revealTimes``); a mark
    /// appears with the first of its points. Default: nil (all at once).
    public var revealTimes: [Double]?

    /// - Precondition: `xs`, `ys` and `revealTimes` (if any) have one element per point.
    public init(xs: [Double], ys: [Double], color: Color, revealTimes: [Double]? = nil) {
        precondition(xs.count == ys.count, "\(xs.count) x values for \(ys.count) y values")
        precondition(revealTimes.map { $0.count == xs.count } ?? true, "one reveal time per point")
        self.xs = xs
        self.ys = ys
        self.color = color
        self.revealTimes = revealTimes
    }
}

/// Shows where the points of a line that fall outside the view went: for each edge region they
/// leave through, an arrow head just inside the axes box pointing towards them, the number of
/// points, and the coordinates of the farthest one. DESIGN.md §5: points outside the axes are
/// never silently lost.
enum OutsideViewMarks {
    /// One mark: an arrow head at the edge and its label.
    struct Mark {
        let tip: Point
        let direction: Point
        let label: PlacedText
        let color: Color
        /// When the mark appears in an animated figure: with the first of its points. Default: nil.
        var time: Double? = nil
    }

    /// Draws the marks (their labels were placed clear of the points).
    static func draw<C: Canvas>(_ marks: [Mark], on canvas: inout C, in frame: AxesFrame) {
        guard !marks.isEmpty else { return }
        canvas.beginGroup("outside-view")
        for mark in marks {
            if let time = mark.time { canvas.beginReveal(.at(time)) }
            defer { if mark.time != nil { canvas.endReveal() } }
            Arrow.head(
                on: &canvas, tip: mark.tip, direction: mark.direction, length: frame.units.pixels(7), color: mark.color)
            canvas.fill(
                .rectangle(mark.label.bounds.insetBy(-frame.units.pixels(1.5))), color: Color.paper.withAlpha(0.85))
            canvas.draw(mark.label, color: mark.color)
        }
        canvas.endGroup()
    }

    /// The marks for the `tracked` points outside the view, their labels placed clear of the
    /// drawn points `avoiding` where possible.
    static func marks(for tracked: TrackedPoints, in frame: AxesFrame, avoiding points: [Point]) -> [Mark] {
        let outside = zip(tracked.xs, tracked.ys).enumerated().filter { !frame.contains($0.element.0, $0.element.1) }
        guard !outside.isEmpty else { return [] }
        let box = frame.box
        let inset = frame.units.pixels(9)
        let inner = box.insetBy(inset)
        // Group the points by the place on the edge where their mark would sit.
        var groups: [(anchor: Point, direction: Point, points: [(x: Double, y: Double)], first: Int)] = []
        for (offset, (x, y)) in outside {
            let target = frame.pixel(x, y)
            let (anchor, direction) = edgeAnchor(for: target, in: inner)
            if let index = groups.firstIndex(where: { ($0.anchor - anchor).length < frame.units.pixels(14) }) {
                groups[index].points.append((x, y))
            } else {
                groups.append((anchor, direction, [(x, y)], offset))
            }
        }
        return groups.map { group in
            let length = frame.units.pixels(7)
            let farthest = group.points.max { $0.x * $0.x + $0.y * $0.y < $1.x * $1.x + $1.y * $1.y }!
            let count = group.points.count == 1 ? "" : "\(group.points.count) points, farthest "
            let text = RichText(
                spans: [TextSpan(count + "(")] + ValueText.spans(farthest.x) + [TextSpan(", ")]
                    + ValueText.spans(farthest.y) + [TextSpan(")")])
            let layout = frame.layout(text, points: 8)
            let horizontal: HorizontalAnchor =
                group.direction.x > 0.3 ? .right : (group.direction.x < -0.3 ? .left : .center)
            let vertical: VerticalAnchor =
                group.direction.y > 0.3 ? .bottom : (group.direction.y < -0.3 ? .top : .center)
            let back = group.anchor - group.direction * frame.units.pixels(7)
            // Beside the arrow, or slid along the edge either way, whichever hides no point.
            let along = group.direction.perpendicular * (layout.width / 2 + frame.units.pixels(8))
            let candidates = [back, back + along, back - along].map { anchor -> PlacedText in
                let placed = PlacedText(layout, at: anchor, horizontal: horizontal, vertical: vertical)
                return PlacedText(
                    layout, at: anchor + insideShift(placed.bounds, box), horizontal: horizontal, vertical: vertical)
            }
            let placed =
                candidates.first { candidate in
                    !points.contains { candidate.bounds.insetBy(-frame.units.pixels(4)).contains($0) }
                } ?? candidates[0]
            return Mark(
                tip: group.anchor + group.direction * (length / 2), direction: group.direction, label: placed,
                color: tracked.color, time: tracked.revealTimes?[group.first])
        }
    }

    /// How far to move `bounds` to bring it inside `box` (with 2 px to spare).
    private static func insideShift(_ bounds: Rect, _ box: Rect) -> Point {
        Point(
            bounds.minX < box.minX + 2
                ? box.minX + 2 - bounds.minX : (bounds.maxX > box.maxX - 2 ? box.maxX - 2 - bounds.maxX : 0),
            bounds.minY < box.minY + 2
                ? box.minY + 2 - bounds.minY : (bounds.maxY > box.maxY - 2 ? box.maxY - 2 - bounds.maxY : 0))
    }

    /// Where on `inner`'s boundary the ray from its centre towards `target` leaves it, and the
    /// ray's direction.
    private static func edgeAnchor(for target: Point, in inner: Rect) -> (Point, Point) {
        let center = inner.center
        var direction = target - center
        if !direction.x.isFinite || !direction.y.isFinite {
            direction = Point(
                direction.x.isFinite ? 0 : (direction.x > 0 ? 1 : -1),
                direction.y.isFinite ? 0 : (direction.y > 0 ? 1 : -1))
        }
        direction = direction.normalized
        let tx = direction.x == 0 ? Double.infinity : (inner.width / 2) / abs(direction.x)
        let ty = direction.y == 0 ? Double.infinity : (inner.height / 2) / abs(direction.y)
        return (center + direction * min(tx, ty), direction)
    }
}
