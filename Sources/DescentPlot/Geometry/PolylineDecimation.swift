/// Thins a dense polyline whose x never decreases (a series over iterations) without changing what
/// it looks like: within each pixel column it keeps the first, lowest, highest and last point (the
/// M4 aggregation of Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
/// VLDB 2014). Every column then spans the same vertical range as before and the line enters and
/// leaves it at the same places, so the rendering differs only inside anti-aliased edges; a
/// 10,000-point loss curve on a 496-pixel axis keeps at most 1,984 points.
///
/// - Complexity: O(n).
public enum PolylineDecimation {
    /// `points` (in pixels) thinned to at most four per pixel column, or unchanged when x ever
    /// decreases or there are fewer points than four per column anyway.
    ///
    /// - Complexity: O(n) for n points.
    public static func decimate(_ points: [Point]) -> [Point] {
        keptIndices(points).map { points[$0] }
    }

    /// The indices, increasing, of the points ``decimate(_:)`` keeps.
    ///
    /// - Complexity: O(n) for n points.
    public static func keptIndices(_ points: [Point]) -> [Int] {
        guard let first = points.first, let last = points.last, points.count > 8 else { return Array(points.indices) }
        let columns = Int((last.x - first.x).rounded(.up)) + 1
        guard points.count > 4 * columns, zip(points, points.dropFirst()).allSatisfy({ $0.x <= $1.x }) else {
            return Array(points.indices)
        }
        var result: [Int] = []
        result.reserveCapacity(4 * columns)
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start
            var lowest = start
            var highest = start
            while end + 1 < points.count, points[end + 1].x.rounded(.down) == column {
                end += 1
                if points[end].y < points[lowest].y { lowest = end }
                if points[end].y > points[highest].y { highest = end }
            }
            result += Set([start, lowest, highest, end]).sorted()
            start = end + 1
        }
        return result
    }
}
