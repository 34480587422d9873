import DescentCore

/// The figures of the gradient itself: the book's Figure 4-9 (the field of −∇f as arrows) and
/// Figure 4-7 (a function of one variable with its tangent from the numerical derivative).
public enum GradientFigures {
    /// The book's arrow colour, `plt.quiver(..., color="#666666")`.
    public static let arrowColor = Color(hex: "#666666")!

    /// Figure 4-9: the field's arrows in grey, scaled as `plt.quiver(X, Y, U, V, angles="xy")`
    /// scales them, on the view `xLimits` × `yLimits`, labels x0 and x1, a grid (`plt.grid()`).
    ///
    /// The grid lines are drawn under the arrows; matplotlib draws them over (grid lines have
    /// z-order 1.5, collections 1), which lightens every arrow lying along a grid line.
    /// Where the gradient is not finite there is no arrow, and a note says at how many points.
    public static func field(
        _ field: GradientField, xLimits: ClosedRange<Double>, yLimits: ClosedRange<Double>, title: String? = nil,
        width: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        var figure = Figure(width: width, height: height, dpi: dpi)
        var axes = Axes()
        axes.xLimits = xLimits
        axes.yLimits = yLimits
        axes.xLabel = "x0"
        axes.yLabel = "x1"
        axes.grid = true
        axes.title = title.map { RichText($0) }
        axes.add(QuiverArtist(xs: field.xs, ys: field.ys, us: field.us, vs: field.vs, color: arrowColor))
        let missing = field.nonFiniteIndices.count
        if missing > 0 {
            axes.note = [RichText("∇f is not finite at \(missing) of \(field.count) points: no arrow there")]
        }
        figure[0, 0] = axes
        return figure
    }

    /// Figure 4-7: f over `xs` (C0) and each tangent over the same xs in the next colours of the
    /// cycle, labels x and f(x); a legend when there is more than one tangent. The view is
    /// `xLimits` × `yLimits` where given, else the data's with matplotlib's 5 % margins.
    public static func tangent(
        function: String, xs: [Double], values: [Double], tangents: [TangentLine],
        xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil, title: String? = nil,
        width: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        var figure = Figure(width: width, height: height, dpi: dpi)
        var axes = Axes()
        axes.xLimits = xLimits
        axes.yLimits = yLimits
        axes.xLabel = "x"
        axes.yLabel = "f(x)"
        axes.title = title.map { RichText($0) }
        let labelled = tangents.count > 1
        axes.add(LineArtist(xs: xs, ys: values, color: Color.cycle[0], label: labelled ? "f(x) = \(function)" : nil))
        for (index, tangent) in tangents.enumerated() {
            axes.add(
                LineArtist(
                    xs: xs, ys: xs.map { tangent($0) }, color: Color.cycle[(index + 1) % Color.cycle.count],
                    label: labelled ? "tangent at \(NumberText.shortest(tangent.at))" : nil,
                    marksPointsOutsideView: false))
        }
        if labelled { axes.legend = .best }
        figure[0, 0] = axes
        return figure
    }
}
