import Foundation

/// Shows where the points of a line that fall outside the view went: for each edge region they
/// leave through, an arrow head just inside the axes box pointing towards them, the number of
/// points, and the coordinates of the farthest one. DESIGN.md §5: points outside the axes are
/// never silently lost.
enum OutsideViewMarks {
    static func draw<C: Canvas>(_ line: LineArtist, on canvas: inout C, in frame: AxesFrame) {
        let outside = line.pointsOutsideView(in: frame)
        guard !outside.isEmpty else { return }
        let box = frame.box
        let inset = frame.units.pixels(9)
        let inner = box.insetBy(inset)
        // Group the points by the place on the edge where their mark would sit.
        var groups: [(anchor: Point, direction: Point, points: [(x: Double, y: Double)])] = []
        for point in outside {
            let target = frame.pixel(point.x, point.y)
            let (anchor, direction) = edgeAnchor(for: target, in: inner)
            if let index = groups.firstIndex(where: { ($0.anchor - anchor).length < frame.units.pixels(14) }) {
                groups[index].points.append(point)
            } else {
                groups.append((anchor, direction, [point]))
            }
        }
        canvas.beginGroup("outside-view")
        for group in groups {
            let length = frame.units.pixels(7)
            Arrow.head(on: &canvas, tip: group.anchor + group.direction * (length / 2), direction: group.direction, length: length, color: line.color)
            let farthest = group.points.max { $0.x * $0.x + $0.y * $0.y < $1.x * $1.x + $1.y * $1.y }!
            let count = group.points.count == 1 ? "" : "\(group.points.count) points, farthest "
            let text = RichText(spans: [TextSpan(count + "(")] + ValueText.spans(farthest.x) + [TextSpan(", ")] + ValueText.spans(farthest.y) + [TextSpan(")")])
            let layout = frame.layout(text, points: 8)
            let horizontal: HorizontalAnchor = group.direction.x > 0.3 ? .right : (group.direction.x < -0.3 ? .left : .center)
            let vertical: VerticalAnchor = group.direction.y > 0.3 ? .bottom : (group.direction.y < -0.3 ? .top : .center)
            let back = group.anchor - group.direction * frame.units.pixels(7)
            var placed = PlacedText(layout, at: back, horizontal: horizontal, vertical: vertical)
            // Keep the label inside the box.
            let bounds = placed.bounds
            let shift = Point(
                bounds.minX < box.minX + 2 ? box.minX + 2 - bounds.minX : (bounds.maxX > box.maxX - 2 ? box.maxX - 2 - bounds.maxX : 0),
                bounds.minY < box.minY + 2 ? box.minY + 2 - bounds.minY : (bounds.maxY > box.maxY - 2 ? box.maxY - 2 - bounds.maxY : 0))
            placed = PlacedText(layout, at: back + shift, horizontal: horizontal, vertical: vertical)
            canvas.fill(.rectangle(placed.bounds.insetBy(-frame.units.pixels(1.5))), color: Color.white.withAlpha(0.85))
            canvas.draw(placed, color: line.color)
        }
        canvas.endGroup()
    }

    /// Where on `inner`'s boundary the ray from its centre towards `target` leaves it, and the
    /// ray's direction.
    private static func edgeAnchor(for target: Point, in inner: Rect) -> (Point, Point) {
        let center = inner.center
        var direction = target - center
        if !direction.x.isFinite || !direction.y.isFinite {
            direction = Point(direction.x.isFinite ? 0 : (direction.x > 0 ? 1 : -1), direction.y.isFinite ? 0 : (direction.y > 0 ? 1 : -1))
        }
        direction = direction.normalized
        let tx = direction.x == 0 ? Double.infinity : (inner.width / 2) / abs(direction.x)
        let ty = direction.y == 0 ? Double.infinity : (inner.height / 2) / abs(direction.y)
        return (center + direction * min(tx, ty), direction)
    }
}

/// Numbers in annotations: 3 significant digits, and ×10ⁿ with a real superscript beyond
/// 10⁻³…10⁴.
public enum ValueText {
    public static func spans(_ value: Double) -> [TextSpan] {
        guard value.isFinite else { return [TextSpan(value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞"))] }
        if value == 0 { return [TextSpan("0")] }
        let exponent = Int(floor(log10(abs(value))))
        if (-3...4).contains(exponent) { return [TextSpan(ShortestNumber.format(Double(String(format: "%.3g", value))!))] }
        let mantissa = value / pow(10, Double(exponent))
        return RichText.power(base: String(format: "%.2f", mantissa) + "×10", exponent: "\(exponent)").spans
    }

    public static func text(_ value: Double) -> RichText { RichText(spans: spans(value)) }
}
