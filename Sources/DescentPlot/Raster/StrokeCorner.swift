/// What a stroke does at one interior vertex of a polyline: which side the turn's outer side is,
/// what the join adds there, where the two segments' inner edges meet, and how far along the
/// segments the vertex's pieces reach (which decides whether ``Stroker`` can draw the vertex inline).
///
/// For a turn by θ (0 ≤ θ < π) at a stroke of half-width h, the two offset lines on the inner
/// side meet at a distance `trim` = h · tan(θ/2) back along each segment from the vertex's
/// perpendicular. Drawn inline, the outline there runs along the inner edges up to that point and
/// on the outer side through the join (the bevel's two corners, a miter's tip, or the round join's
/// disc between the corners).
struct StrokeCorner {
    /// What the join adds on the outer side of the turn.
    enum Join {
        /// Nothing: the segments continue straight on (a turn within 10⁻¹² radians).
        case straight
        /// The bevel triangle between the segments' outer corners.
        case bevel
        /// A miter quadrilateral up to `tip`.
        case miter(tip: Point)
        /// The disc of the stroke's width around the vertex (``DiscOutline``).
        case round
    }

    /// The vertex.
    let vertex: Point
    /// The incoming segment's direction (unit vector).
    let incoming: Point
    /// The incoming segment's outer offset: its normal of length h towards the turn's outer side.
    let outerIncoming: Point
    /// The outgoing segment's outer offset.
    let outerOutgoing: Point
    /// What the join adds on the outer side.
    let join: Join
    /// How far back along each segment, from the vertex, the inner offset lines meet:
    /// h · tan(θ/2). 0 for a straight vertex.
    let trim: Double
    /// How far along either segment, from the vertex, the cut between the pieces drawn inline at
    /// the vertex reaches: the larger of `trim` and h · sin θ (where the incoming rectangle's inner
    /// corner lies along the outgoing segment, and the outgoing one's along the incoming).
    /// Infinite for a turn of about π, which can never be drawn inline.
    let reach: Double
    /// How long both segments must be for the vertex to be drawn inline, whatever happens at their
    /// other ends: h for a round join's disc (each half of it over a segment reaches h along it),
    /// 0 otherwise.
    let shortestSegment: Double

    /// The corner at `vertex` between the unit directions `incoming` and `outgoing`, for a stroke
    /// of half-width `halfWidth` joined by `style`. The choices between join shapes are those of
    /// matplotlib and SVG: a miter longer than `limit` × the width becomes a bevel, and a round join
    /// whose arc lies within ``Path/flatteningTolerance`` of the bevel is the bevel.
    init(at vertex: Point, incoming: Point, outgoing: Point, halfWidth: Double, style: LineJoin) {
        self.vertex = vertex
        self.incoming = incoming
        let turn = incoming.cross(outgoing)
        let cosine = incoming.dot(outgoing)
        // The outer side of the turn is opposite to the direction the path turns towards.
        let side: Double = turn > 0 ? -1 : 1
        let o1 = incoming.perpendicular * (halfWidth * side)
        let o2 = outgoing.perpendicular * (halfWidth * side)
        outerIncoming = o1
        outerOutgoing = o2
        guard abs(turn) > 1e-12 || cosine < 0 else {
            (join, trim, reach, shortestSegment) = (.straight, 0, 0, 0)
            return
        }
        // tan(θ/2) = sin θ / (1 + cos θ); a reversal (1 + cos θ = 0) can never be drawn inline.
        let tanHalf = 1 + cosine > 0 ? abs(turn) / (1 + cosine) : .infinity
        trim = halfWidth * tanHalf
        let reach = halfWidth * max(tanHalf, abs(turn))
        self.reach = reach.isNaN ? .infinity : reach
        // cos(θ/2), by the half-angle formula from cos θ = o1 · o2 / h².
        let cosHalfTurn = ((1 + min(1, max(-1, o1.dot(o2) / (halfWidth * halfWidth)))) / 2).squareRoot()
        switch style {
        case .bevel:
            join = .bevel
        case .round:
            // Where the gap h · (1 − cos(θ/2)) between bevel and arc is below the flattening
            // tolerance, the bevel is it.
            join = halfWidth * (1 - cosHalfTurn) < Path.flatteningTolerance ? .bevel : .round
        case .miter(let limit):
            // Miter length / width = 1 / sin(φ/2) = 1 / cos(θ/2) for the angle φ = π − θ between
            // the segments.
            if cosHalfTurn > 0, 1 / cosHalfTurn <= limit {
                join = .miter(tip: vertex + (o1 + o2).normalized * (halfWidth / cosHalfTurn))
            } else {
                join = .bevel
            }
        }
        if case .round = join { shortestSegment = halfWidth } else { shortestSegment = 0 }
    }

    /// Appends the outline's points at this vertex on one side of the stroke, in the direction of
    /// the path: on the outer side the incoming segment's corner, the join's points and the
    /// outgoing segment's corner; on the inner side the point where the two inner edges meet.
    /// `left` picks the side of the normal `direction.perpendicular`.
    func appendSide(left: Bool, disc: DiscOutline, into points: inout [Point]) {
        let isOuter = (incoming.perpendicular.dot(outerIncoming) > 0) == left
        if case .straight = join {
            points.append(isOuter ? vertex + outerIncoming : vertex - outerIncoming)
            return
        }
        guard isOuter else {
            points.append(vertex - outerIncoming - incoming * trim)
            return
        }
        points.append(vertex + outerIncoming)
        switch join {
        case .straight, .bevel: break
        case .miter(let tip): points.append(tip)
        case .round:
            disc.appendArc(
                around: vertex, from: outerIncoming.normalized, to: outerOutgoing.normalized, into: &points)
        }
        points.append(vertex + outerOutgoing)
    }

    /// The join as a piece of its own, for a vertex not drawn inline: the bevel triangle, the miter
    /// quadrilateral or the disc; nothing for a straight vertex.
    func piece(disc: DiscOutline) -> Polyline? {
        let (corner1, corner2) = (vertex + outerIncoming, vertex + outerOutgoing)
        switch join {
        case .straight: return nil
        case .bevel: return Polyline(points: [vertex, corner1, corner2], isClosed: true)
        case .miter(let tip): return Polyline(points: [vertex, corner1, tip, corner2], isClosed: true)
        case .round: return disc.polygon(at: vertex)
        }
    }
}
