import Foundation

/// Something drawn inside an axes: lines, markers, guides, text, regions.
public protocol Artist: Sendable {
    /// The data the artist shows, for automatic limits; `nil` when it takes no part in them.
    var dataBounds: Rect? { get }
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
    /// Default: none.
    public var legendEntry: LegendEntry? { nil }
    /// Default: none.
    public func screenPoints(in frame: AxesFrame) -> [Point] { [] }
    /// Default: none.
    public var trackedPoints: TrackedPoints? { nil }
}

/// A legend row: a sample of the line and marker, and the label.
public struct LegendEntry: Sendable {
    public let label: String
    public let lineStyle: LineStyle
    public let lineWidth: Double
    public let color: Color
    public let marker: Marker?
}

/// A data series: a polyline through (xs[i], ys[i]) and/or a marker at each point
/// (matplotlib's `plot`). Non-finite points break the line.
public struct LineArtist: Artist {
    public var xs: [Double]
    public var ys: [Double]
    /// Default: solid.
    public var style: LineStyle
    /// Line width in points. Default: 1.5.
    public var width: Double
    public var color: Color
    /// Default: none.
    public var marker: Marker?
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
    public func revealedStepByStep() -> LineArtist {
        var line = self
        line.revealTimes = Reveal.stepTimes(xs.count)
        return line
    }

    public var dataBounds: Rect? {
        let points = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(), let minY = points.map(\.1).min(),
            let maxY = points.map(\.1).max()
        else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    public var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, lineStyle: style, lineWidth: width, color: color, marker: marker) }
    }

    /// Every point, in the line's colour, when ``marksPointsOutsideView`` is set.
    public var trackedPoints: TrackedPoints? {
        marksPointsOutsideView ? TrackedPoints(xs: xs, ys: ys, color: color, revealTimes: revealTimes) : nil
    }

    public func screenPoints(in frame: AxesFrame) -> [Point] {
        zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }.map { frame.pixel($0.0, $0.1) }
    }

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
    public enum Orientation: Sendable {
        /// y = value, from the left edge to the right.
        case horizontal
        /// x = value, from the bottom edge to the top.
        case vertical
    }

    public var orientation: Orientation
    public var value: Double
    public var style: LineStyle
    /// Width in points. Default: 1.5.
    public var width: Double
    public var color: Color

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

    public var dataBounds: Rect? { nil }

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
    public enum Anchor: Sendable {
        case data(Double, Double)
        case axesFraction(Double, Double)
    }

    public var text: RichText
    public var anchor: Anchor
    public var horizontal: HorizontalAnchor
    public var vertical: VerticalAnchor
    /// Size in points. Default: 9.
    public var size: Double
    public var color: Color
    /// Draw the text on the paper colour (white) at 85 % opacity. Default: true.
    public var boxed: Bool
    /// A data point the text points at with an arrow, if any.
    public var arrowTo: (x: Double, y: Double)?

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

    public var dataBounds: Rect? { nil }

    func placed(in frame: AxesFrame) -> PlacedText {
        let position: Point
        switch anchor {
        case .data(let x, let y): position = frame.pixel(x, y)
        case .axesFraction(let x, let y): position = frame.pixel(axesFraction: Point(x, y))
        }
        return PlacedText(frame.layout(text, points: size), at: position, horizontal: horizontal, vertical: vertical)
    }

    public func screenPoints(in frame: AxesFrame) -> [Point] {
        let bounds = placed(in: frame).bounds
        return [Point(bounds.minX, bounds.minY), Point(bounds.maxX, bounds.maxY), bounds.center]
    }

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
    public var xs: [Double]
    public var ys: [Double]
    public var color: Color
    /// Stroke the outline this wide (points) instead of filling. Default: nil (fill).
    public var outlineWidth: Double?

    public init(xs: [Double], ys: [Double], color: Color, outlineWidth: Double? = nil) {
        self.xs = xs
        self.ys = ys
        self.color = color
        self.outlineWidth = outlineWidth
    }

    public var dataBounds: Rect? {
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

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
