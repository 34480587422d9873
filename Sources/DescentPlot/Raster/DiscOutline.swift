import Foundation

/// The flattened circle of a stroke's round joins and caps, computed once per stroke and moved to
/// each vertex: ``Path/circle(center:radius:)`` flattened at ``Path/flatteningTolerance``, the disc
/// that a round join or cap adds.
///
/// A round join drawn inline in a stroke's outline follows this same polygon between the two
/// segments' outer corners (``appendArc(around:from:to:into:)``), so the outline covers exactly what
/// the disc covers on that side of the vertex.
struct DiscOutline {
    /// The polygon's vertices relative to its centre, in the order the circle is drawn: angle
    /// increasing from 0 (the point (r, 0)).
    private let offsets: [Point]
    /// Each vertex's angle, atan2(y, x) in 0..<2π, increasing along `offsets`.
    private let angles: [Double]

    /// No disc: for strokes with neither round joins nor round caps, which never ask for one.
    init() {
        offsets = []
        angles = []
    }

    /// The flattened circle of radius `radius`.
    init(radius: Double) {
        offsets = Path.circle(center: .zero, radius: radius).flattened().first?.points ?? []
        angles = offsets.map { offset in
            let angle = atan2(offset.y, offset.x)
            return angle < 0 ? angle + 2 * .pi : angle
        }
    }

    /// The disc centred on `center`, as one closed polygon.
    func polygon(at center: Point) -> Polyline {
        Polyline(points: offsets.map { center + $0 }, isClosed: true)
    }

    /// Appends the disc polygon's boundary within the angle from direction `from` to direction `to`
    /// (unit vectors, the shorter way round, less than π apart): where the ray along `from` meets
    /// the polygon, the polygon's vertices strictly between the two rays, and where the ray along
    /// `to` meets it.
    ///
    /// - Complexity: O(vertices of the disc).
    func appendArc(around center: Point, from: Point, to: Point, into points: inout [Point]) {
        guard offsets.count >= 3 else { return }
        if from.cross(to) < 0 {
            // Clockwise: the counter-clockwise arc from `to` to `from`, backwards.
            let start = points.count
            appendCounterClockwiseArc(around: center, from: to, to: from, into: &points)
            points[start...].reverse()
        } else {
            appendCounterClockwiseArc(around: center, from: from, to: to, into: &points)
        }
    }

    private func appendCounterClockwiseArc(around center: Point, from: Point, to: Point, into points: inout [Point]) {
        let count = offsets.count
        var start = atan2(from.y, from.x)
        if start < 0 { start += 2 * .pi }
        let end = start + atan2(from.cross(to), from.dot(to))
        // The first vertex past `from`, counting on past 2π to the start.
        let first = angles.firstIndex { $0 > start } ?? count
        points.append(center + hit(along: from, chordEndingAt: first))
        var index = first
        while index < first + count, angles[index % count] + (index >= count ? 2 * .pi : 0) < end {
            points.append(center + offsets[index % count])
            index += 1
        }
        points.append(center + hit(along: to, chordEndingAt: index))
    }

    /// Where the ray from the centre along `direction` meets the chord from vertex `index − 1` to
    /// vertex `index` (both modulo the count).
    private func hit(along direction: Point, chordEndingAt index: Int) -> Point {
        let count = offsets.count
        let a = offsets[(index - 1 + count) % count]
        let b = offsets[index % count]
        let denominator = (a - b).cross(direction)
        guard denominator != 0 else { return a }
        return a + (b - a) * (a.cross(direction) / denominator)
    }
}
