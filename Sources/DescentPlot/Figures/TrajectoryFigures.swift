import DescentCore
import Foundation

/// The figures of descent runs: the book's Figure 4-10 for one run, and one panel per run to
/// compare learning rates, each failure made legible.
public enum TrajectoryFigures {
    /// Options shared by the trajectory figures.
    public struct Options: Sendable {
        /// The view; `nil` for automatic (the book's limits for the sphere). Default: nil.
        public var xLimits: ClosedRange<Double>?
        /// The view along y; `nil` for automatic. Default: nil.
        public var yLimits: ClosedRange<Double>?
        /// A title above the plot (one panel) or before each panel's own. Default: none.
        public var title: String?
        /// How a run of two variables is drawn. Default: ``Style/landscape``.
        public var style: Style
        /// The function's contours behind a path in the landscape style. Default: lines, at
        /// automatic levels.
        public var contours: LandscapeContours
        /// The dashed guide lines of a run of two variables. Default: ``Guides/automatic`` (through
        /// the origin in the book style, none in the landscape style).
        public var guides: Guides
        /// The label under the first panel's x axis; `nil` for the figure's own (X0 for a run of
        /// one or two variables, "step" for more), empty for none. Default: nil.
        public var xLabel: String?
        /// The label beside the first panel's y axis; `nil` for the figure's own (X1 for two
        /// variables, f(X0) for one, f(x) for more), empty for none. Default: nil.
        public var yLabel: String?

        /// Options with every member at the default its property states.
        public init(
            xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil, title: String? = nil,
            style: Style = .landscape, contours: LandscapeContours = LandscapeContours(),
            guides: Guides = .automatic, xLabel: String? = nil, yLabel: String? = nil
        ) {
            self.xLimits = xLimits
            self.yLimits = yLimits
            self.title = title
            self.style = style
            self.contours = contours
            self.guides = guides
            self.xLabel = xLabel
            self.yLabel = yLabel
        }
    }

    /// Dashed guide lines across the view of a run of two variables (matplotlib's `axhline` and
    /// `axvline`), drawn under the path in the guide colour (pure blue in the light theme).
    public enum Guides: Sendable, Equatable {
        /// The style's own: through the origin in the book style (Figure 4-10), none in the
        /// landscape style, whose contours already show where the minimum is.
        case automatic
        /// No guide lines.
        case hidden
        /// A horizontal line at y and a vertical one at x, in either style.
        case through(x: Double, y: Double)

        /// Where the lines cross in `style`, or `nil` for none.
        func crossing(in style: Style) -> (x: Double, y: Double)? {
            switch self {
            case .automatic: style == .book ? (0, 0) : nil
            case .hidden: nil
            case .through(let x, let y): (x, y)
            }
        }
    }

    /// How a run of two variables is drawn.
    public enum Style: Sendable, Equatable {
        /// The book's Figure 4-10: a circle (C0) at every point of the history, dashed pure-blue
        /// guides through the origin, nothing else.
        case book
        /// The path on its function: contours of f behind the points joined as the book's
        /// chapter 6 draws them (`'o-'` in red), the start and the end marked apart, and `+` at
        /// the known minima.
        case landscape
    }

    /// How many panels ``trajectory(_:options:width:height:dpi:)`` draws for a function of
    /// `dimension` variables: one, or two (value and gradient norm against the step) from three
    /// variables on, where no picture of the landscape would be honest.
    public static func panelCount(forDimension dimension: Int) -> Int {
        dimension >= 3 ? 2 : 1
    }

    /// How many panels ``trajectory(_:options:width:height:dpi:)`` draws for `run`: as
    /// ``panelCount(forDimension:)`` says, but one for a history recorded without its function
    /// (its coordinates against the step), whatever its dimension but two.
    public static func panelCount(for run: Trajectory) -> Int {
        run.knownObjective == nil && run.history.dimension != 2 ? 1 : panelCount(forDimension: run.history.dimension)
    }

    /// One run, drawn as suits its number of variables, each panel `width` × `height`:
    /// - two: Figure 4-10, dashed pure-blue guides through the origin, a circle (C0) at every
    ///   point of the history, labels X0 and X1;
    /// - one: the curve f(x) with the path on it, point by point;
    /// - three or more: f(x) against the step beside ‖∇f‖ against the step (log scales where
    ///   every value is positive).
    ///
    /// A history recorded without its function (`Trajectory.knownObjective` `nil`) has no curve,
    /// contours or values to show: two variables are drawn as the path alone, in the given style;
    /// any other number as each coordinate against the step.
    public static func trajectory(
        _ run: Trajectory, options: Options = Options(), width: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        let panels = panelCount(for: run)
        var figure = Figure(panelWidth: width, panelHeight: height, dpi: dpi, columns: panels)
        figure[0, 0] = axes(for: run, options: options)
        if panels == 2 {
            var norms = progressAxes(run.gradientNorms, label: "‖∇f(x)‖")
            norms.xLimits = options.xLimits
            norms.title = options.title.map { RichText($0) }
            figure[0, 1] = norms
        }
        return figure
    }

    /// One panel per run, side by side, each `panelWidth` × `height`, titled with its learning
    /// rate and status, with a note saying what went wrong (wrapped when the figure is drawn, at
    /// whatever size and resolution) and an inset where the points pile up.
    public static func comparison(
        _ runs: [Trajectory], options: Options = Options(), panelWidth: Double = 640, height: Double = 480,
        dpi: Double = 100
    ) -> Figure {
        var figure = Figure(panelWidth: panelWidth, panelHeight: height, dpi: dpi, columns: runs.count)
        for (index, run) in runs.enumerated() {
            var axes = axes(for: run, options: options)
            let heading = "lr = \(NumberText.shortest(run.learningRate)): \(run.outcome.status.rawValue)"
            axes.title = RichText(options.title.map { "\($0) · \(heading)" } ?? heading)
            axes.note = [RichText(run.outcome.reason), finalPoint(run)]
            if let inset = magnifier(for: run, in: axes) { axes.insets.append(inset) }
            figure[0, index] = axes
        }
        return figure
    }

    /// "final x = (…)", in the notation of the labels.
    static func finalPoint(_ run: Trajectory) -> RichText {
        var spans = [TextSpan("final x = (")]
        for (index, coordinate) in run.final.enumerated() {
            if index > 0 { spans.append(TextSpan(", ")) }
            spans += ValueText.spans(coordinate)
        }
        return RichText(spans: spans + [TextSpan(")")]).withTypographicMinus
    }

    /// The first (or only) panel of ``trajectory(_:options:width:height:dpi:)``, to place in a
    /// figure of one's own: for two variables the path (with guides, markers, labels and, in the
    /// landscape style, contours); for one, the curve f(x) and the path on it; for more, f(x)
    /// against the step; for a history recorded without its function (of other than two
    /// variables), each coordinate against the step. Titled with `options.title`, and labelled
    /// with `options.xLabel` and `options.yLabel` where given.
    ///
    /// - Complexity: O(n) for n points, plus the contour grid's samples in the landscape style.
    public static func axes(for run: Trajectory, options: Options = Options()) -> Axes {
        var axes = unlabelledAxes(for: run, options: options)
        axes.title = options.title.map { RichText($0) }
        if let label = options.xLabel { axes.xLabel = label.isEmpty ? nil : RichText(label) }
        if let label = options.yLabel { axes.yLabel = label.isEmpty ? nil : RichText(label) }
        return axes
    }

    /// ``axes(for:options:)`` with the figure's own title and labels.
    private static func unlabelledAxes(for run: Trajectory, options: Options) -> Axes {
        if run.knownObjective == nil, run.history.dimension != 2 {
            return coordinateAxes(for: run, options: options)
        }
        switch run.history.dimension {
        case 1: return curveAxes(for: run, options: options)
        case 2: break
        default:
            var values = progressAxes(run.values + [run.finalValue], label: "f(x)")
            values.xLimits = options.xLimits
            values.yLimits = options.yLimits
            return values
        }
        var axes = Axes()
        // A function with a landscape (a preset's) is shown on its domain (the sphere's is the
        // book's view); any other function on its data.
        let landscape = run.objective.landscape
        axes.xLimits = options.xLimits ?? landscape?.x
        axes.yLimits = options.yLimits ?? landscape?.y
        axes.xLabel = "X0"
        axes.yLabel = "X1"
        if let crossing = options.guides.crossing(in: options.style) {
            axes.add(GuideLine(.horizontal, at: crossing.y))
            axes.add(GuideLine(.vertical, at: crossing.x))
        }
        switch options.style {
        case .book:
            axes.add(
                LineArtist(
                    xs: run.history.map { $0[0] }, ys: run.history.map { $0[1] },
                    style: .none, color: Color.cycle[0], marker: Marker(.circle)
                ).revealedStepByStep())
        case .landscape:
            addPath(of: run, to: &axes)
            let view = axes.resolvedLimits
            axes.xLimits = view.x
            axes.yLimits = view.y
            if let objective = run.knownObjective {
                axes.addContours(of: objective, over: view, options.contours)
            }
        }
        return axes
    }

    /// The most circles a path gets: beyond, every k-th point is marked.
    static let maximumPathMarkers = 100

    /// The red of the book's chapter-6 paths (`color="red"`).
    static let pathColor = Color(hex: "#ff0000")!

    /// The path `'o-'` in red, the start and end marked apart, `+` at the known minima, and a
    /// legend that names the marks.
    static func addPath(of run: Trajectory, to axes: inout Axes) {
        addPath(of: run, to: &axes, color: pathColor)
        addMinima(of: run.objective, to: &axes)
        addStart(of: run, to: &axes)
        let points = run.points
        let last = points[points.count - 1]
        addEnd(x: last[0], y: last[1], to: &axes)
        axes.legend = .best
    }

    /// The end as a diamond in the path's red edged in the foreground colour, labelled `label`.
    static func addEnd(x: Double, y: Double, to axes: inout Axes, label: String = "end") {
        var end = LineArtist(
            xs: [x], ys: [y], style: .none, color: pathColor,
            marker: Marker(.diamond, size: 9, edge: .foreground, edgeWidth: 0.8), label: label)
        end.revealTimes = [1]
        axes.add(end)
    }

    /// The path through every point, final included, in `color`: a circle at every point while they
    /// stay few, then at every k-th (as matplotlib's `markevery`), so that a long run is a line
    /// that still shows its pace. `label` names the line in a legend.
    static func addPath(of run: Trajectory, to axes: inout Axes, color: Color, label: String? = nil) {
        let points = run.points
        addPath(
            xs: points.map { $0[0] }, ys: points.map { $0[1] }, to: &axes, color: color,
            label: label)
    }

    /// The path through (xs[i], ys[i]), as ``addPath(of:to:color:label:)`` draws a run's.
    static func addPath(xs: [Double], ys: [Double], to axes: inout Axes, color: Color, label: String? = nil) {
        let points = xs.indices
        let every = (points.count + maximumPathMarkers - 1) / maximumPathMarkers
        // In an animated figure the path grows point by point (``LineArtist/revealTimes``); the
        // start shows at once and the end with the last point.
        let times = Reveal.stepTimes(points.count)
        let circle = Marker(.circle, size: 4)
        axes.add(
            LineArtist(xs: xs, ys: ys, width: 1, color: color, marker: every == 1 ? circle : nil, label: label)
                .revealedStepByStep())
        if every > 1 {
            let marked = Array(stride(from: 0, to: points.count, by: every))
            var circles = LineArtist(
                xs: marked.map { xs[$0] }, ys: marked.map { ys[$0] }, style: .none, color: color, marker: circle,
                marksPointsOutsideView: false)
            circles.revealTimes = marked.map { times[$0] }
            axes.add(circles)
        }
    }

    /// The start as a square on the paper colour edged in the path's red, larger than the path's
    /// circles, so that the direction reads without arrows.
    static func addStart(of run: Trajectory, to axes: inout Axes) {
        addStart(x: run.initial[0], y: run.initial[1], to: &axes)
    }

    /// The start at (x, y), as ``addStart(of:to:)`` marks a run's, labelled `label`.
    static func addStart(x: Double, y: Double, to axes: inout Axes, label: String = "start") {
        axes.add(
            LineArtist(
                xs: [x], ys: [y], style: .none, color: pathColor,
                marker: Marker(.square, size: 8, face: .paper, edge: pathColor, edgeWidth: 1.5), label: label))
    }

    /// `+` in the foreground colour at each known minimum of `objective`, under the path's marks.
    static func addMinima(of objective: Objective, to axes: inout Axes) {
        guard let minima = objective.landscape?.minima, !minima.isEmpty else { return }
        axes.add(
            LineArtist(
                xs: minima.map { $0[0] }, ys: minima.map { $0[1] }, style: .none, color: .foreground,
                marker: Marker(.plus, size: 10, edgeWidth: 1.5), label: minima.count == 1 ? "minimum" : "minima",
                marksPointsOutsideView: false))
    }

    /// Samples of f(x) drawn for a function of one variable.
    static let curveSamples = 400

    /// A run of a function of one variable: f over the view as a line (C0), and the points the
    /// run visited, final included, on it as red `'o-'` (the book's chapter-6 path style). The
    /// view is the path's x extent, widened by a quarter on each side so that the curve shows
    /// where the path was heading (or the landscape's, or `--xlim`).
    static func curveAxes(for run: Trajectory, options: Options) -> Axes {
        let xs = run.points.map { $0[0] }
        let finite = xs.filter(\.isFinite)
        let view: ClosedRange<Double>
        if let limits = options.xLimits ?? run.objective.landscape?.x {
            view = limits
        } else if let low = finite.min(), let high = finite.max() {
            // Kept within ±largestAutomaticValue (a run may overflow towards ±1e308).
            let largest = Axes.largestAutomaticValue
            let center = min(max(low / 2 + high / 2, -largest / 2), largest / 2)
            let half = min(max((high / 2 - low / 2) * 1.25, abs(center) * 0.1, 1), largest / 2)
            view = (center - half)...(center + half)
        } else {
            view = -1...1
        }
        let step = (view.upperBound / 2 - view.lowerBound / 2) * 2 / Double(curveSamples - 1)
        let curveX = (0..<curveSamples).map { view.lowerBound + Double($0) * step }
        var axes = Axes()
        axes.xLimits = view
        axes.yLimits = options.yLimits
        axes.xLabel = "X0"
        axes.yLabel = "f(X0)"
        axes.add(
            LineArtist(
                xs: curveX, ys: curveX.map { run.objective([$0]) }, color: Color.cycle[0],
                marksPointsOutsideView: false))
        axes.add(
            LineArtist(
                xs: xs, ys: run.values + [run.finalValue], width: 1, color: Color.cycle[3],
                marker: Marker(.circle, size: 4)
            ).revealedStepByStep())
        return axes
    }

    /// A history recorded without its function, of one variable or of three or more: each
    /// coordinate against the step (0 … n, the final x included), in the colour cycle, named in a
    /// legend (x0 … x9), with markers while they stay apart.
    static func coordinateAxes(for run: Trajectory, options: Options) -> Axes {
        var axes = Axes()
        axes.xLimits = options.xLimits
        axes.yLimits = options.yLimits
        axes.xLabel = "step"
        axes.yLabel = "x"
        axes.grid = true
        let points = run.points
        let steps = points.indices.map(Double.init)
        for coordinate in 0..<run.history.dimension {
            axes.add(
                LineArtist(
                    xs: steps, ys: points.map { $0[coordinate] },
                    color: Color.cycle[coordinate % Color.cycle.count],
                    marker: points.count <= 60 ? Marker(.circle, size: 4) : nil, label: "x\(coordinate)"))
        }
        axes.legend = .best
        return axes
    }

    /// A series against the step (0, 1, …), on a log scale when every finite value is positive,
    /// with markers while they stay apart.
    static func progressAxes(_ series: [Double], label: String) -> Axes {
        var axes = Axes()
        let positive = series.allSatisfy { !$0.isFinite || $0 > 0 } && series.contains { $0.isFinite }
        axes.yScale = positive ? .log : .linear
        axes.xLabel = "step"
        axes.yLabel = RichText(label)
        axes.grid = true
        axes.add(
            LineArtist(
                xs: series.indices.map(Double.init), ys: series, color: Color.cycle[0],
                marker: series.count <= 60 ? Marker(.circle, size: 4) : nil
            ).revealedStepByStep())
        return axes
    }

    /// An inset that magnifies the history when all of it fits in less than 2 % of the view, so
    /// that points piled on one spot (lr = 1e-8) show that they did move, and how far. It plots
    /// the displacement from the start (ΔX0, ΔX1), whose tick labels stay short where the
    /// coordinates themselves would need an offset.
    static func magnifier(for run: Trajectory, in axes: Axes) -> Inset? {
        guard run.history.dimension >= 2, run.history.count > 0 else { return nil }
        let points = run.points
        let xs = points.map { $0[0] }
        let ys = points.map { $0[1] }
        let limits = axes.resolvedLimits
        let spanX = (xs.max()! - xs.min()!) / (limits.x.upperBound - limits.x.lowerBound)
        let spanY = (ys.max()! - ys.min()!) / (limits.y.upperBound - limits.y.lowerBound)
        guard max(spanX, spanY) < 0.02, xs.allSatisfy(limits.x.contains), ys.allSatisfy(limits.y.contains) else {
            return nil
        }
        var inset = Axes()
        inset.textScale = 0.8
        inset.xLabel = "ΔX0"
        inset.yLabel = "ΔX1"
        inset.add(
            LineArtist(
                xs: xs.map { $0 - xs[0] }, ys: ys.map { $0 - ys[0] }, style: .solid, width: 0.8, color: Color.cycle[0],
                marker: Marker(.circle, size: 4)
            ).revealedStepByStep())
        inset.title = RichText(
            spans: [TextSpan("moved ")] + ValueText.spans(run.pathLength) + [TextSpan(" in \(points.count - 1) steps")])
        return Inset(
            bounds: Rect(x: 0.55, y: 0.12, width: 0.4, height: 0.34), axes: inset,
            region: (x: xs.min()!...xs.max()!, y: ys.min()!...ys.max()!))
    }
}
