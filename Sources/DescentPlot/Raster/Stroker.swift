import Foundation

/// How a line ends: matplotlib's capstyles.
public enum LineCap: String, Sendable {
    /// Ends exactly at the end point (matplotlib `butt`).
    case butt
    /// A half-square beyond the end point (matplotlib `projecting`).
    case square
    /// A half-disc beyond the end point.
    case round
}

/// How two segments meet.
public enum LineJoin: Equatable, Sendable {
    /// Sharp corners, cut to a bevel where the miter would be longer than `limit` × the width.
    case miter(limit: Double)
    /// Round corners: a disc of the line's width at each vertex.
    case round
    /// Corners cut straight across between the two segments' outer edges.
    case bevel
}

/// A validated dash pattern: lengths alternate on, off, on, off… in pixels. A pattern with a
/// negative or non-finite length, or nothing but zeros, cannot be made.
public struct DashPattern: Equatable, Sendable {
    /// The on and off lengths, in pixels, an even number of them: an odd list given is repeated
    /// once, as SVG's `stroke-dasharray` repeats it.
    public let lengths: [Double]
    /// How far into the pattern the line starts. Default: 0.
    public let offset: Double

    /// A pattern of `lengths` in pixels (on, off, on, off…; an odd count is repeated once), starting
    /// `offset` pixels into it (default: 0).
    ///
    /// - Returns: `nil` when a length is negative or not finite, when all are 0, or when the
    ///   offset is not finite.
    public init?(_ lengths: [Double], offset: Double = 0) {
        guard !lengths.isEmpty, lengths.allSatisfy({ $0 >= 0 && $0.isFinite }), lengths.contains(where: { $0 > 0 }),
            offset.isFinite
        else { return nil }
        self.lengths = lengths.count % 2 == 0 ? lengths : lengths + lengths
        self.offset = offset
    }
}

/// Everything about how a path is stroked.
public struct StrokeStyle: Equatable, Sendable {
    /// Line width in pixels.
    public var width: Double
    /// Default: butt.
    public var cap: LineCap
    /// Default: round (matplotlib's default for lines).
    public var join: LineJoin
    /// Default: none (solid).
    public var dash: DashPattern?

    /// A stroke `width` pixels wide, with butt caps, round joins and no dashes by default.
    public init(width: Double, cap: LineCap = .butt, join: LineJoin = .round, dash: DashPattern? = nil) {
        self.width = width
        self.cap = cap
        self.join = join
        self.dash = dash
    }
}

/// Turns strokes into filled outlines for the rasterizer.
///
/// The outline is a union of simple pieces: a rectangle per segment, a join piece at each vertex
/// (disc, miter quadrilateral or bevel triangle, on the outer side of the turn) and a cap piece at
/// each open end. Every piece is emitted with the same orientation, so filling the lot with the
/// non-zero rule paints their union: overlaps add to the winding number and never cancel. This is
/// simpler than computing the true offset curve; the seams where pieces overlap inside a pixel are
/// covered once, by ``Rasterizer``'s overlap correction (sampled, so within 8-line supersampling of
/// exact there).
enum Stroker {
    /// The outline of `polylines` stroked with `style`. With `visible`, dashes wholly outside it
    /// (widened by the stroke's reach) are not made (see ``Dasher``).
    static func outline(of polylines: [Polyline], style: StrokeStyle, visible: Rect? = nil) -> [Polyline] {
        // A miter reaches out to limit × the width at most; caps and round joins less.
        var reach = style.width + 1
        if case .miter(let limit) = style.join { reach = style.width * max(1, limit) + 1 }
        let pieces =
            style.dash.map { Dasher.dash(polylines, pattern: $0, within: visible?.insetBy(-reach)) } ?? polylines
        var polygons: [Polyline] = []
        for polyline in pieces {
            strokeOne(polyline, style: style, into: &polygons)
        }
        return polygons.map(positivelyOriented)
    }

    private static func strokeOne(_ polyline: Polyline, style: StrokeStyle, into polygons: inout [Polyline]) {
        var points: [Point] = []
        for point in polyline.points where points.last != point {
            points.append(point)
        }
        if polyline.isClosed, points.count > 1, points.first == points.last { points.removeLast() }
        let halfWidth = style.width / 2
        guard halfWidth > 0 else { return }
        guard points.count > 1 else {
            if let point = points.first, !polyline.isClosed {
                dot(at: point, cap: style.cap, halfWidth: halfWidth, into: &polygons)
            }
            return
        }
        let closed = polyline.isClosed && points.count > 2
        let segmentCount = closed ? points.count : points.count - 1
        for index in 0..<segmentCount {
            let a = points[index]
            let b = points[(index + 1) % points.count]
            let normal = (b - a).normalized.perpendicular * halfWidth
            polygons.append(Polyline(points: [a + normal, b + normal, b - normal, a - normal], isClosed: true))
        }
        let joinVertices = closed ? Array(0..<points.count) : Array(1..<(points.count - 1))
        for index in joinVertices {
            let previous = points[(index - 1 + points.count) % points.count]
            let vertex = points[index]
            let next = points[(index + 1) % points.count]
            join(
                incoming: (vertex - previous).normalized, outgoing: (next - vertex).normalized, at: vertex,
                style: style.join, halfWidth: halfWidth, into: &polygons)
        }
        if !closed {
            cap(
                at: points[0], direction: (points[0] - points[1]).normalized, cap: style.cap, halfWidth: halfWidth,
                into: &polygons)
            let last = points.count - 1
            cap(
                at: points[last], direction: (points[last] - points[last - 1]).normalized, cap: style.cap,
                halfWidth: halfWidth, into: &polygons)
        }
    }

    private static func join(
        incoming u1: Point, outgoing u2: Point, at vertex: Point, style: LineJoin, halfWidth: Double,
        into polygons: inout [Polyline]
    ) {
        let turn = u1.cross(u2)
        let cosine = u1.dot(u2)
        guard abs(turn) > 1e-12 || cosine < 0 else { return }
        // The outer side of the turn is opposite to the direction the path turns towards.
        let side: Double = turn > 0 ? -1 : 1
        let o1 = u1.perpendicular * (halfWidth * side)
        let o2 = u2.perpendicular * (halfWidth * side)
        let bevel = Polyline(points: [vertex, vertex + o1, vertex + o2], isClosed: true)
        switch style {
        case .bevel:
            polygons.append(bevel)
        case .round:
            // Where the gap between bevel and arc is below the flattening tolerance, the bevel is it.
            let halfAngle = acos(min(1, max(-1, o1.dot(o2) / (halfWidth * halfWidth)))) / 2
            if halfWidth * (1 - cos(halfAngle)) < Path.flatteningTolerance {
                polygons.append(bevel)
            } else {
                polygons.append(contentsOf: disc(center: vertex, radius: halfWidth))
            }
        case .miter(let limit):
            // Miter length / width = 1 / sin(θ/2) for the angle θ between the segments.
            let halfTurn = ((1 + o1.dot(o2) / (halfWidth * halfWidth)) / 2).squareRoot()
            guard halfTurn > 0, 1 / halfTurn <= limit else {
                polygons.append(bevel)
                return
            }
            let tip = vertex + (o1 + o2).normalized * (halfWidth / halfTurn)
            polygons.append(Polyline(points: [vertex, vertex + o1, tip, vertex + o2], isClosed: true))
        }
    }

    private static func cap(
        at end: Point, direction: Point, cap: LineCap, halfWidth: Double, into polygons: inout [Polyline]
    ) {
        switch cap {
        case .butt:
            break
        case .square:
            let normal = direction.perpendicular * halfWidth
            let beyond = direction * halfWidth
            polygons.append(
                Polyline(
                    points: [end + normal, end + normal + beyond, end - normal + beyond, end - normal], isClosed: true))
        case .round:
            polygons.append(contentsOf: disc(center: end, radius: halfWidth))
        }
    }

    /// A zero-length stroke: a dot for round and square caps, nothing for butt (as SVG and
    /// matplotlib draw it).
    private static func dot(at point: Point, cap: LineCap, halfWidth: Double, into polygons: inout [Polyline]) {
        switch cap {
        case .butt: break
        case .square:
            polygons.append(
                Path.rectangle(
                    Rect(x: point.x - halfWidth, y: point.y - halfWidth, width: 2 * halfWidth, height: 2 * halfWidth)
                ).flattened()[0])
        case .round: polygons.append(contentsOf: disc(center: point, radius: halfWidth))
        }
    }

    private static func disc(center: Point, radius: Double) -> [Polyline] {
        Path.circle(center: center, radius: radius).flattened()
    }

    /// The polygon turned, if needed, so that its signed area is positive.
    private static func positivelyOriented(_ polygon: Polyline) -> Polyline {
        var area = 0.0
        let points = polygon.points
        for index in points.indices {
            area += points[index].cross(points[(index + 1) % points.count])
        }
        return area >= 0 ? polygon : Polyline(points: points.reversed(), isClosed: true)
    }
}
