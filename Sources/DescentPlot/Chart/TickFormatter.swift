import DescentCore
import Foundation

/// Tick labels in the shortest form that tells the ticks apart, as matplotlib's
/// `ScalarFormatter` chooses them: one number of decimals for all labels of an axis, and, where
/// the numbers would not fit, a common factor ×10ⁿ (for magnitudes ≥ 10⁶ or ≤ 10⁻⁵) or a
/// common additive offset (when the ticks share four or more leading digits), shown once at the
/// end of the axis. Log axes label decades as 10ⁿ with a real superscript.
public struct TickLabels: Sendable {
    /// One label per tick.
    public let labels: [RichText]
    /// The factor and offset to show at the end of the axis, if any.
    public let offsetText: RichText?
}

public enum TickFormatter {
    /// Magnitudes from 10⁻⁵ to 10⁶ print plainly (matplotlib's `axes.formatter.limits`).
    static let scientificLimits = (-5, 6)
    /// Ticks sharing this many leading digits get an additive offset (`axes.formatter.offset_threshold`).
    static let offsetThreshold = 4.0

    /// Labels for `ticks` on an axis showing `lower...upper`.
    public static func labels(for ticks: [Double], lower: Double, upper: Double, scale: Scale) -> TickLabels {
        switch scale {
        case .log, .symlog:
            return TickLabels(labels: ticks.map(decadeLabel), offsetText: nil)
        case .linear:
            return linearLabels(for: ticks, lower: min(lower, upper), upper: max(lower, upper))
        }
    }

    /// `0`, `1`, `10`, or 10ⁿ (with −10ⁿ for negative values).
    static func decadeLabel(_ value: Double) -> RichText {
        if value == 0 { return "0" }
        let exponent = Int(log10(abs(value)).rounded())
        if (0...1).contains(exponent) { return RichText(value < 0 ? "-\(Int(abs(value)))" : "\(Int(value))") }
        return .power(base: value < 0 ? "-10" : "10", exponent: "\(exponent)")
    }

    private static func linearLabels(for ticks: [Double], lower: Double, upper: Double) -> TickLabels {
        let visible = ticks.filter { $0 >= lower - 1e-12 * (upper - lower) && $0 <= upper + 1e-12 * (upper - lower) }
        let offset = commonOffset(visible)
        var order = 0
        if let largest = visible.map({ abs($0) }).max(), largest > 0 {
            let magnitude = offset != 0 ? floor(log10(upper - lower)) : floor(log10(largest))
            if Int(magnitude) <= scientificLimits.0 || Int(magnitude) >= scientificLimits.1 { order = Int(magnitude) }
        }
        let factor = pow(10, Double(order))
        let scaled = ticks.map { ($0 - offset) / factor }
        let decimals = decimalsNeeded(scaled)
        let labels = scaled.map { value -> RichText in
            let text = NumberText.fixed(value, decimals: decimals)
            // "-0.0" reads as a sign error; matplotlib prints it as 0.
            return RichText(Double(text) == 0 ? NumberText.fixed(0, decimals: decimals) : text)
        }
        var offsetSpans: [TextSpan] = []
        if order != 0 { offsetSpans += RichText.power(base: "×10", exponent: "\(order)").spans }
        if offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            offsetSpans += offsetLabel(abs(offset), prefix: offsetSpans.isEmpty ? sign : " \(sign) ").spans
        }
        return TickLabels(labels: labels, offsetText: offsetSpans.isEmpty ? nil : RichText(spans: offsetSpans))
    }

    /// The additive offset matplotlib's `_compute_offset` picks: the leading digits the visible
    /// ticks share, when there are at least `offsetThreshold` of them; 0 otherwise.
    static func commonOffset(_ ticks: [Double]) -> Double {
        guard let lmin = ticks.min(), let lmax = ticks.max(), lmin != lmax, !(lmin <= 0 && lmax >= 0) else { return 0 }
        let sign: Double = lmin > 0 ? 1 : -1
        let (absMin, absMax) = sign > 0 ? (lmin, lmax) : (-lmax, -lmin)
        let maxOrder = Int(log10(absMax).rounded(.up))
        func floorDivided(_ value: Double, _ order: Int) -> Double {
            TickLocator.pythonDivmod(value, pow(10, Double(order))).quotient
        }
        var order = maxOrder
        while order > -400, floorDivided(absMin, order) == floorDivided(absMax, order) { order -= 1 }
        order += 1
        if (absMax - absMin) / pow(10, Double(order)) <= 1e-2 {
            order = maxOrder
            while order > -400, floorDivided(absMax, order) - floorDivided(absMin, order) <= 1 { order -= 1 }
            order += 1
        }
        let leading = floorDivided(absMax, order)
        return leading >= pow(10, offsetThreshold - 1) ? sign * leading * pow(10, Double(order)) : 0
    }

    /// matplotlib's `_set_format`: start from 3 significant figures of the tick range and drop
    /// decimals while every tick still rounds to itself (within 1/1000 of the range).
    static func decimalsNeeded(_ values: [Double]) -> Int {
        guard let low = values.min(), let high = values.max() else { return 0 }
        var range = high - low
        if range == 0 { range = values.map { abs($0) }.max() ?? 0 }
        if range == 0 { range = 1 }
        let rangeOrder = Int(floor(log10(range)))
        let threshold = 1e-3 * pow(10, Double(rangeOrder))
        var decimals = max(0, 3 - rangeOrder)
        while decimals >= 0 {
            let scale = pow(10, Double(decimals))
            let worst = values.map { abs($0 - ($0 * scale).rounded() / scale) }.max() ?? 0
            if worst < threshold { decimals -= 1 } else { break }
        }
        return decimals + 1
    }

    private static func offsetLabel(_ value: Double, prefix: String) -> RichText {
        let exponent = Int(floor(log10(value)))
        let mantissa = value / pow(10, Double(exponent))
        if abs(exponent) < 4 { return RichText(prefix + NumberText.significant(value, digits: 12)) }
        let lead = abs(mantissa - 1) < 1e-12 ? "10" : "\(NumberText.significant(mantissa, digits: 12))×10"
        return .power(base: prefix + lead, exponent: "\(exponent)")
    }
}
