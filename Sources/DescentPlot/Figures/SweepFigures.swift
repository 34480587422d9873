import DescentCore
import Foundation

/// The figure of a learning-rate sweep: the final f(x) of each run against its learning rate,
/// both on log scales, each run marked by what kind of run it was.
public enum SweepFigures {
    /// How each status is drawn: a colour of the cycle and a marker shape, so that the kinds
    /// stay apart in print and for readers who do not tell the colours apart.
    static func look(of status: Outcome.Status) -> (color: Color, shape: MarkerShape) {
        switch status {
        case .converged: (Color.cycle[2], .circle)
        case .running: (Color.cycle[0], .square)
        case .stalled: (Color.cycle[7], .diamond)
        case .oscillating: (Color.cycle[4], .triangle)
        case .diverged: (Color.cycle[3], .triangle)
        case .overflow: (Color.cycle[1], .cross)
        }
    }

    /// The learning rates the book tries, annotated when a sweep holds them.
    static let bookRates: [Double] = [10, 0.1, 1e-8]

    /// Final f(x) against the learning rate for `runs` (in increasing rate), each run coloured and
    /// marked by its status with a legend that counts them; the rates that converged shaded in
    /// green (each unbroken stretch of them, out to halfway to its neighbours) and named in the
    /// title; the book's rates 10, 0.1 and 1e-8 annotated. A final f that no log scale can show
    /// is drawn on the edge of the view: at the top when it is not finite (the run overflowed),
    /// at the bottom when it is 0 or negative.
    ///
    /// `xLimits` and `yLimits`, when given, replace the views chosen from the runs.
    public static func sweep(
        _ runs: [Trajectory], title: String? = nil, xLimits: ClosedRange<Double>? = nil,
        yLimits givenYLimits: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 480, dpi: Double = 100
    ) -> Figure {
        var figure = Figure(width: width, height: height, dpi: dpi)
        var axes = Axes()
        axes.xScale = .log
        axes.yScale = .log
        axes.grid = true
        axes.xLabel = "learning rate"
        axes.yLabel = "final f(x)"
        let rates = runs.map(\.learningRate)
        let values = runs.map(\.finalValue)
        let shown = values.filter { $0.isFinite && $0 > 0 }
        let (low, high) = (shown.min() ?? 0.1, shown.max() ?? 10)
        // A tenth of the decades shown (at least a tenth of one) on each side.
        let pad = pow(10, max(log10(high) - log10(low), 1) / 10)
        let yLimits = givenYLimits ?? (low / pad)...(high * pad)
        let positions = values.map { value in
            value.isFinite ? (value > 0 ? value : yLimits.lowerBound) : yLimits.upperBound
        }
        if let first = rates.first, let last = rates.last {
            axes.xLimits = xLimits ?? (first / 1.5)...(last * 1.5)
        }
        axes.yLimits = yLimits
        for band in convergedBands(runs) {
            axes.add(
                RegionArtist(
                    xs: [band.lowerBound, band.upperBound, band.upperBound, band.lowerBound],
                    ys: [yLimits.lowerBound, yLimits.lowerBound, yLimits.upperBound, yLimits.upperBound],
                    color: Color.cycle[2].withAlpha(0.12)))
        }
        axes.add(
            LineArtist(
                xs: rates, ys: positions, width: 0.8, color: Color(hex: "#bbbbbb")!, marksPointsOutsideView: false))
        for status in Outcome.Status.allCases {
            let members = runs.indices.filter { runs[$0].outcome.status == status }
            guard !members.isEmpty else { continue }
            let (color, shape) = look(of: status)
            axes.add(
                LineArtist(
                    xs: members.map { rates[$0] }, ys: members.map { positions[$0] }, style: .none, color: color,
                    marker: Marker(shape, size: 7), label: "\(status.rawValue) (\(members.count))"))
        }
        // Each note a fifth of the view above its point (below, for points in the top 40 %), and
        // anchored at its end rather than its middle near a side, so that it stays inside.
        let span = log10(yLimits.upperBound / yLimits.lowerBound)
        let xLimits = axes.xLimits ?? 0.1...10
        let xSpan = log10(xLimits.upperBound / xLimits.lowerBound)
        for rate in bookRates {
            guard let index = rates.firstIndex(of: rate) else { continue }
            let y = positions[index]
            let above = log10(y / yLimits.lowerBound) < 0.6 * span
            let across = log10(rate / xLimits.lowerBound) / xSpan
            let horizontal: HorizontalAnchor = across > 0.8 ? .right : (across < 0.2 ? .left : .center)
            axes.add(
                TextArtist(
                    RichText("book: lr = \(NumberText.shortest(rate))").withTypographicMinus,
                    at: .data(rate, y * pow(10, (above ? 0.2 : -0.2) * span)), horizontal: horizontal,
                    vertical: above ? .bottom : .top, size: 8, arrowTo: (rate, y)))
        }
        axes.legend = .best
        axes.title = RichText(heading(runs, title: title))
        figure[0, 0] = axes
        return figure
    }

    /// The unbroken stretches of converged runs, each widened halfway (in log) to the rates on
    /// either side, so that a band of one run still shows.
    static func convergedBands(_ runs: [Trajectory]) -> [ClosedRange<Double>] {
        let rates = runs.map(\.learningRate)
        let converged = runs.map { $0.outcome.status == .converged }
        var bands: [ClosedRange<Double>] = []
        var index = 0
        while index < runs.count {
            guard converged[index] else {
                index += 1
                continue
            }
            let start = index
            while index + 1 < runs.count, converged[index + 1] { index += 1 }
            let low = start > 0 ? (rates[start - 1] * rates[start]).squareRoot() : rates[start] / 1.5
            let high = index + 1 < runs.count ? (rates[index] * rates[index + 1]).squareRoot() : rates[index] * 1.5
            bands.append(low...high)
            index += 1
        }
        return bands
    }

    /// "x0^2 + x1^2, 20 steps: converged for 0.00178 ≤ lr ≤ 0.75" (or "no rate converged").
    private static func heading(_ runs: [Trajectory], title: String?) -> String {
        let converged = runs.filter { $0.outcome.status == .converged }.map(\.learningRate)
        let function = runs.first.map { "\($0.objective.description), \($0.requestedSteps) steps" } ?? ""
        let verdict =
            if let low = converged.min(), let high = converged.max() {
                "converged for \(NumberText.significant(low, digits: 3)) ≤ lr ≤ \(NumberText.significant(high, digits: 3))"
            } else {
                "no rate converged"
            }
        return [title, "\(function): \(verdict)"].compactMap { $0 }.joined(separator: " · ")
    }
}
