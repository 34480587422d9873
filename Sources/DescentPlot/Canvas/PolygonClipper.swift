/// Clips polygons to an axis-aligned rectangle: Sutherland–Hodgman (1974), one rectangle side at a
/// time. The clip rectangle is convex, so the result covers exactly the part of each polygon's
/// inside that lies in the rectangle (concave polygons may gain zero-area bridges along the
/// rectangle's sides, which add nothing to coverage).
enum PolygonClipper {
    static func clip(_ polygons: [Polyline], to rect: Rect) -> [Polyline] {
        polygons.compactMap { polygon in
            var points = polygon.points
            points = clip(points, keep: { $0.x >= rect.minX }, cross: { a, b in (rect.minX - a.x) / (b.x - a.x) })
            points = clip(points, keep: { $0.x <= rect.maxX }, cross: { a, b in (rect.maxX - a.x) / (b.x - a.x) })
            points = clip(points, keep: { $0.y >= rect.minY }, cross: { a, b in (rect.minY - a.y) / (b.y - a.y) })
            points = clip(points, keep: { $0.y <= rect.maxY }, cross: { a, b in (rect.maxY - a.y) / (b.y - a.y) })
            return points.count >= 3 ? Polyline(points: points, isClosed: true) : nil
        }
    }

    private static func clip(
        _ points: [Point], keep: (Point) -> Bool, cross: (Point, Point) -> Double
    ) -> [Point] {
        guard let last = points.last else { return [] }
        var result: [Point] = []
        result.reserveCapacity(points.count + 4)
        var previous = last
        var previousInside = keep(previous)
        for point in points {
            let inside = keep(point)
            if inside != previousInside {
                result.append(previous.interpolated(to: point, cross(previous, point)))
            }
            if inside { result.append(point) }
            previous = point
            previousInside = inside
        }
        return result
    }
}
