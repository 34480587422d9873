import DescentCore
import Foundation

/// The values at which contours are drawn, chosen as matplotlib chooses them, and the colours it
/// gives them.
///
/// **Linear levels** are `plt.contour`'s default (`ContourSet._autolev` in matplotlib 3.11's
/// `lib/matplotlib/contour.py`): the ticks of `MaxNLocator(N + 1, min_n_ticks=1)` over the finite
/// samples' range, with N = 7 and the bare locator's steps 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 (finer
/// than the axes' 1, 2, 2.5, 5, 10: levels 0, 4, 8, … for values up to 25), then trimmed so that one level at most lies below the smallest
/// sample and one at most above the largest (unless that would leave fewer than three). They are
/// the same Doubles matplotlib computes: ``TickLocator`` reproduces `MaxNLocator` operation for
/// operation.
///
/// **Log-spaced levels** are what `plt.contour(..., locator=ticker.LogLocator())` chooses: powers
/// of ten, every decade or every few decades so that at most 9 fall inside the range, one more on
/// each side, trimmed as above. A log scale cannot show 0 or negative values: as matplotlib does
/// (it masks them), the range starts at the smallest *positive* sample, so a function whose
/// minimum is 0 (Rosenbrock) gets levels down to the decade below the lowest value sampled, and
/// its samples at 0 lie below every level. With an explicit count N larger than the decades
/// available, each decade is split at 1, 3 or at 1, 2, 5 (the first that gives N levels in range).
///
/// **Which scale**, for ``Choice/automatic`` and ``Choice/count(_:)``: log-spaced when no sample
/// is negative and the values span more than three decades (``logarithmicSpan``). The span is
/// measured from the 1st percentile of the positive samples to the largest, not from the smallest
/// sample: for a function whose minimum is 0 the smallest sample says only how close a grid point
/// happened to fall to the minimum (for x² + y² it could be any number, and every such bowl would
/// "span" many decades). A quadratic bowl spans about two decades by this measure and keeps
/// matplotlib's linear levels (the sphere: 162; Booth: 669), Rosenbrock on its preset view spans
/// 4,850 and Beale 250,000, and get decades. Himmelblau (359) keeps linear levels unless the caller
/// asks for log ones (a preset names its own scale).
///
/// **Colours**, as `plt.contour` and `plt.contourf` give them: the colormap (viridis by default)
/// normalised over the levels' range — linearly, or in log10 for log-spaced levels (matplotlib's
/// `Normalize` and `LogNorm`); a line takes the colour of its level, a filled band the colour of
/// its midpoint (the geometric mean for log-spaced levels, as contourf's `layers`).
public struct ContourLevels: Equatable, Sendable {
    /// How levels are spaced, and how their colours are normalised.
    public enum Scale: Sendable {
        case linear
        case logarithmic
    }

    /// How the levels are chosen.
    public enum Choice: Equatable, Sendable {
        /// About 7 nice levels, log-spaced when the values span more than three decades.
        case automatic
        /// About N nice levels (matplotlib's `levels=N`), log-spaced as for `automatic`.
        case count(Int)
        /// Exactly these levels (increasing, finite), coloured on a log scale when all are
        /// positive and the data calls for log-spaced levels, linearly otherwise.
        case values([Double])
    }

    /// Levels that cannot be used, with a message that says why.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The levels, strictly increasing.
    public let values: [Double]
    /// Default: linear.
    public let scale: Scale

    /// matplotlib's default number of levels for `plt.contour` (`N = 7`, "hard coded default").
    public static let defaultCount = 7
    /// matplotlib's `LogLocator` aims at most this many decades inside the range (its `numticks`
    /// when it has no axis to ask).
    public static let defaultLogCount = 9
    /// Values that span more than this ratio (three decades) get log-spaced levels.
    public static let logarithmicSpan = 1e3
    /// The percentile of the positive samples from which the span is measured (see the type's
    /// documentation).
    public static let spanPercentile = 1.0

    /// Levels at `values`.
    ///
    /// - Throws: ``Error`` when `values` is empty, not finite, not strictly increasing, or, for a
    ///   log scale, not all positive.
    public init(values: [Double], scale: Scale = .linear) throws(Error) {
        guard !values.isEmpty else { throw Error(description: "no contour levels given") }
        if let bad = values.first(where: { !$0.isFinite }) {
            throw Error(description: "contour levels must be finite numbers, not \(bad)")
        }
        if let index = values.indices.dropFirst().first(where: { values[$0] <= values[$0 - 1] }) {
            throw Error(
                description:
                    "contour levels must increase: \(NumberText.shortest(values[index])) follows "
                    + "\(NumberText.shortest(values[index - 1])) (e.g. 0.1,1,10)")
        }
        if scale == .logarithmic, let bad = values.first(where: { $0 <= 0 }) {
            throw Error(description: "log-spaced contour levels must be positive, not \(NumberText.shortest(bad))")
        }
        self.values = values
        self.scale = scale
    }

    /// Levels already checked.
    private init(checked values: [Double], scale: Scale) {
        self.values = values
        self.scale = scale
    }

    /// The levels `choice` gives for the samples of `grid`.
    ///
    /// - Throws: ``Error`` when explicit levels are not usable, the count is below 1, or no
    ///   sample is finite (there is nothing to contour).
    /// - Complexity: O(n log n) for n samples (the percentile sorts the positive samples).
    public static func choose(_ choice: Choice, for grid: ContourGrid) throws(Error) -> ContourLevels {
        guard let range = grid.finiteRange else {
            throw Error(description: "the function is not finite anywhere on the grid")
        }
        let logScale = prefersLogarithmicScale(grid)
        switch choice {
        case .automatic:
            return logScale
                ? logarithmic(from: grid.smallestPositive!, to: range.upperBound)
                : linear(from: range.lowerBound, to: range.upperBound)
        case .count(let count):
            guard count >= 1 else { throw Error(description: "the number of contour levels must be at least 1") }
            return logScale
                ? logarithmic(from: grid.smallestPositive!, to: range.upperBound, count: count)
                : linear(from: range.lowerBound, to: range.upperBound, count: count)
        case .values(let values):
            let scale: Scale = logScale && values.allSatisfy { $0 > 0 } ? .logarithmic : .linear
            return try ContourLevels(values: values, scale: scale)
        }
    }

    /// Whether `grid`'s values call for log-spaced levels: none negative, and the largest more
    /// than ``logarithmicSpan`` times the ``spanPercentile``th percentile of the positive ones.
    ///
    /// - Complexity: O(n log n) for n samples.
    public static func prefersLogarithmicScale(_ grid: ContourGrid) -> Bool {
        guard let range = grid.finiteRange, range.lowerBound >= 0, grid.smallestPositive != nil else { return false }
        let positive = grid.values.filter { $0 > 0 && $0.isFinite }.sorted()
        let index = Int((Double(positive.count - 1) * spanPercentile / 100).rounded())
        return range.upperBound / positive[index] > logarithmicSpan
    }

    /// matplotlib's linear levels for values from `lower` to `upper`: `MaxNLocator(count + 1,
    /// min_n_ticks=1)`, trimmed as `_autolev` trims. Default count: 7.
    ///
    /// - Precondition: `lower <= upper`, both finite, `count >= 1`.
    public static func linear(from lower: Double, to upper: Double, count: Int = defaultCount) -> ContourLevels {
        precondition(lower <= upper && lower.isFinite && upper.isFinite && count >= 1, "bad range for contour levels")
        let ticks = TickLocator.linearTicks(
            lower: lower, upper: upper, intervals: count + 1, minimumTicks: 1, steps: TickLocator.maxNLocatorSteps)
        return ContourLevels(checked: trimmed(ticks, lower: lower, upper: upper), scale: .linear)
    }

    /// Log-spaced levels for values from `lower` to `upper` (both positive): matplotlib's
    /// `LogLocator(numticks=count)` trimmed as `_autolev` trims, or with each decade split (see
    /// the type's documentation) when `count` asks for more levels than there are decades.
    /// Default: the locator's own choice, at most 9 decades in range.
    ///
    /// - Precondition: `0 < lower <= upper`, both finite, `count >= 1` when given.
    public static func logarithmic(from lower: Double, to upper: Double, count: Int? = nil) -> ContourLevels {
        precondition(lower > 0 && lower <= upper && upper.isFinite, "bad range for log-spaced contour levels")
        precondition(count.map { $0 >= 1 } ?? true, "at least one contour level")
        var ticks = decades(from: lower, to: upper, numberOfTicks: count ?? defaultLogCount)
        if let count {
            let inRange = { (levels: [Double]) in levels.count(where: { $0 >= lower && $0 <= upper }) }
            for multiples in [[1.0, 3], [1.0, 2, 5]] where inRange(ticks) < count {
                let first = Int(log10(lower).rounded(.down))
                let last = Int(log10(upper).rounded(.up))
                ticks = (first...last).flatMap { exponent in multiples.map { $0 * pow(10, Double(exponent)) } }
            }
        }
        // A decade beyond the Doubles (10⁻³³³ rounds to 0, 10³⁰⁹ to ∞) cannot be a level.
        ticks.removeAll { !($0 > 0 && $0.isFinite) }
        return ContourLevels(checked: trimmed(ticks, lower: lower, upper: upper), scale: .logarithmic)
    }

    /// matplotlib's `LogLocator.tick_values` (3.11, base 10, `subs=(1.0,)`), step for step: the
    /// decades from `lower` to `upper`, thinned to at most `numberOfTicks` inside the range, with
    /// one more outside each end.
    static func decades(from lower: Double, to upper: Double, numberOfTicks: Int) -> [Double] {
        let (efmin, efmax) = (log10(lower), log10(upper))
        let emin = Int(efmin.rounded(.up))
        let emax = Int(efmax.rounded(.down))
        let available = emax - emin + 1
        var requested = numberOfTicks
        var stride = available / (requested + 1) + 1
        let possible = Int((Double(available) / Double(stride)).rounded(.up))
        if possible <= requested { requested = possible }
        let exponents: [Int]
        switch requested {
        case 0:
            exponents = [emin - 1, emax + 1]
        case 1:
            // Python's round: halves go to the even neighbour.
            let mid = Int(((efmin + efmax) / 2).rounded(.toNearestOrEven))
            stride = max(mid - (emin - 1), (emax + 1) - mid)
            exponents = [mid - stride, mid, mid + stride]
        default:
            stride = (available - 1) / (requested - 1)
            if Double(stride) < Double(available) / Double(requested) { stride = available / requested }
            let low = max(available - stride * requested, 0)
            let high = min(available - stride * (requested - 1), stride)
            var offset = ((-emin) % stride + stride) % stride
            if !(low <= offset && offset < high) { offset = low }
            exponents = Array(Swift.stride(from: emin + offset - stride, through: emax + stride, by: stride))
        }
        return exponents.map { pow(10, Double($0)) }
    }

    /// `_autolev`'s trim: keep from the last level below `lower` to the first above `upper`, or
    /// everything when that leaves fewer than three.
    private static func trimmed(_ levels: [Double], lower: Double, upper: Double) -> [Double] {
        let start = levels.lastIndex { $0 < lower } ?? 0
        let end = levels.firstIndex { $0 > upper }.map { $0 + 1 } ?? levels.count
        return end - start < 3 ? levels : Array(levels[start..<end])
    }

    /// `value` on the colour scale: 0 at the lowest level, 1 at the highest (matplotlib's
    /// `Normalize`, or `LogNorm` for log-spaced levels, autoscaled to the levels); 0 for every
    /// value when there is a single level.
    public func normalized(_ value: Double) -> Double {
        let (low, high) = (values[0], values[values.count - 1])
        guard low != high else { return 0 }
        switch scale {
        case .linear: return (value - low) / (high - low)
        case .logarithmic:
            let (lowLog, highLog) = (log10(low), log10(high))
            return (log10(value) - lowLog) / (highLog - lowLog)
        }
    }

    /// The colour of each level's line, as `plt.contour` gives it.
    public func lineColors(_ colormap: Colormap = .viridis) -> [Color] {
        values.map { colormap(normalized($0)) }
    }

    /// The value each band between consecutive levels is coloured by: the midpoint, or for
    /// log-spaced levels the geometric mean √a·√b (contourf's `layers`).
    public var bandValues: [Double] {
        zip(values, values.dropFirst()).map { low, high in
            scale == .logarithmic ? low.squareRoot() * high.squareRoot() : 0.5 * (low + high)
        }
    }

    /// The colour of each band between consecutive levels, as `plt.contourf` gives it.
    public func bandColors(_ colormap: Colormap = .viridis) -> [Color] {
        bandValues.map { colormap(normalized($0)) }
    }
}
