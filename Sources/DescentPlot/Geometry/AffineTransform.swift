import Foundation

/// An affine map of the plane:
/// ```
/// x' = a·x + c·y + tx
/// y' = b·x + d·y + ty
/// ```
/// Used to place glyph outlines (scale, flip, rotate, translate) and data in pixels.
public struct AffineTransform: Equatable, Sendable {
    /// The factor of x in x′.
    public var a: Double
    /// The factor of x in y′.
    public var b: Double
    /// The factor of y in x′.
    public var c: Double
    /// The factor of y in y′.
    public var d: Double
    /// The translation added to x′.
    public var tx: Double
    /// The translation added to y′.
    public var ty: Double

    /// The map with the six coefficients of the formula above.
    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.tx = tx
        self.ty = ty
    }

    /// The map that leaves every point where it is.
    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// The map that moves every point by (`dx`, `dy`).
    public static func translation(_ dx: Double, _ dy: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: dx, ty: dy)
    }

    /// The map that multiplies x by `sx` and y by `sy` about the origin (a negative factor flips).
    public static func scale(_ sx: Double, _ sy: Double) -> AffineTransform {
        AffineTransform(a: sx, b: 0, c: 0, d: sy, tx: 0, ty: 0)
    }

    /// A rotation by `angle` radians, counter-clockwise in a y-up frame.
    public static func rotation(_ angle: Double) -> AffineTransform {
        let cosine = cos(angle)
        let sine = sin(angle)
        return AffineTransform(a: cosine, b: sine, c: -sine, d: cosine, tx: 0, ty: 0)
    }

    /// The map that applies `self` first, then `next`.
    public func concatenating(_ next: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: a * next.a + b * next.c, b: a * next.b + b * next.d,
            c: c * next.a + d * next.c, d: c * next.b + d * next.d,
            tx: tx * next.a + ty * next.c + next.tx, ty: tx * next.b + ty * next.d + next.ty)
    }

    /// The image of `point`: (a·x + c·y + tx, b·x + d·y + ty).
    public func apply(_ point: Point) -> Point {
        Point(a * point.x + c * point.y + tx, b * point.x + d * point.y + ty)
    }
}
