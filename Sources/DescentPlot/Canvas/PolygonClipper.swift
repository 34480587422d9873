/// Clips polygons to an axis-aligned rectangle: Sutherland–Hodgman (1974), one rectangle side at a
/// time. The clip rectangle is convex, so the result covers exactly the part of each polygon's
/// inside that lies in the rectangle (concave polygons may gain zero-area bridges along the
/// rectangle's sides, which add nothing to coverage). A polygon wholly inside the rectangle is
/// kept as it is (what the passes would return) and one wholly beyond a side, which has nothing
/// inside it, dropped, without a pass.
enum PolygonClipper {
    static func clip(_ polygons: [Polyline], to rect: Rect) -> [Polyline] {
        let (minX, maxX, minY, maxY) = (rect.minX, rect.maxX, rect.minY, rect.maxY)
        return polygons.compactMap { polygon in
            var points = polygon.points
            // The tests are the passes' own: a point on a side is inside, NaN is outside.
            if points.allSatisfy({ $0.x >= minX && $0.x <= maxX && $0.y >= minY && $0.y <= maxY }) {
                return points.count >= 3 ? Polyline(points: points, isClosed: true) : nil
            }
            if points.allSatisfy({ !($0.x >= minX) }) || points.allSatisfy({ !($0.x <= maxX) })
                || points.allSatisfy({ !($0.y >= minY) }) || points.allSatisfy({ !($0.y <= maxY) })
            {
                return nil
            }
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
