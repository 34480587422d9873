import DescentCore

/// Numbers in annotations as rich text: ``NumberText/annotation(_:)``'s 3 significant digits, with
/// the power of ten beyond 10⁻³…10⁴ set as a real superscript (`2.59×10¹³`).
public enum ValueText {
    /// `value` as spans: one plain span, or a mantissa "×10" and its raised exponent.
    public static func spans(_ value: Double) -> [TextSpan] {
        let (mantissa, exponent) = NumberText.annotation(value)
        guard let exponent else { return [TextSpan(mantissa)] }
        return RichText.power(base: mantissa + "×10", exponent: "\(exponent)").spans
    }
}
