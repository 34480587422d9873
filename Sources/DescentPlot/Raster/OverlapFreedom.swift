/// Whether a set of closed polygons fills the plane without overlap: the winding number is 0 or
/// one sign's 1 everywhere, so that the rasterizer's exact area is the coverage and its sampling
/// pass (``Rasterizer``) finds nothing to correct. Sets that each pass, and whose bounding boxes
/// do not meet, pass together only when they fill with the same sign: +1 beside −1 within a
/// pixel would cancel in the exact area. A glyph of a well-made font is such a set (outer
/// contours one way, holes the other, none crossing); one of a variable font, whose contours may
/// overlap, need not be.
///
/// The test is conservative: polygons whose edges cross or touch anywhere but at the vertex two
/// consecutive edges share, or that are degenerate (two distinct points, no area), are not judged
/// overlap-free, whether they overlap or not. A polygon of one point, which covers nothing and
/// which the rasterizer passes over, is left out. The test is in floating point: contours that
/// come within a rounding error of each other could be misjudged, and the coverage then be off
/// by an overlap of that size.
enum OverlapFreedom {
    /// The winding number with which `polygons`, each closed, fill the plane, +1 or −1, when they
    /// never overlap themselves or one another; `nil` when they may. They do not when no two edges
    /// meet but consecutive ones at their shared vertex, and the winding number on either side of
    /// every polygon (the others' winding number at one of its vertices, and that plus its own
    /// orientation) is 0 or one common sign's 1. Every region of the plane borders a polygon or is
    /// the outside (winding 0), so that holds everywhere.
    ///
    /// - Complexity: O(n log n + k) for n edges whose x-ranges overlap in k pairs, plus
    ///   O(polygons · n) for the winding numbers. A flattened glyph has tens of edges.
    static func filling(_ polygons: [Polyline]) -> Int? {
        let rings = polygons.map { distinctRing($0.points) }.filter { $0.count >= 2 }
        guard !rings.isEmpty, rings.allSatisfy({ $0.count >= 3 }) else { return nil }
        guard !anyEdgesMeet(rings) else { return nil }
        var sign = 0
        for (index, ring) in rings.enumerated() {
            let area = signedArea(ring)
            guard area != 0, area.isFinite else { return nil }
            let others = rings.indices.reduce(0) { sum, other in
                other == index ? sum : sum + windingNumber(of: ring[0], around: rings[other])
            }
            for winding in [others, others + (area > 0 ? 1 : -1)] where winding != 0 {
                guard abs(winding) == 1, sign == 0 || winding == sign else { return nil }
                sign = winding
            }
        }
        return sign
    }

    /// `points` without consecutive repeats, the last not repeating the first.
    private static func distinctRing(_ points: [Point]) -> [Point] {
        var ring: [Point] = []
        ring.reserveCapacity(points.count)
        for point in points where ring.last != point { ring.append(point) }
        while ring.count > 1, ring.last == ring.first { ring.removeLast() }
        return ring
    }

    /// Twice the signed area of the closed ring (shoelace), positive for one orientation.
    private static func signedArea(_ ring: [Point]) -> Double {
        var sum = 0.0
        for index in ring.indices {
            let (a, b) = (ring[index], ring[(index + 1) % ring.count])
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }

    /// The winding number of the closed `ring` around `point` (Sunday's crossing rule: upward
    /// crossings to the point's right count +1, downward −1).
    private static func windingNumber(of point: Point, around ring: [Point]) -> Int {
        var winding = 0
        for index in ring.indices {
            let (a, b) = (ring[index], ring[(index + 1) % ring.count])
            let side = (b.x - a.x) * (point.y - a.y) - (point.x - a.x) * (b.y - a.y)
            if a.y <= point.y {
                if b.y > point.y, side > 0 { winding += 1 }
            } else if b.y <= point.y, side < 0 {
                winding -= 1
            }
        }
        return winding
    }

    /// One edge of a ring: its ends, which ring it is on and where.
    private struct Edge {
        let a: Point
        let b: Point
        let ring: Int
        let index: Int
        var minX: Double { min(a.x, b.x) }
        var maxX: Double { max(a.x, b.x) }
    }

    /// Whether any two edges of `rings` meet (cross, touch or run along each other), other than two
    /// consecutive edges of one ring at their shared vertex (unless they fold back along each
    /// other). Edges are swept in order of their left ends; only those whose x-ranges overlap are
    /// compared.
    private static func anyEdgesMeet(_ rings: [[Point]]) -> Bool {
        var edges: [Edge] = []
        for (ring, points) in rings.enumerated() {
            for index in points.indices {
                edges.append(Edge(a: points[index], b: points[(index + 1) % points.count], ring: ring, index: index))
            }
        }
        edges.sort { $0.minX < $1.minX }
        for first in edges.indices {
            let e = edges[first]
            var second = first + 1
            while second < edges.count, edges[second].minX <= e.maxX {
                let f = edges[second]
                second += 1
                if e.ring == f.ring, let shared = sharedVertex(e, f, ringLength: rings[e.ring].count) {
                    // Consecutive edges: they may only meet at that vertex, not fold back over it.
                    let (p, q) = shared
                    if cross(e.a, e.b, p) == 0 && cross(e.a, e.b, q) == 0 && dot(e, f) < 0 { return true }
                    continue
                }
                if segmentsMeet(e.a, e.b, f.a, f.b) { return true }
            }
        }
        return false
    }

    /// For consecutive edges of a ring of `ringLength` points, the far ends of the two (their
    /// shared vertex left out); `nil` for edges that are not consecutive.
    private static func sharedVertex(_ e: Edge, _ f: Edge, ringLength: Int) -> (Point, Point)? {
        if (e.index + 1) % ringLength == f.index { return (e.a, f.b) }
        if (f.index + 1) % ringLength == e.index { return (f.a, e.b) }
        return nil
    }

    /// The cross product of `b − a` and `c − a`: its sign tells on which side of a→b `c` lies.
    private static func cross(_ a: Point, _ b: Point, _ c: Point) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// The dot product of two edges' directions.
    private static func dot(_ e: Edge, _ f: Edge) -> Double {
        (e.b.x - e.a.x) * (f.b.x - f.a.x) + (e.b.y - e.a.y) * (f.b.y - f.a.y)
    }

    /// Whether the closed segments p1–p2 and q1–q2 share a point: they cross, or an end of one
    /// lies on the other (which counts touching and running along each other).
    private static func segmentsMeet(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> Bool {
        let d1 = cross(q1, q2, p1)
        let d2 = cross(q1, q2, p2)
        let d3 = cross(p1, p2, q1)
        let d4 = cross(p1, p2, q2)
        if (d1 == 0 && within(q1, q2, p1)) || (d2 == 0 && within(q1, q2, p2)) || (d3 == 0 && within(p1, p2, q1))
            || (d4 == 0 && within(p1, p2, q2))
        {
            return true
        }
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// Whether `c`, on the line through `a` and `b`, lies between them.
    private static func within(_ a: Point, _ b: Point, _ c: Point) -> Bool {
        c.x >= min(a.x, b.x) && c.x <= max(a.x, b.x) && c.y >= min(a.y, b.y) && c.y <= max(a.y, b.y)
    }
}
