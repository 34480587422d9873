/// A point or vector in a plane, in Double precision: figures keep sub-pixel positions all the
/// way to the rasterizer, so a line at x = 80.5 is not moved to a whole pixel.
public struct Point: Equatable, Hashable, Sendable {
    /// The horizontal coordinate.
    public var x: Double
    /// The vertical coordinate (on a canvas, in pixels, increasing downward).
    public var y: Double

    /// The point (`x`, `y`).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// The origin, (0, 0); as a vector, no displacement.
    public static let zero = Point(0, 0)

    /// The component-wise sum: `a` moved by the vector `b`.
    public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    /// The component-wise difference: the vector from `b` to `a`.
    public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    /// The vector `a` scaled by `k`.
    public static func * (a: Point, k: Double) -> Point { Point(a.x * k, a.y * k) }
    /// The opposite vector.
    public static prefix func - (a: Point) -> Point { Point(-a.x, -a.y) }

    /// The Euclidean length of the vector.
    public var length: Double { (x * x + y * y).squareRoot() }

    /// The dot product.
    public func dot(_ other: Point) -> Double { x * other.x + y * other.y }

    /// The z component of the cross product: positive when `other` turns counter-clockwise from
    /// `self` in a y-up frame (clockwise on screen, where y points down).
    public func cross(_ other: Point) -> Double { x * other.y - y * other.x }

    /// The vector of length 1 in the same direction; the zero vector stays zero.
    public var normalized: Point {
        let length = self.length
        return length > 0 ? Point(x / length, y / length) : .zero
    }

    /// The vector turned a quarter turn: (−y, x).
    public var perpendicular: Point { Point(-y, x) }

    /// The point a fraction `t` of the way from `self` to `other`.
    public func interpolated(to other: Point, _ t: Double) -> Point {
        Point(x + (other.x - x) * t, y + (other.y - y) * t)
    }
}

/// An axis-aligned rectangle: origin (the corner with the smallest coordinates) and size.
public struct Rect: Equatable, Sendable {
    /// The left edge (the smallest x).
    public var x: Double
    /// The smallest y (the top edge on a canvas, where y grows downward).
    public var y: Double
    /// The extent along x; the rectangle is empty when it is 0 or less.
    public var width: Double
    /// The extent along y; the rectangle is empty when it is 0 or less.
    public var height: Double

    /// The rectangle with its smallest corner at (`x`, `y`) and the given size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest x: the left edge.
    public var minX: Double { x }
    /// The smallest y: the top edge on a canvas.
    public var minY: Double { y }
    /// The largest x: the right edge.
    public var maxX: Double { x + width }
    /// The largest y: the bottom edge on a canvas.
    public var maxY: Double { y + height }
    /// The point halfway between the edges.
    public var center: Point { Point(x + width / 2, y + height / 2) }

    /// Whether `point` lies inside or on the boundary.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether the two rectangles share interior area.
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The common part, or `nil` when there is none.
    public func intersection(_ other: Rect) -> Rect? {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return nil }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        let left = min(minX, other.minX)
        let top = min(minY, other.minY)
        return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }

    /// The rectangle grown by `amount` on every side (shrunk when negative).
    public func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}
