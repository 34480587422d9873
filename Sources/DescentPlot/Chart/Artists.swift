import Foundation

/// Something drawn inside an axes: lines, markers, guides, text, regions.
public protocol Artist: Sendable {
    /// The data the artist shows, for automatic limits; `nil` when it takes no part in them.
    var dataBounds: Rect? { get }
    /// The data the artist shows on axes of these scales, for automatic limits: ``dataBounds``
    /// without the values the scales mask (``Scale/masks(_:)``). Default: ``dataBounds``.
    func dataBounds(xScale: Scale, yScale: Scale) -> Rect?
    /// The entry it contributes to the legend, if it has a label.
    var legendEntry: LegendEntry? { get }
    /// Draws the artist; the canvas is clipped to the axes box unless the artist says otherwise.
    func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame)
    /// The points it puts on screen, for placing the legend where it hides the least.
    func screenPoints(in frame: AxesFrame) -> [Point]
    /// The data points that must not be lost from sight: the axes marks those outside the view at
    /// its edge, saying where they went (DESIGN.md §5). `nil` for none.
    var trackedPoints: TrackedPoints? { get }
}

extension Artist {
    /// Default: ``dataBounds``, whatever the scales.
    public func dataBounds(xScale: Scale, yScale: Scale) -> Rect? { dataBounds }
    /// None: an artist appears in the legend only when it says so.
    public var legendEntry: LegendEntry? { nil }
    /// None: an artist that reports no points does not steer the legend's placement.
    public func screenPoints(in frame: AxesFrame) -> [Point] { [] }
    /// Default: none.
    public var trackedPoints: TrackedPoints? { nil }
}

/// A legend row: a sample of the line and marker, and the label.
public struct LegendEntry: Sendable {
    /// The text of the row.
    public let label: String
    /// The sample line's dash style; ``LineStyle/none`` for a marker alone.
    public let lineStyle: LineStyle
    /// The sample line's width, in points.
    public let lineWidth: Double
    /// The sample's colour.
    public let color: Color
    /// The marker drawn on the sample, if any.
    public let marker: Marker?
}

/// A data series: a polyline through (xs[i], ys[i]) and/or a marker at each point
/// (matplotlib's `plot`). Non-finite points break the line.
public struct LineArtist: Artist {
    /// The x values, in data units; as many as ``ys``. A non-finite value breaks the line there.
    public var xs: [Double]
    /// The y values, in data units; as many as ``xs``. A non-finite value breaks the line there.
    public var ys: [Double]
    /// Default: solid.
    public var style: LineStyle
    /// Line width in points. Default: 1.5.
    public var width: Double
    /// The line's and the markers' colour. Default: the first colour of the cycle, `#1f77b4`.
    public var color: Color
    /// Default: none.
    public var marker: Marker?
    /// The legend's label; `nil` leaves the line out of the legend. Default: nil.
    public var label: String?
    /// When set, points outside the view are shown by an arrow at the axes' edge pointing where
    /// they went, with the coordinates of the farthest one: never lost silently. Default: true.
    public var marksPointsOutsideView: Bool
    /// When each point appears in an animated figure, as a fraction (0…1) of the animation, one
    /// time per point, increasing: the point's marker appears then, and a solid line grows to it
    /// (a line broken by non-finite points, or dashed, appears whole with the first point). Only
    /// an animating canvas uses them; every other draws the finished line. Default: nil (all at
    /// once).
    public var revealTimes: [Double]?

    /// A line through (`xs[i]`, `ys[i]`) with the given style; every argument but the points has
    /// the default its property states.
    ///
    /// - Precondition: `xs.count == ys.count`.
    public init(
        xs: [Double], ys: [Double], style: LineStyle = .solid, width: Double = PlotDefaults.lineWidth,
        color: Color = Color.cycle[0], marker: Marker? = nil, label: String? = nil, marksPointsOutsideView: Bool = true
    ) {
        precondition(xs.count == ys.count, "\(xs.count) x values for \(ys.count) y values")
        self.xs = xs
        self.ys = ys
        self.style = style
        self.width = width
        self.color = color
        self.marker = marker
        self.label = label
        self.marksPointsOutsideView = marksPointsOutsideView
    }

    /// The same line with its points appearing one step at a time (``Reveal/stepTimes(_:)``) in an
    /// animated figure: what `--animate` plays on a descent path.
    ///
    /// - Complexity: O(n) for n points.
    public func revealedStepByStep() -> LineArtist {
        var line = self
        line.revealTimes = Reveal.stepTimes(xs.count)
        return line
    }

    /// The smallest rectangle holding every finite point; `nil` when no point is finite.
    ///
    /// - Complexity: O(n) for n points.
    public var dataBounds: Rect? { dataBounds(xScale: .linear, yScale: .linear) }

    /// The smallest rectangle holding every finite point that the scales can place (a value ≤ 0
    /// on a log scale is left out, as matplotlib masks it); `nil` when there is none.
    ///
    /// - Complexity: O(n) for n points.
    public func dataBounds(xScale: Scale, yScale: Scale) -> Rect? {
        let points = zip(xs, ys).filter {
            $0.0.isFinite && $0.1.isFinite && !xScale.masks($0.0) && !yScale.masks($0.1)
        }
        guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(), let minY = points.map(\.1).min(),
            let maxY = points.map(\.1).max()
        else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// A row with the line's style and marker when it has a ``label``, else `nil`.
    public var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, lineStyle: style, lineWidth: width, color: color, marker: marker) }
    }

    /// Every point, in the line's colour, when ``marksPointsOutsideView`` is set.
    public var trackedPoints: TrackedPoints? {
        marksPointsOutsideView ? TrackedPoints(xs: xs, ys: ys, color: color, revealTimes: revealTimes) : nil
    }

    /// Every finite point, in pixels.
    public func screenPoints(in frame: AxesFrame) -> [Point] {
        zip(xs, ys).filter {
            $0.0.isFinite && $0.1.isFinite && !frame.xScale.masks($0.0) && !frame.yScale.masks($0.1)
        }.map { frame.pixel($0.0, $0.1) }
    }

    /// Strokes each run of finite points, thinned to what the pixels can show
    /// (``PolylineDecimation``), then the markers, at most one per 1/8-pixel cell (a second would
    /// cover the first exactly).
    ///
    /// - Complexity: O(n) for n points; markers drawn are bounded by the path's length in pixels.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        if style != .none {
            // Runs of finite points, each thinned to what the pixels can show.
            var runs: [[Point]] = [[]]
            for (x, y) in zip(xs, ys) {
                let point = frame.pixel(x, y)
                guard point.x.isFinite, point.y.isFinite, abs(point.x) < 1e9, abs(point.y) < 1e9 else {
                    if !runs[runs.count - 1].isEmpty { runs.append([]) }
                    continue
                }
                runs[runs.count - 1].append(point)
            }
            var path = Path()
            var kept: [[Int]] = []
            for run in runs where !run.isEmpty {
                kept.append(PolylineDecimation.keptIndices(run))
                path.append(.polyline(kept[kept.count - 1].map { run[$0] }))
            }
            let pixels = frame.units.pixels(width)
            let reveal = revealTimes.flatMap { lineReveal($0, kept: kept, path: path) }
            if let reveal { canvas.beginReveal(reveal) }
            canvas.stroke(
                path,
                style: StrokeStyle(width: pixels, cap: style.cap, join: .round, dash: style.dashPattern(width: pixels)),
                color: color)
            if reveal != nil { canvas.endReveal() }
        }
        if let marker {
            let reach = frame.units.pixels(marker.size)
            var drawn = Set<SIMD2<Int32>>()
            for (index, (x, y)) in zip(xs, ys).enumerated() {
                let point = frame.pixel(x, y)
                guard frame.box.insetBy(-reach).contains(point),
                    drawn.insert(Self.markerCell(of: point)).inserted
                else { continue }
                if let revealTimes { canvas.beginReveal(.at(revealTimes[index])) }
                marker.draw(on: &canvas, at: point, color: color, units: frame.units)
                if revealTimes != nil { canvas.endReveal() }
            }
        }
    }

    /// How the line grows: along its length when it is one solid run (with the pixel length
    /// reached at each point, through the points decimation kept), otherwise all at once with its
    /// first point. `kept` holds each run's kept indices into the run.
    private func lineReveal(_ times: [Double], kept: [[Int]], path: Path) -> Reveal? {
        precondition(times.count == xs.count, "\(times.count) reveal times for \(xs.count) points")
        guard !times.isEmpty else { return nil }
        guard kept.count == 1, style == .solid, let first = path.elements.first, case .move(var previous) = first,
            kept[0].count == path.elements.count, times.count == kept[0].last.map({ $0 + 1 }) ?? 0
        else { return .at(times.first!) }
        // The path's vertices are the kept points; a point decimation dropped is reached with the
        // next kept one (less than a pixel column further on).
        var lengths = [Double](repeating: 0, count: times.count)
        var length = 0.0
        var next = 0
        for (vertex, element) in zip(kept[0], path.elements) {
            if case .line(let point) = element {
                length += (point - previous).length
                previous = point
            }
            while next <= vertex {
                lengths[next] = length
                next += 1
            }
        }
        return .along(lengths: lengths, times: times)
    }

    /// Markers are drawn once per cell of 1/8 pixel: a second marker of the same line there would
    /// cover the first exactly (it would only darken the anti-aliased rim). This bounds the
    /// markers of a long run by the length of its path in pixels rather than by its steps: the
    /// 20 markers of the lr = 1e-8 run (which moves 4e-6 px a step) are drawn once, and so are
    /// the 10⁶ of a million-step run that has converged.
    static func markerCell(of point: Point) -> SIMD2<Int32> {
        SIMD2(Int32((point.x * 8).rounded()), Int32((point.y * 8).rounded()))
    }
}

/// A line across the whole axes at a data value (matplotlib's `axhline` / `axvline`): the book's
/// dashed guides through the origin.
public struct GuideLine: Artist {
    /// Which way the guide runs.
    public enum Orientation: Sendable {
        /// y = value, from the left edge to the right.
        case horizontal
        /// x = value, from the bottom edge to the top.
        case vertical
    }

    /// Horizontal (y = ``value``) or vertical (x = ``value``).
    public var orientation: Orientation
    /// The data value the line marks: y for a horizontal guide, x for a vertical one.
    public var value: Double
    /// The dash style. Default: ``LineStyle/dashed``, as the book's `'--b'`.
    public var style: LineStyle
    /// Width in points. Default: 1.5.
    public var width: Double
    /// Default: ``Color/guide``, pure blue (matplotlib's `'b'`) in the light theme.
    public var color: Color

    /// A guide at `value`, dashed, 1.5 pt and pure blue by default, as the book's.
    public init(
        _ orientation: Orientation, at value: Double, style: LineStyle = .dashed,
        width: Double = PlotDefaults.lineWidth,
        color: Color = .guide
    ) {
        self.orientation = orientation
        self.value = value
        self.style = style
        self.width = width
        self.color = color
    }

    /// `nil`: a guide spans whatever limits the axes have and takes no part in choosing them.
    public var dataBounds: Rect? { nil }

    /// Strokes the line across the axes box, snapped to the pixel grid as matplotlib snaps
    /// `axhline`, so a 1.5 pt line is crisp.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        let pixels = frame.units.pixels(width)
        let path: Path
        switch orientation {
        case .horizontal:
            let y = PlotUnits.snap(frame.pixel(frame.xLimits.lowerBound, value).y, width: pixels)
            path = .polyline([Point(frame.box.minX, y), Point(frame.box.maxX, y)])
        case .vertical:
            let x = PlotUnits.snap(frame.pixel(value, frame.yLimits.lowerBound).x, width: pixels)
            path = .polyline([Point(x, frame.box.minY), Point(x, frame.box.maxY)])
        }
        canvas.stroke(
            path, style: StrokeStyle(width: pixels, cap: style.cap, dash: style.dashPattern(width: pixels)),
            color: color)
    }
}

/// Text inside the axes, at a point given in data coordinates or as a fraction of the axes box,
/// optionally on a translucent box of the theme's paper (white) and with an arrow to a data point.
public struct TextArtist: Artist {
    /// Where the text is placed.
    public enum Anchor: Sendable {
        /// At the data point (x, y): the text moves with the limits.
        case data(Double, Double)
        /// At a fraction of the axes box, (0, 0) its lower left corner and (1, 1) its upper
        /// right: the text stays put whatever the limits.
        case axesFraction(Double, Double)
    }

    /// The text, with any superscripts.
    public var text: RichText
    /// The point the text is placed at.
    public var anchor: Anchor
    /// Which side of the text sits at the anchor. Default: ``HorizontalAnchor/left``.
    public var horizontal: HorizontalAnchor
    /// Which edge of the text sits at the anchor. Default: ``VerticalAnchor/top``.
    public var vertical: VerticalAnchor
    /// Size in points. Default: 9.
    public var size: Double
    /// The text's and the arrow's colour. Default: ``Color/foreground``.
    public var color: Color
    /// Draw the text on the paper colour (white) at 85 % opacity. Default: true.
    public var boxed: Bool
    /// A data point the text points at with an arrow, if any.
    public var arrowTo: (x: Double, y: Double)?

    /// Text at `anchor` with the given placement; every argument but the text and the anchor has
    /// the default its property states.
    public init(
        _ text: RichText, at anchor: Anchor, horizontal: HorizontalAnchor = .left, vertical: VerticalAnchor = .top,
        size: Double = 9, color: Color = .foreground, boxed: Bool = true, arrowTo: (x: Double, y: Double)? = nil
    ) {
        self.text = text
        self.anchor = anchor
        self.horizontal = horizontal
        self.vertical = vertical
        self.size = size
        self.color = color
        self.boxed = boxed
        self.arrowTo = arrowTo
    }

    /// `nil`: text takes no part in choosing the limits.
    public var dataBounds: Rect? { nil }

    func placed(in frame: AxesFrame) -> PlacedText {
        let position: Point
        switch anchor {
        case .data(let x, let y): position = frame.pixel(x, y)
        case .axesFraction(let x, let y): position = frame.pixel(axesFraction: Point(x, y))
        }
        return PlacedText(frame.layout(text, points: size), at: position, horizontal: horizontal, vertical: vertical)
    }

    /// The corners and centre of the text's box, so that the legend avoids covering it.
    public func screenPoints(in frame: AxesFrame) -> [Point] {
        let bounds = placed(in: frame).bounds
        return [Point(bounds.minX, bounds.minY), Point(bounds.maxX, bounds.maxY), bounds.center]
    }

    /// Draws the arrow (from the text's box to ``arrowTo``), the box when ``boxed``, then the text.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        let placed = placed(in: frame)
        if let arrowTo {
            let target = frame.pixel(arrowTo.x, arrowTo.y)
            let bounds = placed.bounds
            let start = Point(
                min(max(target.x, bounds.minX), bounds.maxX), min(max(target.y, bounds.minY), bounds.maxY))
            Arrow.draw(on: &canvas, from: start, to: target, color: color, units: frame.units)
        }
        if boxed {
            let pad = frame.units.pixels(2)
            canvas.fill(.rectangle(placed.bounds.insetBy(-pad)), color: Color.paper.withAlpha(0.85))
        }
        canvas.draw(placed, color: color)
    }
}

/// A filled polygon in data coordinates (matplotlib's `fill`), or its outline.
public struct RegionArtist: Artist {
    /// The vertices' x values, in data units; as many as ``ys``.
    public var xs: [Double]
    /// The vertices' y values, in data units; as many as ``xs``.
    public var ys: [Double]
    /// The fill's (or the outline's) colour; give it an alpha below 1 to let the data show through.
    public var color: Color
    /// Stroke the outline this wide (points) instead of filling. Default: nil (fill).
    public var outlineWidth: Double?

    /// A polygon through (`xs[i]`, `ys[i]`), closed back to its first vertex, filled unless
    /// `outlineWidth` is given.
    public init(xs: [Double], ys: [Double], color: Color, outlineWidth: Double? = nil) {
        self.xs = xs
        self.ys = ys
        self.color = color
        self.outlineWidth = outlineWidth
    }

    /// The smallest rectangle holding every vertex; `nil` for no vertex.
    public var dataBounds: Rect? {
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// Fills the polygon with the non-zero rule, or strokes its outline with mitred corners.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        let path = Path.polyline(zip(xs, ys).map { frame.pixel($0.0, $0.1) }, closed: true)
        if let outlineWidth {
            canvas.stroke(
                path, style: StrokeStyle(width: frame.units.pixels(outlineWidth), join: .miter(limit: 10)), color: color
            )
        } else {
            canvas.fill(path, color: color)
        }
    }
}

/// A straight arrow with a filled triangular head.
enum Arrow {
    /// Draws a line from `start` to `end` with a head at `end`, 1 pt wide, head 6 pt long.
    static func draw<C: Canvas>(on canvas: inout C, from start: Point, to end: Point, color: Color, units: PlotUnits) {
        let direction = (end - start).normalized
        guard direction != .zero else { return }
        let headLength = units.pixels(6)
        let base = end - direction * headLength
        canvas.stroke(.polyline([start, base]), style: StrokeStyle(width: units.pixels(1)), color: color)
        head(on: &canvas, tip: end, direction: direction, length: headLength, color: color)
    }

    /// A filled triangle with its tip at `tip`, pointing along `direction`.
    static func head<C: Canvas>(on canvas: inout C, tip: Point, direction: Point, length: Double, color: Color) {
        let base = tip - direction * length
        let side = direction.perpendicular * (length * 0.4)
        canvas.fill(.polyline([tip, base + side, base - side], closed: true), color: color)
    }
}
