/// The figures of network training: the loss per iteration (light) under its smoothed curve
/// (the book's `smooth_curve`), and the book's Figure 4-12, train and test accuracy per epoch.
public enum TrainingFigures {
    /// One training run's numbers, as the figures need them.
    public struct Run: Sendable {
        /// The legend label, e.g. "lr = 0.1".
        public var label: String
        /// The loss after every iteration.
        public var loss: [Double]
        /// The same, smoothed.
        public var smoothedLoss: [Double]
        /// Train and test accuracy at each epoch.
        public var trainAccuracy: [Double]
        /// Test accuracy at each epoch, as many as ``trainAccuracy``.
        public var testAccuracy: [Double]
        /// A marker on the smoothed loss every ``markerInterval`` iterations, which tells curves
        /// apart without colour (the book's `optimizer_compare_mnist.py` marks each optimiser's
        /// curve `markevery=100`). Default: none.
        public var marker: MarkerShape?

        /// Iterations between two markers of a curve: the book's `markevery=100`.
        public static let markerInterval = 100

        /// A run from its numbers; `marker` marks the smoothed loss every ``markerInterval``
        /// iterations (default: none).
        public init(
            label: String, loss: [Double], smoothedLoss: [Double], trainAccuracy: [Double], testAccuracy: [Double],
            marker: MarkerShape? = nil
        ) {
            self.label = label
            self.loss = loss
            self.smoothedLoss = smoothedLoss
            self.trainAccuracy = trainAccuracy
            self.testAccuracy = testAccuracy
            self.marker = marker
        }
    }

    /// A line with a marker on every `interval`-th point only (matplotlib's `markevery`), and one
    /// legend entry showing both.
    struct MarkedLine: Artist {
        let line: LineArtist
        let markers: LineArtist

        init(_ line: LineArtist, marker: Marker, every interval: Int) {
            self.line = line
            let kept = Array(stride(from: 0, to: line.xs.count, by: interval))
            markers = LineArtist(
                xs: kept.map { line.xs[$0] }, ys: kept.map { line.ys[$0] }, style: .none, color: line.color,
                marker: marker, marksPointsOutsideView: false)
        }

        var dataBounds: Rect? { line.dataBounds }

        func dataBounds(xScale: Scale, yScale: Scale) -> Rect? { line.dataBounds(xScale: xScale, yScale: yScale) }

        var legendEntry: LegendEntry? {
            line.label.map {
                LegendEntry(
                    label: $0, lineStyle: line.style, lineWidth: line.width, color: line.color, marker: markers.marker)
            }
        }

        func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
            line.draw(on: &canvas, in: frame)
            markers.draw(on: &canvas, in: frame)
        }

        func screenPoints(in frame: AxesFrame) -> [Point] { line.screenPoints(in: frame) }
    }

    /// The loss curves: each run's raw loss as a thin translucent line, its smoothed loss over it,
    /// one colour per run, a legend when there are several (the learning-rate or optimiser
    /// comparison), and markers every 100 iterations on the runs that have one.
    /// `xLimits` (iterations) and `yLimits` (loss) zoom in; by default the axes fit the data.
    public static func loss(
        _ runs: [Run], title: String? = nil, xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
        width: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        var figure = Figure(width: width, height: height, dpi: dpi)
        var axes = Axes()
        axes.xLimits = xLimits
        axes.yLimits = yLimits
        axes.xLabel = "iteration"
        axes.yLabel = "loss"
        axes.title = title.map { RichText($0) }
        for (index, run) in runs.enumerated() {
            let color = Color.cycle[index % Color.cycle.count]
            let iterations = run.loss.indices.map(Double.init)
            axes.add(
                LineArtist(
                    xs: iterations, ys: run.loss, width: 0.6, color: color.withAlpha(0.3), marksPointsOutsideView: false
                ))
            let smoothed = LineArtist(
                xs: iterations, ys: run.smoothedLoss, color: color, label: runs.count > 1 ? run.label : nil,
                marksPointsOutsideView: false)
            if let shape = run.marker {
                axes.add(MarkedLine(smoothed, marker: Marker(shape), every: Run.markerInterval))
            } else {
                axes.add(smoothed)
            }
        }
        if runs.count > 1 { axes.legend = .best }
        figure[0, 0] = axes
        return figure
    }

    /// The book's Figure 4-12: accuracy per epoch, train solid and test dashed, y from 0 to 1,
    /// legend lower right.
    public static func accuracy(
        _ runs: [Run], title: String? = nil, width: Double = 640, height: Double = 480, dpi: Double = 100
    )
        -> Figure
    {
        var figure = Figure(width: width, height: height, dpi: dpi)
        var axes = Axes()
        axes.xLabel = "epochs"
        axes.yLabel = "accuracy"
        axes.yLimits = 0...1
        axes.title = title.map { RichText($0) }
        for (index, run) in runs.enumerated() {
            let color = Color.cycle[(runs.count == 1 ? 0 : index) % Color.cycle.count]
            let epochs = run.trainAccuracy.indices.map(Double.init)
            let prefix = runs.count > 1 ? "\(run.label): " : ""
            axes.add(LineArtist(xs: epochs, ys: run.trainAccuracy, color: color, label: prefix + "train acc"))
            axes.add(
                LineArtist(
                    xs: epochs, ys: run.testAccuracy, style: .dashed,
                    color: runs.count == 1 ? Color.cycle[1] : color, label: prefix + "test acc"))
        }
        axes.legend = .lowerRight
        figure[0, 0] = axes
        return figure
    }
}
