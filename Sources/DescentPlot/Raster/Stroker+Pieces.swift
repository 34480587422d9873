extension Stroker {
    /// The cap at the open end `end` of a stroke whose last segment runs along `direction` (a unit
    /// vector pointing out of the line), as pieces: a half-width square beyond the end, a disc, or
    /// nothing for a butt cap.
    static func cap(at end: Point, direction: Point, cap: LineCap, halfWidth: Double, disc: DiscOutline) -> [Polyline] {
        switch cap {
        case .butt:
            return []
        case .square:
            let normal = direction.perpendicular * halfWidth
            let beyond = direction * halfWidth
            return [
                positivelyOriented(
                    Polyline(
                        points: [end + normal, end + normal + beyond, end - normal + beyond, end - normal],
                        isClosed: true))
            ]
        case .round:
            return [disc.polygon(at: end)]
        }
    }

    /// A zero-length stroke: a dot for round and square caps, nothing for butt (as SVG and
    /// matplotlib draw it).
    static func dot(at point: Point, cap: LineCap, halfWidth: Double, disc: DiscOutline) -> [Polyline] {
        switch cap {
        case .butt: return []
        case .square:
            return Path.rectangle(
                Rect(x: point.x - halfWidth, y: point.y - halfWidth, width: 2 * halfWidth, height: 2 * halfWidth)
            ).flattened().map(positivelyOriented)
        case .round: return [disc.polygon(at: point)]
        }
    }

    /// The polygon turned, if needed, so that its signed area is positive.
    static func positivelyOriented(_ polygon: Polyline) -> Polyline {
        var area = 0.0
        let points = polygon.points
        for index in points.indices {
            area += points[index].cross(points[(index + 1) % points.count])
        }
        return area >= 0 ? polygon : Polyline(points: points.reversed(), isClosed: true)
    }
}
