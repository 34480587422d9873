import DescentCore
import Foundation

/// A network's training path on its own loss landscape (`descent landscape`): the loss over a
/// plane through the final parameters with the path projected on it (Li et al., 2018), beside the
/// loss along the straight line from the initial to the final parameters (Goodfellow et al.,
/// 2015).
public enum LossLandscapeFigures {
    /// The numbers the figure shows, in the plane's coordinates.
    public struct Landscape: Sendable {
        /// The grid's coordinates along the first and second direction, increasing.
        public var gridA: [Double]
        /// The grid's coordinates along the second direction, increasing.
        public var gridB: [Double]
        /// The loss at (gridA[i], gridB[j]) at `loss[j * gridA.count + i]`.
        public var loss: [Double]
        /// The projected path, from the initial parameters to the final ones at (0, 0).
        public var pathA: [Double]
        /// The projected path's second coordinates, as many as ``pathA``.
        public var pathB: [Double]
        /// The axes' labels, e.g. "PC1 (97.7 %)".
        public var labelA: String
        /// The label of the second direction's axis.
        public var labelB: String
        /// α and the loss at θ₀ + α(θ_f − θ₀); α = 0 and 1 among them.
        public var alpha: [Double]
        /// The loss at each α of ``alpha``.
        public var interpolationLoss: [Double]
        /// How many images the losses are measured on, for the labels.
        public var evaluationSamples: Int

        /// The numbers of a landscape, each as its property describes it.
        ///
        /// - Precondition: `loss` has `gridA.count × gridB.count` values, `pathB` as many as `pathA`,
        ///   and `interpolationLoss` as many as `alpha`.
        public init(
            gridA: [Double], gridB: [Double], loss: [Double], pathA: [Double], pathB: [Double], labelA: String,
            labelB: String, alpha: [Double], interpolationLoss: [Double], evaluationSamples: Int
        ) {
            self.gridA = gridA
            self.gridB = gridB
            self.loss = loss
            self.pathA = pathA
            self.pathB = pathB
            self.labelA = labelA
            self.labelB = labelB
            self.alpha = alpha
            self.interpolationLoss = interpolationLoss
            self.evaluationSamples = evaluationSamples
        }
    }

    /// Two panels, each `panelWidth` × `height`: on the left the loss's contours (filled with a
    /// colour bar by default, at log-spaced levels: ``ContourLevels/renard(from:to:maximum:)``)
    /// with the path `'o-'` in red, its start a square and its end a diamond, a legend lower right,
    /// the axes labelled with the directions; on the right the loss along α, the start (α = 0) and end (α = 1)
    /// marked as on the path, with dotted guides there.
    public static func figure(
        _ landscape: Landscape, contours: LandscapeContours = LandscapeContours(style: .filled), title: String? = nil,
        panelWidth: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        var figure = Figure(width: panelWidth * 2, height: height, dpi: dpi, columns: 2)
        figure[0, 0] = plane(landscape, contours: contours, title: title)
        figure[0, 1] = interpolation(landscape, title: title)
        return figure
    }

    /// The left panel: contours, path, start and end.
    static func plane(_ landscape: Landscape, contours: LandscapeContours, title: String?) -> Axes {
        var axes = Axes()
        axes.xLabel = RichText(landscape.labelA)
        axes.yLabel = RichText(landscape.labelB)
        axes.title = title.map { RichText($0) }
        axes.xLimits = landscape.gridA[0]...landscape.gridA[landscape.gridA.count - 1]
        axes.yLimits = landscape.gridB[0]...landscape.gridB[landscape.gridB.count - 1]
        let grid = ContourGrid(xs: landscape.gridA, ys: landscape.gridB, values: landscape.loss)
        if contours.style != .none, let levels = levels(for: grid, contours.levels) {
            let artist = ContourArtist(grid: grid, levels: levels, style: contours.style == .filled ? .filled : .lines)
            axes.add(artist)
            if contours.style == .filled {
                var bar = artist.colorBar
                bar.label = RichText("loss on \(landscape.evaluationSamples) training images")
                axes.colorBar = bar
            }
        }
        TrajectoryFigures.addPath(
            xs: landscape.pathA, ys: landscape.pathB, to: &axes, color: TrajectoryFigures.pathColor, label: "path")
        TrajectoryFigures.addStart(x: landscape.pathA[0], y: landscape.pathB[0], to: &axes, label: "start θ₀")
        TrajectoryFigures.addEnd(x: 0, y: 0, to: &axes, label: "end θ_f")
        // The path starts at negative coordinates and ends at (0, 0), a quarter of its extent from
        // the right edge: the lower right corner is clear of it ("best" counts the filled bands).
        axes.legend = .lowerRight
        return axes
    }

    /// The levels: as asked, or when automatic every m × 10ⁿ over the finite losses.
    static func levels(for grid: ContourGrid, _ choice: ContourLevels.Choice) -> ContourLevels? {
        guard choice == .automatic, let range = grid.finiteRange, range.lowerBound > 0 else {
            return try? ContourLevels.choose(choice, for: grid)
        }
        return ContourLevels.renard(from: range.lowerBound, to: range.upperBound)
    }

    /// The right panel: the loss along θ₀ + α(θ_f − θ₀).
    static func interpolation(_ landscape: Landscape, title: String?) -> Axes {
        var axes = Axes()
        axes.xLabel = "α  (θ₀ + α·(θ_f − θ₀))"
        axes.yLabel = RichText("loss on \(landscape.evaluationSamples) training images")
        axes.title = title.map { RichText($0) }
        axes.add(GuideLine(.vertical, at: 0, style: .dotted, width: 0.8, color: .foreground))
        axes.add(GuideLine(.vertical, at: 1, style: .dotted, width: 0.8, color: .foreground))
        axes.add(
            LineArtist(
                xs: landscape.alpha, ys: landscape.interpolationLoss, color: Color.cycle[0],
                marker: Marker(.circle, size: 3), label: "straight line", marksPointsOutsideView: false))
        for (alpha, mark) in [(0.0, "start"), (1.0, "end")] {
            guard let index = landscape.alpha.firstIndex(of: alpha) else { continue }
            let loss = landscape.interpolationLoss[index]
            if mark == "start" {
                TrajectoryFigures.addStart(x: alpha, y: loss, to: &axes, label: "start θ₀")
            } else {
                TrajectoryFigures.addEnd(x: alpha, y: loss, to: &axes, label: "end θ_f")
            }
        }
        axes.legend = .best
        return axes
    }
}
