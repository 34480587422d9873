import Foundation

/// A vector path: subpaths of straight lines and quadratic and cubic Bézier curves, in Double
/// coordinates. Both canvases draw paths: the raster one flattens them to polylines, the SVG one
/// writes them as they are, so PNG and SVG show the same geometry.
public struct Path: Equatable, Sendable {
    /// One drawing command of a path.
    public enum Element: Equatable, Sendable {
        /// Starts a new subpath at the point, without drawing.
        case move(Point)
        /// A straight segment from the current point to the point.
        case line(Point)
        /// A quadratic Bézier curve through `control` to `to`.
        case quad(control: Point, to: Point)
        /// A cubic Bézier curve through `control1` and `control2` to `to`.
        case cubic(control1: Point, control2: Point, to: Point)
        /// A straight segment back to the subpath's first point, which closes it (a stroke joins
        /// the ends rather than capping them).
        case close
    }

    /// The commands in order. A path that does not start with ``Element/move(_:)`` starts at (0, 0).
    public private(set) var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// A path of the given commands.
    public init(elements: [Element]) {
        self.elements = elements
    }

    /// Whether the path has no command at all.
    public var isEmpty: Bool { elements.isEmpty }

    /// Starts a new subpath at `point`.
    public mutating func move(to point: Point) { elements.append(.move(point)) }
    /// Adds a straight segment to `point`.
    public mutating func line(to point: Point) { elements.append(.line(point)) }
    /// Adds a quadratic Bézier curve bending toward `control` and ending at `point`.
    public mutating func quad(control: Point, to point: Point) { elements.append(.quad(control: control, to: point)) }
    /// Adds a cubic Bézier curve with control points `control1` and `control2`, ending at `point`.
    public mutating func cubic(control1: Point, control2: Point, to point: Point) {
        elements.append(.cubic(control1: control1, control2: control2, to: point))
    }
    /// Closes the current subpath with a segment back to its first point.
    public mutating func close() { elements.append(.close) }

    /// Appends the subpaths of `other`.
    public mutating func append(_ other: Path) { elements += other.elements }

    /// An open polyline through `points`.
    ///
    /// - Complexity: O(n) for n points.
    public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
        var path = Path()
        guard let first = points.first else { return path }
        path.move(to: first)
        for point in points.dropFirst() { path.line(to: point) }
        if closed { path.close() }
        return path
    }

    /// The outline of `rect`, clockwise on screen.
    public static func rectangle(_ rect: Rect) -> Path {
        polyline(
            [
                Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY), Point(rect.maxX, rect.maxY),
                Point(rect.minX, rect.maxY),
            ],
            closed: true)
    }

    /// A circle as four cubic arcs with the usual constant κ = 4(√2 − 1)/3 ≈ 0.5523: the radius
    /// error is at most 0.027 % of the radius.
    public static func circle(center: Point, radius: Double) -> Path {
        let k = 0.552_284_749_830_793_4 * radius
        let (cx, cy, r) = (center.x, center.y, radius)
        var path = Path()
        path.move(to: Point(cx + r, cy))
        path.cubic(control1: Point(cx + r, cy + k), control2: Point(cx + k, cy + r), to: Point(cx, cy + r))
        path.cubic(control1: Point(cx - k, cy + r), control2: Point(cx - r, cy + k), to: Point(cx - r, cy))
        path.cubic(control1: Point(cx - r, cy - k), control2: Point(cx - k, cy - r), to: Point(cx, cy - r))
        path.cubic(control1: Point(cx + k, cy - r), control2: Point(cx + r, cy - k), to: Point(cx + r, cy))
        path.close()
        return path
    }

    /// The path with every point mapped by `transform`.
    ///
    /// - Complexity: O(elements).
    public func transformed(by transform: AffineTransform) -> Path {
        Path(
            elements: elements.map { element in
                switch element {
                case .move(let p): .move(transform.apply(p))
                case .line(let p): .line(transform.apply(p))
                case .quad(let c, let p): .quad(control: transform.apply(c), to: transform.apply(p))
                case .cubic(let c1, let c2, let p):
                    .cubic(control1: transform.apply(c1), control2: transform.apply(c2), to: transform.apply(p))
                case .close: .close
                }
            })
    }

    /// The bounding box of all points and control points (which contains the curve), or `nil`
    /// for an empty path.
    public var controlBounds: Rect? {
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        func include(_ p: Point) {
            minX = min(minX, p.x)
            minY = min(minY, p.y)
            maxX = max(maxX, p.x)
            maxY = max(maxY, p.y)
        }
        for element in elements {
            switch element {
            case .move(let p), .line(let p): include(p)
            case .quad(let c, let p):
                include(c)
                include(p)
            case .cubic(let c1, let c2, let p):
                include(c1)
                include(c2)
                include(p)
            case .close: break
            }
        }
        guard minX <= maxX else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// A run of straight segments: one flattened subpath.
public struct Polyline: Equatable, Sendable {
    /// The vertices in order.
    public var points: [Point]
    /// Whether the last point joins back to the first.
    public var isClosed: Bool

    /// A polyline through `points`, closed or open.
    public init(points: [Point], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }
}

extension Path {
    /// The default flattening tolerance: curves are replaced by chords that stay within 0.1 px of
    /// them, below what anti-aliasing can show.
    public static let flatteningTolerance = 0.1

    /// The subpaths as polylines whose chords stay within `tolerance` of the curves.
    ///
    /// Each curve is cut into n equal parameter steps, with n from Wang's formula
    /// n = ⌈√(d(d − 1)·M / (8·tolerance))⌉ for degree d and M the largest second difference of the
    /// control points, which bounds the distance between curve and chords.
    ///
    /// - Complexity: O(elements + segments made): a curve becomes as many chords as its length and
    ///   bend need to stay within `tolerance`.
    public func flattened(tolerance: Double = Path.flatteningTolerance) -> [Polyline] {
        var polylines: [Polyline] = []
        var current: [Point] = []
        var start = Point.zero
        func finish(closed: Bool) {
            if current.count > 1 || (closed && !current.isEmpty) {
                polylines.append(Polyline(points: current, isClosed: closed))
            }
            current = []
        }
        for element in elements {
            switch element {
            case .move(let p):
                finish(closed: false)
                start = p
                current = [p]
            case .line(let p):
                if current.isEmpty { current = [start] }
                current.append(p)
            case .quad(let c, let p):
                if current.isEmpty { current = [start] }
                let p0 = current[current.count - 1]
                let m = (p0 - c * 2 + p).length
                let n = Self.segmentCount(degree: 2, secondDifference: m, tolerance: tolerance)
                for i in 1...n {
                    let t = Double(i) / Double(n)
                    let u = 1 - t
                    current.append(p0 * (u * u) + c * (2 * u * t) + p * (t * t))
                }
            case .cubic(let c1, let c2, let p):
                if current.isEmpty { current = [start] }
                let p0 = current[current.count - 1]
                let m = max((p0 - c1 * 2 + c2).length, (c1 - c2 * 2 + p).length)
                let n = Self.segmentCount(degree: 3, secondDifference: m, tolerance: tolerance)
                for i in 1...n {
                    let t = Double(i) / Double(n)
                    let u = 1 - t
                    current.append(p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p * (t * t * t))
                }
            case .close:
                if !current.isEmpty, current.count > 1, current.last == current.first {
                    current.removeLast()
                }
                let first = current.first ?? start
                finish(closed: true)
                start = first
            }
        }
        finish(closed: false)
        return polylines
    }

    private static func segmentCount(degree: Double, secondDifference: Double, tolerance: Double) -> Int {
        let n = (degree * (degree - 1) * secondDifference / (8 * tolerance)).squareRoot().rounded(.up)
        return max(1, min(Int(n.isFinite ? n : 1), 10_000))
    }
}
