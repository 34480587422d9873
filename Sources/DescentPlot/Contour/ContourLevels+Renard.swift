import Foundation

extension ContourLevels {
    /// The Renard series of ISO 3 (preferred numbers): the numbers 10^(k/n) of a decade for
    /// n = 40, 20, 10 and 5, rounded as the standard rounds them. Each is log-spaced and reads as
    /// a round number.
    static let renardSeries: [[Double]] = [
        [
            1.00, 1.06, 1.12, 1.18, 1.25, 1.32, 1.40, 1.50, 1.60, 1.70, 1.80, 1.90, 2.00, 2.12, 2.24, 2.36, 2.50, 2.65,
            2.80, 3.00, 3.15, 3.35, 3.55, 3.75, 4.00, 4.25, 4.50, 4.75, 5.00, 5.30, 5.60, 6.00, 6.30, 6.70, 7.10, 7.50,
            8.00, 8.50, 9.00, 9.50,
        ],
        [
            1.00, 1.12, 1.25, 1.40, 1.60, 1.80, 2.00, 2.24, 2.50, 2.80, 3.15, 3.55, 4.00, 4.50, 5.00, 5.60, 6.30, 7.10,
            8.00, 9.00,
        ],
        [1.00, 1.25, 1.60, 2.00, 2.50, 3.15, 4.00, 5.00, 6.30, 8.00],
        [1.00, 1.60, 2.50, 4.00, 6.30],
    ]

    /// Log-spaced levels for positive values from `lower` to `upper` that stay round numbers
    /// however narrow the range: the finest Renard series (R40, R20, R10, R5) that puts at most
    /// `maximum` levels from the largest at or below `lower` to the smallest at or above `upper`
    /// (so that filled bands cover every value). A network's loss over a plane, 1.1 to 2.4, gets
    /// nine levels 1.06…2.5 where decades would give one. Wider ranges get the decades of
    /// ``logarithmic(from:to:count:)``; a range too narrow for four R40 levels (less than about
    /// 16 %) gets matplotlib's linear levels, as a log scale would not show there.
    ///
    /// - Precondition: `0 < lower <= upper`, both finite.
    public static func renard(from lower: Double, to upper: Double, maximum: Int = 16) -> ContourLevels {
        precondition(lower > 0 && lower <= upper && upper.isFinite, "bad range for log-spaced contour levels")
        let first = Int(log10(lower).rounded(.down))
        let last = Int(log10(upper).rounded(.up))
        for series in renardSeries {
            let all = (first...last).flatMap { exponent in series.map { $0 * pow(10, Double(exponent)) } }
            let below = all.last { $0 <= lower } ?? all[0]
            let above = all.first { $0 >= upper } ?? all[all.count - 1]
            let levels = all.filter { $0 >= below && $0 <= above }
            guard levels.count <= maximum else { continue }
            guard levels.count >= 4, let chosen = try? ContourLevels(values: levels, scale: .logarithmic) else {
                return linear(from: lower, to: upper)
            }
            return chosen
        }
        return logarithmic(from: lower, to: upper)
    }
}
