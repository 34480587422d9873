import Dispatch
import Foundation

/// One descent run for each of many learning rates: which rates work at all.
public enum LearningRateSweep {
    /// The book's sweep: 1e-10 to 10, the rates the book tries (1e-10, 1e-8, 0.1, 10) among them.
    public static let bookRange: ClosedRange<Double> = 1e-10...10
    /// Rates a sweep takes by default: 45, four a decade over the book's eleven decades, so that
    /// every decade is one of them.
    public static let defaultCount = 45
    /// The most rates one sweep may take.
    public static let maximumCount = 1_000
    /// The most bytes the histories of one sweep may hold: 512 MiB (45 rates of the book's 20
    /// steps hold 22 KB; 1,000 rates of a million steps would hold 32 GB).
    public static let maximumHistoryBytes = 512 << 20

    /// The bytes the runs of a sweep keep: for each step of each run, the point (`dimension`
    /// Doubles), its value and its gradient norm.
    public static func historyBytes(rates: Int, steps: Int, dimension: Int) -> Double {
        Double(rates) * Double(steps) * Double(dimension + 2) * 8
    }

    /// `count` rates spaced evenly in log₁₀ from `range.lowerBound` to `range.upperBound`, both
    /// included. A rate whose exponent is a whole number is that power of ten exactly (the
    /// Double nearest 1e-8, as the literal reads), not `pow`'s approximation of it.
    ///
    /// - Precondition: `0 < range.lowerBound`, a finite `range.upperBound`, `count >= 2` (or 1
    ///   when the bounds are equal).
    /// - Complexity: O(`count`).
    public static func logSpaced(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        precondition(range.lowerBound > 0 && range.upperBound.isFinite, "log-spaced rates need 0 < low ≤ high < ∞")
        guard count > 1, range.lowerBound < range.upperBound else { return [range.lowerBound] }
        let (low, high) = (log10(range.lowerBound), log10(range.upperBound))
        return (0..<count).map { index in
            if index == 0 { return range.lowerBound }
            if index == count - 1 { return range.upperBound }
            let exponent = low + (high - low) * Double(index) / Double(count - 1)
            let whole = exponent.rounded()
            if abs(exponent - whole) < 1e-9, let decade = Double("1e\(Int(whole))") { return decade }
            return pow(10, exponent)
        }
    }

    /// The least work (coordinate updates: rates × steps × variables) that is worth the cores:
    /// below it the runs take less time than starting libdispatch's workers for them, so they run
    /// on the calling thread. The book's sweep (45 rates × 20 steps × 2 variables = 1,800) takes
    /// about 0.5 ms on one core, and the whole `descent sweep --output x.png` went from 24.9 ms on
    /// two cores to 19.6 ms on one (2-core Zen 4, hyperfine): the workers cost about 5 ms, the
    /// time of some 20,000 updates.
    public static let parallelWork = 20_000

    /// Runs `descend` once for each of `rates` and returns the runs in the order of `rates`; the
    /// first error met (in that order) is thrown. The runs share all cores when their work (see
    /// ``parallelWork``) is at least that, or unknown (`nil`, the default); the results are the same
    /// either way.
    ///
    /// - Parameters:
    ///   - rates: the learning rates, one run each.
    ///   - work: the runs' coordinate updates in all (rates × steps × variables), if known.
    ///   - descend: one run at a rate.
    /// - Complexity: the runs' own cost, divided among the cores when it is large.
    public static func run(
        _ rates: [Double], work: Int? = nil, _ descend: @Sendable (Double) throws(DescentError) -> Trajectory
    ) throws(DescentError) -> [Trajectory] {
        if let work, work < parallelWork {
            return try rates.map { rate throws(DescentError) in try descend(rate) }
        }
        let slots = ResultSlots<Result<Trajectory, DescentError>>(count: rates.count)
        DispatchQueue.concurrentPerform(iterations: rates.count) { index in
            slots.store(Result { () throws(DescentError) in try descend(rates[index]) }, at: index)
        }
        return try slots.values.map { result throws(DescentError) in try result.get() }
    }
}
