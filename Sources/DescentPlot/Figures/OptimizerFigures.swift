import DescentCore
import Foundation

/// Several optimisers on one landscape: the book's Figure 6-8 (`optimizer_compare_naive.py`), one
/// panel each, or every path on one.
public enum OptimizerFigures {
    /// How the runs are laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// One panel per run, titled with its optimiser: the book's 2 × 2 for four.
        case grid
        /// Every path on one landscape, each in a colour of the cycle, named in a legend.
        case overlay
    }

    /// The columns of a grid of `count` panels: as square as it can be, wider than tall (2 × 2
    /// for the book's four, 3 × 2 for six).
    public static func columns(forPanels count: Int) -> Int {
        Int(Double(count).squareRoot().rounded(.up))
    }

    /// The panels `layout` draws for `count` runs.
    public static func panelCount(forRuns count: Int, layout: Layout) -> (rows: Int, columns: Int) {
        guard layout == .grid else { return (1, 1) }
        let columns = columns(forPanels: count)
        return ((count + columns - 1) / columns, columns)
    }

    /// The runs (of one function of two variables) drawn as `layout` says, each panel
    /// `panelWidth` × `panelHeight`: contours of f as `options.contours` asks, the paths `'o-'`
    /// (red in a grid, as the book's; the cycle's colours when overlaid), the start, `+` at the
    /// known minima, labels x and y. A panel's title names its optimiser as the book does, with
    /// its learning rate.
    ///
    /// - Precondition: `runs` is not empty, every run is of two variables, and `labels`, when
    ///   given, has one label per run.
    /// - Parameters:
    ///   - runs: the runs, each of two variables, in the order of the panels or of the legend.
    ///   - labels: a title or legend label for each run; `nil` names each by its optimiser and
    ///     rate (``name(of:)``), as a path recorded elsewhere cannot be named.
    ///   - layout: one panel per run (``Layout/grid``, the book's) or every path on one landscape.
    ///     Default: grid.
    ///   - options: the view, a title, and how the function's contours are drawn.
    ///   - panelWidth: the width of each panel in pixels. Default: 640.
    ///   - panelHeight: the height of each panel in pixels. Default: 480.
    ///   - dpi: pixels per inch, for text and line widths. Default: 100.
    /// - Complexity: the contours cost one evaluation of f per grid sample, once per figure: panels
    ///   of a grid that show the same function over the same view share one landscape.
    public static func figure(
        _ runs: [Trajectory], labels: [String]? = nil, layout: Layout = .grid,
        options: TrajectoryFigures.Options = .init(), panelWidth: Double = 640, panelHeight: Double = 480,
        dpi: Double = 100
    ) -> Figure {
        let labels = labels ?? runs.map(name(of:))
        precondition(labels.count == runs.count, "\(labels.count) labels for \(runs.count) runs")
        precondition(!runs.isEmpty && runs.allSatisfy { $0.history.dimension == 2 }, "paths of two variables")
        let (rows, columns) = panelCount(forRuns: runs.count, layout: layout)
        var figure = Figure(panelWidth: panelWidth, panelHeight: panelHeight, dpi: dpi, rows: rows, columns: columns)
        switch layout {
        case .grid:
            var landscapes: [(key: LandscapeKey, axes: Axes)] = []
            for (index, run) in runs.enumerated() {
                let key = LandscapeKey(of: run, limits: limits(for: run, options: options))
                var axes: Axes
                if let shared = landscapes.first(where: { $0.key == key }) {
                    axes = shared.axes
                } else {
                    axes = landscape(for: run, limits: key.limits, options: options)
                    landscapes.append((key, axes))
                }
                TrajectoryFigures.addPath(of: run, to: &axes, color: TrajectoryFigures.pathColor)
                TrajectoryFigures.addStart(of: run, to: &axes)
                axes.title = RichText([options.title, labels[index]].compactMap { $0 }.joined(separator: " · "))
                figure.panels[index] = axes
            }
        case .overlay:
            var axes = landscape(for: runs[0], limits: limits(for: runs[0], options: options), options: options)
            for (index, run) in runs.enumerated() {
                TrajectoryFigures.addPath(
                    of: run, to: &axes, color: Color.cycle[index % Color.cycle.count], label: labels[index])
            }
            TrajectoryFigures.addStart(of: runs[0], to: &axes)
            axes.legend = .best
            axes.title = options.title.map { RichText($0) }
            figure[0, 0] = axes
        }
        return figure
    }

    /// "SGD, lr 0.95": the book's name of the optimiser, and the learning rate.
    public static func name(of run: Trajectory) -> String {
        let kind = OptimizerKind(rawValue: run.optimizer)?.bookName ?? run.optimizer
        return "\(kind), lr \(NumberText.shortest(run.learningRate))"
    }

    /// What a panel's landscape depends on: the function (named by its description, as the
    /// panels' titles and the contour grid know it), its landscape, and the view. Panels with the
    /// same key share one landscape, so the contour grid is sampled and traced once per figure.
    private struct LandscapeKey: Equatable {
        let function: String
        let landscape: Landscape?
        let limits: Limits

        init(of run: Trajectory, limits: Limits) {
            function = run.objective.description
            landscape = run.objective.landscape
            self.limits = limits
        }
    }

    /// The view of a landscape: x and y limits.
    private struct Limits: Equatable {
        let x: ClosedRange<Double>
        let y: ClosedRange<Double>
    }

    /// The view of `run`'s panel: the options', else the landscape's, else what the path needs.
    private static func limits(for run: Trajectory, options: TrajectoryFigures.Options) -> Limits {
        var axes = Axes()
        TrajectoryFigures.addMinima(of: run.objective, to: &axes)
        let x = options.xLimits ?? run.objective.landscape?.x
        let y = options.yLimits ?? run.objective.landscape?.y
        if let x, let y { return Limits(x: x, y: y) }
        TrajectoryFigures.addPath(of: run, to: &axes, color: TrajectoryFigures.pathColor)
        axes.xLimits = x
        axes.yLimits = y
        let resolved = axes.resolvedLimits
        return Limits(x: x ?? resolved.x, y: y ?? resolved.y)
    }

    /// An axes for `run`'s function over `limits`: its contours, `+` at its minima, labels x and y
    /// as the book's.
    private static func landscape(for run: Trajectory, limits: Limits, options: TrajectoryFigures.Options) -> Axes {
        var axes = Axes()
        axes.xLabel = "x"
        axes.yLabel = "y"
        TrajectoryFigures.addMinima(of: run.objective, to: &axes)
        axes.xLimits = limits.x
        axes.yLimits = limits.y
        axes.addContours(of: run.objective, over: (limits.x, limits.y), options.contours)
        return axes
    }
}
