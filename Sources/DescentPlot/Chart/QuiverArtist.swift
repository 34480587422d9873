import Foundation

/// Arrows from points (matplotlib's `quiver` with `angles="xy"`, `units="width"`,
/// `pivot="tail"`): the book's Figure 4-9.
///
/// Sizes follow matplotlib's `Quiver._init`, `_make_verts` and `_h_arrows` (matplotlib 3.x),
/// where lengths are in units of the axes width W (pixels) and N counts every arrow, drawn or not:
/// ```
/// shaft width  w = 0.06 / clip(√N, 8, 25) · W        (18 × 18 arrows: W/300)
/// scale        s = 1.8 · mean|(u, v)| · max(10, √N)   (mean over the finite arrows)
/// length       L = |(u, v)| / s · W                   (so the mean arrow is W / (1.8·max(10, √N)))
/// ```
/// The arrow is a polygon in units of w, tail at the point, along +x before rotation:
/// ```
/// (0, ½) (L−4.5, ½) (L−5, 1.5) (L, 0) (L−5, −1.5) (L−4.5, −½) (0, −½)
/// ```
/// (head width 3, head length 5, head axis length 4.5). An arrow shorter than its head (L < 5)
/// is the head alone, scaled by L/5; one shorter than 1 becomes a hexagonal dot 1 wide (the
/// zero vector at a minimum; matplotlib lists 8 vertices, two of them repeats). With `angles="xy"` the arrow points where (u, v) points on
/// screen, through the axes' scales, while its length stays |(u, v)| whatever the direction.
///
/// Arrows whose point or vector is not finite are left out (matplotlib masks them). Arrows are
/// filled, not stroked, each as its own polygon, through the canvas, so PNG and SVG agree.
public struct QuiverArtist: Artist {
    /// The arrows' tails along x, in data units; as many as ``ys``, ``us`` and ``vs``.
    public var xs: [Double]
    /// The arrows' tails along y, in data units.
    public var ys: [Double]
    /// The vectors' x components, in data units (their length is scaled by ``scale``).
    public var us: [Double]
    /// The vectors' y components, in data units.
    public var vs: [Double]
    /// Default: black (matplotlib's `'k'`); the book's figure uses #666666.
    public var color: Color
    /// Shaft width as a fraction of the axes width; `nil` for matplotlib's 0.06 / clip(√N, 8, 25).
    /// Default: nil.
    public var width: Double?
    /// Vector length per axes width; `nil` for matplotlib's 1.8 · mean length · max(10, √N).
    /// Default: nil.
    public var scale: Double?
    /// Head width, in shaft widths. Default: 3 (matplotlib's, as the other head sizes).
    public var headWidth = 3.0
    /// Head length, in shaft widths. Default: 5.
    public var headLength = 5.0
    /// Head length where it meets the shaft, in shaft widths. Default: 4.5.
    public var headAxisLength = 4.5
    /// Arrows shorter than `minShaft` head lengths are drawn as a scaled head; shorter than
    /// ``minLength`` shaft widths, as a dot. Default: 1.
    public var minShaft = 1.0
    /// Below this length, in shaft widths, an arrow is drawn as a dot. Default: 1.
    public var minLength = 1.0

    /// Arrows from (`xs[i]`, `ys[i]`) along (`us[i]`, `vs[i]`), sized as matplotlib's `quiver`, in
    /// `color` (default: ``Color/foreground``, black in the light theme).
    ///
    /// - Precondition: the four arrays have the same count.
    public init(xs: [Double], ys: [Double], us: [Double], vs: [Double], color: Color = .foreground) {
        precondition(
            xs.count == ys.count && xs.count == us.count && xs.count == vs.count,
            "\(xs.count) x, \(ys.count) y, \(us.count) u and \(vs.count) v values")
        self.xs = xs
        self.ys = ys
        self.us = us
        self.vs = vs
        self.color = color
    }

    /// Whether arrow `index` is drawn: its point and vector are finite.
    func isShown(_ index: Int) -> Bool {
        xs[index].isFinite && ys[index].isFinite && us[index].isFinite && vs[index].isFinite
    }

    /// The smallest rectangle holding every finite tail (the arrows themselves may reach past it,
    /// as in matplotlib); `nil` when there is none.
    public var dataBounds: Rect? {
        let shown = xs.indices.filter { xs[$0].isFinite && ys[$0].isFinite }
        guard let minX = shown.map({ xs[$0] }).min(), let maxX = shown.map({ xs[$0] }).max(),
            let minY = shown.map({ ys[$0] }).min(), let maxY = shown.map({ ys[$0] }).max()
        else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The shaft width as a fraction of the axes width.
    public var resolvedWidth: Double {
        width ?? 0.06 / min(max(Double(xs.count).squareRoot(), 8), 25)
    }

    /// The vector length that spans one axes width.
    public var resolvedScale: Double {
        if let scale { return scale }
        let lengths = xs.indices.filter(isShown).map { hypot(us[$0], vs[$0]) }
        guard !lengths.isEmpty else { return 1 }
        let mean = lengths.reduce(0, +) / Double(lengths.count)
        return 1.8 * mean * max(10, Double(xs.count).squareRoot())
    }

    /// The polygon of every arrow drawn, in pixels, in order (`nil` for those left out).
    ///
    /// - Complexity: O(N) for N arrows.
    public func polygons(in frame: AxesFrame) -> [[Point]?] {
        let axesWidth = frame.box.width
        let shaft = resolvedWidth * axesWidth
        let scale = resolvedScale
        // matplotlib's eps: a thousandth of the largest coordinate, so that x + eps·u does not
        // lose u to rounding; the direction is the screen direction from (x, y) to there.
        let bounds = dataBounds
        let largest = bounds.map { max(abs($0.minX), abs($0.maxX), abs($0.minY), abs($0.maxY)) } ?? 0
        let eps = largest > 0 && largest.isFinite ? largest * 0.001 : 0.001
        return xs.indices.map { index in
            guard isShown(index) else { return nil }
            let (x, y, u, v) = (xs[index], ys[index], us[index], vs[index])
            let tail = frame.pixel(x, y)
            let toward = frame.pixel(x + eps * u, y + eps * v) - tail
            let angle = atan2(toward.y, toward.x)
            // 0/0 (all vectors zero) gives length 0: every arrow is a dot.
            let ratio = hypot(u, v) / scale
            let length = min(max(ratio.isFinite ? ratio * axesWidth / shaft : 0, 0), 65536)
            guard angle.isFinite, tail.x.isFinite, tail.y.isFinite else { return nil }
            let (c, s) = (cos(angle), sin(angle))
            // The outline's y is flipped to screen's downward y before rotating, so that the
            // vertices come in matplotlib's order.
            return outline(length: length).map { p in
                Point(tail.x + (p.x * c + p.y * s) * shaft, tail.y + (p.x * s - p.y * c) * shaft)
            }
        }
    }

    /// The arrow of `length` shaft widths along +x, in shaft widths (matplotlib's `_h_arrows`).
    func outline(length: Double) -> [Point] {
        if length < minLength {
            return (0..<6).map { k in
                let theta = Double(k) * .pi / 3
                return Point(cos(theta) * minLength * 0.5, sin(theta) * minLength * 0.5)
            }
        }
        let headOnly = minShaft * headLength
        let xs: [Double]
        var factor = 1.0
        if length < headOnly {
            xs = [0, headOnly - headAxisLength, headOnly - headLength, headOnly]
            factor = length / headOnly
        } else {
            xs = [0, length - headAxisLength, length - headLength, length]
        }
        let ys = [0.5, 0.5, 0.5 * headWidth, 0]
        let order = [0, 1, 2, 3, 2, 1, 0]
        return order.enumerated().map { position, index in
            Point(xs[index] * factor, (position >= 3 ? -ys[index] : ys[index]) * factor)
        }
    }

    /// Every drawn arrow's tail, in pixels.
    public func screenPoints(in frame: AxesFrame) -> [Point] {
        xs.indices.filter(isShown).map { frame.pixel(xs[$0], ys[$0]) }
    }

    /// Fills each arrow's polygon, clipped to the axes box; arrows wholly outside it are skipped.
    ///
    /// - Complexity: O(N) for N arrows.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        let visible = frame.box.insetBy(-1)
        canvas.pushClip(frame.box)
        for polygon in polygons(in: frame) {
            guard let polygon, overlaps(polygon, visible) else { continue }
            canvas.fill(.polyline(polygon, closed: true), color: color)
        }
        canvas.popClip()
    }

    /// Whether the bounding box of `polygon` meets `rect`: arrows wholly outside the view are not
    /// drawn (the canvas would clip them away anyway), those reaching into it are.
    private func overlaps(_ polygon: [Point], _ rect: Rect) -> Bool {
        let xs = polygon.map(\.x)
        let ys = polygon.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
            .intersects(rect)
    }
}
