import DescentCore
import Testing

/// The one home of Descent's number spellings: each use's options, and the values at their edges.
@Suite struct NumberTextTests {
    /// Outcome reasons: 4 digits, exponents without `+` or leading zeros.
    @Test(arguments: [
        (0.05765432, "0.05765"), (2e-6, "2e-6"), (5.186e13, "5.186e13"), (1e100, "1e100"), (12346.0, "1.235e4"),
        (0.8, "0.8"), (10, "10"), (-0.0, "0"), (0, "0"),
    ])
    func compactSignificantDigits(value: Double, text: String) {
        #expect(NumberText.significant(value, digits: 4, exponent: .compact) == text)
    }

    /// Tick labels (12 digits) and SVG glyph matrices (7 digits): `%g` as C writes it, trailing zeros
    /// dropped, and never a `-0`.
    @Test(arguments: [
        (12, 0.5, "0.5"), (12, 1e13, "1e+13"), (12, 123_456_789_012_345, "1.23456789012e+14"), (12, 2.5e-5, "2.5e-05"),
        (7, 0.005425347222, "0.005425347"), (7, -0.0, "0"), (7, 1643.10412, "1643.104"), (7, -1e-300, "-1e-300"),
    ])
    func printfSignificantDigits(digits: Int, value: Double, text: String) {
        #expect(NumberText.significant(value, digits: digits) == text)
    }

    @Test func nonFiniteValuesKeepPrintfsSpelling() {
        #expect(NumberText.significant(.infinity, digits: 4, exponent: .compact) == "inf")
        #expect(NumberText.significant(-.infinity, digits: 4) == "-inf")
        #expect(NumberText.significant(.nan, digits: 4) == "nan")
    }

    /// Tick labels with one number of decimals for the whole axis: the sign of −0 is kept for the
    /// caller to drop.
    @Test func fixedDecimals() {
        #expect(NumberText.fixed(2.5, decimals: 0) == "2")
        #expect(NumberText.fixed(-0.04, decimals: 1) == "-0.0")
        #expect(NumberText.fixed(1.25, decimals: 3) == "1.250")
    }

    /// Annotations: 3 significant digits, plain from 10⁻³ up to below 10⁵, else a mantissa with
    /// two decimals and the power of ten apart.
    @Test(
        arguments: [
            (12345.0, "12300", nil), (0.00123456, "0.00123", nil), (-3.0, "-3", nil), (0.0, "0", nil),
            (-2.5898374737328363e13, "-2.59", 13), (2e-6, "2.00", -6), (99999.0, "100000", nil), (1e5, "1.00", 5),
        ] as [(Double, String, Int?)])
    func annotationsSplitTheirPowerOfTen(value: Double, mantissa: String, exponent: Int?) {
        let text = NumberText.annotation(value)
        #expect(text.mantissa == mantissa && text.exponent == exponent)
    }

    @Test func nonFiniteAnnotationsAreWords() {
        #expect(NumberText.annotation(.nan) == ("NaN", nil))
        #expect(NumberText.annotation(.infinity) == ("∞", nil))
        #expect(NumberText.annotation(-.infinity) == ("-∞", nil))
    }
}
