/// One stroke's outline under construction, polyline after polyline: ``Stroker``'s stretches with
/// their joins inline, the joins that end a stretch and the caps as pieces, into `polygons`.
struct StrokeStretches {
    /// The stroke's width, caps, joins (its dashes are already cut).
    let style: StrokeStyle
    /// Half the width, more than 0.
    let halfWidth: Double
    /// The disc of round joins and caps.
    let disc: DiscOutline
    /// Whether every vertex ends a stretch and caps are pieces (``Stroker/outline(of:style:visible:piecewise:)``).
    let piecewise: Bool
    /// The outline so far.
    private(set) var polygons: [Polyline] = []
    /// The stretch under way: its right side forward and its left side forward.
    private var right: [Point] = []
    private var left: [Point] = []

    /// An empty outline for strokes of `style` (whose half width is `halfWidth`, more than 0), with
    /// `disc` for its round joins and caps; with `piecewise`, every vertex ends a stretch and caps
    /// are pieces.
    init(style: StrokeStyle, halfWidth: Double, disc: DiscOutline, piecewise: Bool) {
        self.style = style
        self.halfWidth = halfWidth
        self.disc = disc
        self.piecewise = piecewise
    }

    /// Adds the outline of `polyline`: a dot for a single point (round or square caps), otherwise
    /// its stretches, separate joins and caps.
    ///
    /// - Complexity: O(points), O(points + disc vertices) with round joins.
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
        // Square caps inline: the band runs on half a width beyond each open end, as if the end
        // segments were that much longer.
        let capLength = !closed && !piecewise && style.cap == .square ? halfWidth : 0
        var reachable = lengths
        if capLength > 0 {
            reachable[0] += capLength
            reachable[segmentCount - 1] += capLength
        }
        let inline = inlineVertices(corners, cornerVertices: cornerVertices, lengths: reachable, closed: closed)
        func corner(_ vertex: Int) -> StrokeCorner { corners[vertex - cornerVertices.lowerBound] }

        guard closed else {
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
    /// corner of a closed polyline), both segments at least as long as the corner's
    /// ``StrokeCorner/shortestSegment``. `lengths` are the segments' (an end segment's with its
    /// inline square cap); only corners between segments of finite length qualify.
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
