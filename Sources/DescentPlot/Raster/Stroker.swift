/// Turns strokes into filled outlines for the rasterizer: the standard stroker, which outlines the
/// band a polyline sweeps as one polygon per stretch of it, with the joins inline.
///
/// A stroke is, by definition (SVG's and matplotlib's), the union of simple pieces: a rectangle per
/// segment, a join piece at each vertex (bevel triangle, miter quadrilateral or disc, on the outer
/// side of the turn) and a cap piece at each open end. Filling those pieces with the non-zero rule
/// paints the union, but every row of a thin curve then overlaps itself, which ``Rasterizer`` can
/// only correct by sampling (8 lines a row, within 8-line supersampling of exact, and several times
/// the cost of its exact area). Instead, along each maximal stretch of vertices that allow it, the
/// outline is the band's boundary: the right offset forward and the left offset backward (a closed
/// polyline drawn inline all round gives two loops, the right one forward and the left one
/// backward), with at each vertex (``StrokeCorner``)
/// - on the outer side of the turn the join inline: the bevel's two corners, the miter's tip, or
///   the round join's disc between the corners;
/// - on the inner side the point where the two inner offset lines meet, h · tan(θ/2) back along
///   each segment for a turn θ at half-width h;
/// - nothing more at a vertex where the path runs straight on.
///
/// Cut across at every vertex, the outline is the sum of one quadrilateral per segment (its
/// rectangle less the triangles beyond the inner point) and one piece per vertex (the join and the
/// kite between the inner point and the outer corners), all with one orientation. It covers the
/// union of the pieces exactly when each of those is a simple polygon and the parts of the pieces
/// that the cut takes off (the rectangles' inner corners, a disc's halves over the segments) lie
/// in the neighbouring quadrilaterals: when every segment is at least as long as the reaches
/// (``StrokeCorner/reach``) of the vertices drawn inline at its two ends together. A vertex where
/// that fails (a hairpin, a U-turn tighter than the width, a reversal, a corner onto a segment
/// shorter than the corner's reach) ends the stretch and starts the next; the two meet in a butt
/// end there and the join is added as a piece of its own, so the union is the same. The greedy
/// choice goes along the polyline: a vertex is drawn inline when it fits with the one before.
///
/// All polygons have one orientation (positive signed area) and are filled non-zero. Where a
/// stretch's band crosses itself (a line that crosses itself, a long hairpin) the winding number
/// is 2, and where a separate join or cap overlaps a stretch, the rasterizer's overlap correction
/// covers it once; everywhere else the outline never overlaps itself and its coverage is the exact
/// area. Square caps are inline (the band starts and ends half a width beyond the end points);
/// round caps are discs of their own. Dashes (``Dasher``) are stroked the same way, each on its own.
///
/// - Complexity: O(points) per polyline (O(points + disc vertices) with round joins), one polygon
///   per stretch.
enum Stroker {
    /// The outline of `polylines` stroked with `style`. With `visible`, dashes wholly outside it
    /// (widened by the stroke's reach) are not made (see ``Dasher``).
    ///
    /// With `piecewise`, every vertex ends a stretch and caps stay pieces: the outline is the union
    /// of one rectangle per segment, one join piece per vertex and one piece per cap, which is how
    /// the stroke is defined and what the tests compare the outline with. Default: false.
    static func outline(
        of polylines: [Polyline], style: StrokeStyle, visible: Rect? = nil, piecewise: Bool = false
    ) -> [Polyline] {
        let halfWidth = style.width / 2
        guard halfWidth > 0 else { return [] }
        // A miter reaches out to limit × the width at most; caps and round joins less.
        var reach = style.width + 1
        if case .miter(let limit) = style.join { reach = style.width * max(1, limit) + 1 }
        let lines =
            style.dash.map { Dasher.dash(polylines, pattern: $0, within: visible?.insetBy(-reach)) } ?? polylines
        let disc = style.join == .round || style.cap == .round ? DiscOutline(radius: halfWidth) : DiscOutline()
        var stroke = Stroke(style: style, halfWidth: halfWidth, disc: disc, piecewise: piecewise)
        for polyline in lines {
            stroke.add(polyline)
        }
        return stroke.polygons
    }
}

/// One stroke's outline under construction: ``Stroker``'s stretches and pieces, polyline after
/// polyline, into `polygons`.
private struct Stroke {
    let style: StrokeStyle
    let halfWidth: Double
    let disc: DiscOutline
    let piecewise: Bool
    private(set) var polygons: [Polyline] = []
    /// The stretch under way: its right side forward and its left side forward.
    private var right: [Point] = []
    private var left: [Point] = []

    init(style: StrokeStyle, halfWidth: Double, disc: DiscOutline, piecewise: Bool) {
        self.style = style
        self.halfWidth = halfWidth
        self.disc = disc
        self.piecewise = piecewise
    }

    mutating func add(_ polyline: Polyline) {
        var points: [Point] = []
        points.reserveCapacity(polyline.points.count)
        for point in polyline.points where points.last != point {
            points.append(point)
        }
        if polyline.isClosed, points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count > 1 else {
            if let point = points.first, !polyline.isClosed {
                polygons += Stroker.dot(at: point, cap: style.cap, halfWidth: halfWidth, disc: disc)
            }
            return
        }
        let count = points.count
        let closed = polyline.isClosed && count > 2
        let segmentCount = closed ? count : count - 1
        var directions: [Point] = []
        var lengths: [Double] = []
        directions.reserveCapacity(segmentCount)
        lengths.reserveCapacity(segmentCount)
        for index in 0..<segmentCount {
            let delta = points[(index + 1) % count] - points[index]
            directions.append(delta.normalized)
            lengths.append(delta.length)
        }
        let normals = directions.map { $0.perpendicular * halfWidth }
        // The corners at the vertices that have two segments: all of a closed polyline's, the
        // interior ones of an open one (corner k at vertex k, or k + 1 when open).
        let cornerVertices = closed ? 0..<count : 1..<(count - 1)
        let corners = cornerVertices.map { vertex in
            StrokeCorner(
                at: points[vertex], incoming: directions[(vertex - 1 + segmentCount) % segmentCount],
                outgoing: directions[vertex], halfWidth: halfWidth, style: style.join)
        }
        let inline = inlineVertices(corners, cornerVertices: cornerVertices, lengths: lengths, closed: closed)
        func corner(_ vertex: Int) -> StrokeCorner { corners[vertex - cornerVertices.lowerBound] }

        guard closed else {
            // Square caps inline: the band runs on half a width beyond each end.
            let capLength = !piecewise && style.cap == .square ? halfWidth : 0
            let last = count - 1
            start(at: points[0] - directions[0] * capLength, normal: normals[0])
            for vertex in cornerVertices {
                if inline[vertex] {
                    appendSides(of: corner(vertex))
                } else {
                    split(at: corner(vertex), incomingNormal: normals[vertex - 1], outgoingNormal: normals[vertex])
                }
            }
            finish(at: points[last] + directions[last - 1] * capLength, normal: normals[last - 1])
            if capLength == 0 {
                polygons += Stroker.cap(
                    at: points[0], direction: -directions[0], cap: style.cap, halfWidth: halfWidth, disc: disc)
                polygons += Stroker.cap(
                    at: points[last], direction: directions[last - 1], cap: style.cap, halfWidth: halfWidth, disc: disc)
            }
            return
        }
        guard let first = inline.firstIndex(of: false) else {
            // Inline all round: the right side's loop forward, the left side's backward.
            right.removeAll(keepingCapacity: true)
            left.removeAll(keepingCapacity: true)
            for corner in corners {
                appendSides(of: corner)
            }
            polygons.append(Polyline(points: right, isClosed: true))
            polygons.append(Polyline(points: left.reversed(), isClosed: true))
            return
        }
        // From the first vertex that ends a stretch round to it again.
        start(at: points[first], normal: normals[first])
        if let piece = corner(first).piece(disc: disc) { polygons.append(Stroker.positivelyOriented(piece)) }
        for step in 1..<count {
            let vertex = (first + step) % count
            if inline[vertex] {
                appendSides(of: corner(vertex))
            } else {
                split(
                    at: corner(vertex), incomingNormal: normals[(vertex - 1 + count) % count],
                    outgoingNormal: normals[vertex])
            }
        }
        finish(at: points[first], normal: normals[(first - 1 + count) % count])
    }

    /// Which vertices are drawn inline (indexed by vertex; false at an open polyline's ends): going
    /// along the polyline, each corner whose reach fits, with the reach chosen at the vertex before,
    /// into the segment before, and into the segment after (with the first vertex's, for the last
    /// corner of a closed polyline). Only corners between segments of finite length qualify.
    private func inlineVertices(
        _ corners: [StrokeCorner], cornerVertices: Range<Int>, lengths: [Double], closed: Bool
    ) -> [Bool] {
        let count = lengths.count + (closed ? 0 : 1)
        var inline = [Bool](repeating: false, count: count)
        guard !piecewise else { return inline }
        var chosen = [Double](repeating: 0, count: count)
        for (corner, vertex) in zip(corners, cornerVertices) {
            let before = lengths[(vertex - 1 + lengths.count) % lengths.count]
            let after = lengths[vertex % lengths.count]
            let reach = corner.reach
            var fits =
                before.isFinite && after.isFinite && reach + chosen[(vertex - 1 + count) % count] <= before
                && reach <= after && corner.shortestSegment <= min(before, after)
            if closed, vertex == count - 1 { fits = fits && reach + chosen[0] <= after }
            if fits {
                inline[vertex] = true
                chosen[vertex] = reach
            }
        }
        return inline
    }

    private mutating func appendSides(of corner: StrokeCorner) {
        corner.appendSide(left: false, disc: disc, into: &right)
        corner.appendSide(left: true, disc: disc, into: &left)
    }

    /// Starts a stretch with a butt end at `point`, across the segment whose offset is `normal`.
    private mutating func start(at point: Point, normal: Point) {
        right.removeAll(keepingCapacity: true)
        left.removeAll(keepingCapacity: true)
        right.append(point - normal)
        left.append(point + normal)
    }

    /// Ends the stretch with a butt end at `point` and adds its outline.
    private mutating func finish(at point: Point, normal: Point) {
        right.append(point - normal)
        left.append(point + normal)
        right.append(contentsOf: left.reversed())
        polygons.append(Polyline(points: right, isClosed: true))
    }

    /// Ends the stretch at `corner`'s vertex, adds the join there as a piece and starts the next
    /// stretch.
    private mutating func split(at corner: StrokeCorner, incomingNormal: Point, outgoingNormal: Point) {
        finish(at: corner.vertex, normal: incomingNormal)
        if let piece = corner.piece(disc: disc) { polygons.append(Stroker.positivelyOriented(piece)) }
        start(at: corner.vertex, normal: outgoingNormal)
    }
}
