import Foundation

/// How data values map to positions along an axis.
public enum Scale: Equatable, Sendable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log₁₀ of the value; values ≤ 0 have no position and are left out
    /// (``masks(_:)``).
    case log
    /// Linear within ±`linearThreshold`, logarithmic beyond (matplotlib's `symlog`): shows values
    /// of both signs across many decades, like a diverging run next to its start.
    case symlog(linearThreshold: Double)

    /// Whether the scale has no position for the finite `value` and leaves it out, as matplotlib
    /// masks it: 0 and negative values on a log scale. A line breaks there, no marker is drawn,
    /// the automatic view ignores it, and it is not marked as a point outside the view (it is not
    /// outside: it is nowhere). Non-finite values are never masked: they are beyond the view, and
    /// marked there.
    public func masks(_ value: Double) -> Bool {
        self == .log && value <= 0
    }

    /// The value in the scale's linear space: itself, log₁₀ of it, or symlog's signed log.
    ///
    /// Special values, as `log10` gives them: on a log scale 0 maps to −∞ and a negative value to
    /// NaN (``masks(_:)`` says which values to leave out); ±∞ maps to ±∞ on every scale, and NaN
    /// to NaN.
    public func forward(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return log10(value)
        case .symlog(let threshold):
            let magnitude = abs(value)
            if magnitude <= threshold { return value / threshold }
            // A difference of logs: magnitude / threshold overflows for 1e274 over 1e-129.
            return (value < 0 ? -1 : 1) * (1 + (log10(magnitude) - log10(threshold)))
        }
    }

    /// The inverse of ``forward(_:)``: a position in the scale's linear space back to a value.
    /// On a log scale, positions above about 308.25 give +∞ and below about −323.6 give 0.
    public func inverse(_ position: Double) -> Double {
        switch self {
        case .linear: return position
        case .log: return pow(10, position)
        case .symlog(let threshold):
            let magnitude = abs(position)
            if magnitude <= 1 { return position * threshold }
            return (position < 0 ? -1 : 1) * pow(10, magnitude - 1 + log10(threshold))
        }
    }
}
