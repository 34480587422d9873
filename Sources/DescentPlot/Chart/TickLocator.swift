import Foundation

/// Where ticks go: matplotlib's `AutoLocator` (a `MaxNLocator` with steps 1, 2, 2.5, 5, 10) for
/// linear axes, decades for log axes, and 0 plus signed decades for symlog axes.
public enum TickLocator {
    /// The "nice" steps of DESIGN.md §5, as multiples of a power of ten.
    static let niceSteps: [Double] = [1, 2, 2.5, 5, 10]
    /// A bare `MaxNLocator`'s steps (`steps=None`), which contour levels use.
    static let maxNLocatorSteps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
    /// At most this many intervals between ticks (matplotlib's `nbins='auto'` cap).
    public static let maximumIntervals = 9
    /// A tick range needs at least this many ticks inside the view.
    static let minimumTicks = 2
    /// More ticks than this means the step is lost in the rounding of the view's bounds (a view
    /// 1 wide at 1e20): such a view gets none rather than a loop that cannot advance.
    static let maximumTickCount = 1_000

    /// The tick values for the view `lower...upper` on `scale`, including the ones just outside
    /// the view that matplotlib computes (callers draw those inside).
    ///
    /// - Complexity: O(ticks); a view too narrow for its magnitude gets none rather than a loop.
    public static func ticks(
        lower: Double, upper: Double, scale: Scale = .linear, maximumIntervals: Int = maximumIntervals
    )
        -> [Double]
    {
        switch scale {
        case .linear:
            return linearTicks(
                lower: lower, upper: upper, intervals: max(1, min(maximumIntervals, Self.maximumIntervals)))
        case .log:
            return decades(from: lower, to: upper)
        case .symlog(let threshold):
            let negative =
                upper < -threshold || lower < -threshold
                ? decades(from: max(threshold, -min(upper, -threshold)), to: -lower).map { -$0 } : []
            let positive = upper > threshold ? decades(from: max(threshold, lower), to: upper) : []
            return (negative.reversed() + [0] + positive).filter { $0 >= lower && $0 <= upper }
        }
    }

    /// The powers of ten between `lower` and `upper` (both > 0), thinned to every 2nd, 3rd… decade
    /// when there would be more than 10.
    static func decades(from lower: Double, to upper: Double) -> [Double] {
        guard lower > 0, upper >= lower else { return [] }
        let first = Int(log10(lower).rounded(.up))
        let last = Int(log10(upper).rounded(.down))
        guard first <= last else { return [] }
        let stride = max(1, (last - first) / 10 + 1)
        return Swift.stride(from: first, through: last, by: stride).map { pow(10, Double($0)) }
    }

    /// matplotlib's `MaxNLocator._raw_ticks`, operation for operation, so the tick values are the
    /// same Doubles matplotlib computes. `minimumTicks` is the locator's `min_n_ticks`: a step is
    /// accepted once that many of its ticks fall inside the range, and `steps` its `steps` (axes
    /// use 2 and ``niceSteps``, as `AutoLocator`; contour levels use a bare
    /// `MaxNLocator(N + 1, min_n_ticks=1)`: 1 and ``maxNLocatorSteps``).
    ///
    /// A view whose width is not a finite number has no ticks (there is no step to count in), and
    /// neither has one that would need more than ``maximumTickCount`` of them: both guard the
    /// loop below, which would otherwise never end.
    static func linearTicks(
        lower: Double, upper: Double, intervals: Int, minimumTicks: Int = minimumTicks, steps: [Double] = niceSteps
    ) -> [Double] {
        guard (upper - lower).isFinite else { return [] }
        var (vmin, vmax) = nonsingular(lower, upper)
        if vmin > vmax { swap(&vmin, &vmax) }
        let (scale, offset) = scaleRange(vmin, vmax, n: Double(intervals))
        let low = vmin - offset
        let high = vmax - offset
        // `_staircase`: the steps a tenth as large, the steps, and ten times the second.
        let extended = steps.dropLast().map { 0.1 * $0 } + steps + [10 * steps[1]]
        let scaledSteps = extended.map { $0 * scale }
        let rawStep = (high - low) / Double(intervals)
        let firstLarge = scaledSteps.firstIndex { $0 >= rawStep } ?? scaledSteps.count - 1
        var ticks: [Double] = []
        for step in scaledSteps[...firstLarge].reversed() {
            let best = pythonDivmod(low, step).quotient * step
            let edge = EdgeInteger(step: step, offset: offset)
            let first = edge.lowerMultiple(low - best)
            let last = edge.upperMultiple(high - best)
            guard last - first <= Double(maximumTickCount) else { return [] }
            ticks = stride(from: first, through: last, by: 1).map { $0 * step + best }
            if ticks.filter({ $0 <= high && $0 >= low }).count >= minimumTicks { break }
        }
        // Near the largest Double a tick can overflow: it is left out.
        return ticks.map { $0 + offset }.filter(\.isFinite)
    }

    /// matplotlib's `scale_range`: the power of ten of a step, and an offset for ranges far from 0.
    private static func scaleRange(_ vmin: Double, _ vmax: Double, n: Double) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if abs(meanv) / dv >= 100 {
            offset = (pow(10, (log10(abs(meanv))).rounded(.down))).magnitude * (meanv < 0 ? -1 : 1)
        }
        let scale = pow(10, log10(dv / n).rounded(.down))
        return (scale, offset)
    }

    /// matplotlib's `transforms.nonsingular` with its locator defaults: widens an empty range.
    private static func nonsingular(_ vmin: Double, _ vmax: Double) -> (Double, Double) {
        let expander = 1e-13
        let tiny = 1e-14
        let maxAbs = max(abs(vmin), abs(vmax))
        if maxAbs < 1e-300 { return (-expander, expander) }
        if vmax - vmin <= maxAbs * tiny {
            if vmax == 0 && vmin == 0 { return (-expander, expander) }
            return (vmin - expander * abs(vmin), vmax + expander * abs(vmax))
        }
        return (vmin, vmax)
    }

    /// matplotlib's `_Edge_integer`: floor and ceiling of x / step that forgive rounding error.
    private struct EdgeInteger {
        let step: Double
        let offset: Double

        init(step: Double, offset: Double) {
            self.step = step
            self.offset = abs(offset)
        }

        private func closeTo(_ ms: Double, _ edge: Double) -> Bool {
            var tolerance = 1e-10
            if offset > 0 {
                let digits = log10(offset / step)
                tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
            }
            return abs(ms - edge) < tolerance
        }

        func lowerMultiple(_ x: Double) -> Double {
            let (d, m) = pythonDivmod(x, step)
            return closeTo(m / step, 1) ? d + 1 : d
        }

        func upperMultiple(_ x: Double) -> Double {
            let (d, m) = pythonDivmod(x, step)
            return closeTo(m / step, 0) ? d : d + 1
        }
    }

    /// Python's `divmod` for floats (CPython's `float_divmod`), whose quotient is also `x // y`.
    static func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var remainder = x.truncatingRemainder(dividingBy: y)
        var division = (x - remainder) / y
        if remainder != 0 {
            if (y < 0) != (remainder < 0) {
                remainder += y
                division -= 1
            }
        } else {
            remainder = 0
        }
        guard division != 0 else { return (0, remainder) }
        var quotient = division.rounded(.down)
        if division - quotient > 0.5 { quotient += 1 }
        return (quotient, remainder)
    }
}
