import CPrintf
import Foundation

/// How Descent writes numbers, in one place: for files (the shortest spelling that reads back),
/// for sentences and labels (significant digits), for axes (fixed decimals), and for annotations
/// (a mantissa and a power of ten).
///
/// Every function here is locale-free: C's `printf` conversions and Swift's `description` both
/// write `.` as the decimal mark whatever the user's locale.
public enum NumberText {
    /// How an exponent is spelled.
    public enum ExponentStyle: Sendable {
        /// As C's `printf` writes it: a sign and at least two digits (`1e+06`, `2.5e-08`).
        case printf
        /// Without `+` or leading zeros (`1e6`, `2.5e-8`), as JSON and Python's `repr` write it.
        case compact
    }

    /// The shortest decimal spelling of `value` that reads back to the same Double, as JSON and
    /// CSV want it.
    ///
    /// Swift's `description` already finds the shortest round-tripping digits (Errol/Ryu-style);
    /// this only normalises the spelling: a trailing `.0` goes (`25`, `-3`, `9007199254740992`), and
    /// exponents are ``ExponentStyle/compact`` (`1e-08` → `1e-8`, `2.5e+20` → `2.5e20`). The
    /// non-finite are `nan`, `inf` and `-inf`, as Python's `repr` spells them, which `float()` and
    /// NumPy's `loadtxt` read back. JSON has no spelling for those: ``JSONValue`` writes `null`
    /// instead.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value.description }
        var text = value.description
        if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        return compactingExponent(text)
    }

    /// `value` rounded to `digits` significant digits, as C's `%.<digits>g` writes it: plain
    /// from 10⁻⁴ up to below 10^`digits`, with an exponent outside, trailing zeros dropped (`%g` drops
    /// them itself). Zero of either sign is `0`; the non-finite are `nan`, `inf` and `-inf`.
    ///
    /// Descent's uses: 4 digits, compact, in the sentences that explain a run's outcome
    /// (`0.05765`, `2e-6`, `5.186e13`); 7 in SVG transform coefficients (glyph matrices scale 2048
    /// font units per em down to pixels, and 7 keep glyphs within 1/1000 px); 12 in tick and
    /// offset labels.
    ///
    /// - Precondition: `digits` is 1 or more.
    public static func significant(_ value: Double, digits: Int, exponent: ExponentStyle = .printf) -> String {
        precondition(digits > 0, "\(digits) significant digits")
        if value == 0 { return "0" }
        let text = printed(value, "g", precision: digits)
        return exponent == .compact ? compactingExponent(text) : text
    }

    /// `value` with exactly `decimals` digits after the point, as C's `%.<decimals>f` writes it
    /// (so `-0.0` keeps its sign: callers that show it decide).
    ///
    /// - Precondition: `decimals` is 0 or more.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0, "\(decimals) decimals")
        return printed(value, "f", precision: decimals)
    }

    /// `value` as C's `printf` writes it with `%.<precision><conversion>`, in the C locale.
    ///
    /// - Complexity: O(the length of the text); one allocation beyond it only for texts of 64
    ///   bytes or more (`%f` of numbers from 10⁶⁰ up).
    static func printed(_ value: Double, _ conversion: Unicode.Scalar, precision: Int) -> String {
        let format = CChar(truncatingIfNeeded: conversion.value)
        let short = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String? in
            let length = descent_print_double(buffer.baseAddress!, 64, format, Int32(precision), value)
            precondition(length >= 0, "printf's conversion is f, e or g, not \(conversion)")
            return length < 64 ? String(cString: buffer.baseAddress!) : nil
        }
        if let short { return short }
        let length = Int(descent_print_double(nil, 0, format, Int32(precision), value))
        var buffer = [CChar](repeating: 0, count: length + 1)
        _ = descent_print_double(&buffer, buffer.count, format, Int32(precision), value)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `value` as an annotation shows it: 3 significant digits, written plainly from 10⁻³ up to
    /// below 10⁵ (`0.00123`, `12300`); beyond, a mantissa with two decimals and the power of ten
    /// apart (`2.59` and 13 for −2.59 × 10¹³), for the caller to set as a superscript. Zero is
    /// `0`; the non-finite are `NaN`, `∞` and `-∞`, with no exponent.
    public static func annotation(_ value: Double) -> (mantissa: String, exponent: Int?) {
        guard value.isFinite else { return (value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞"), nil) }
        if value == 0 { return ("0", nil) }
        let exponent = Int(floor(log10(abs(value))))
        if (-3...4).contains(exponent) {
            return (significant(Double(significant(value, digits: 3))!, digits: 12), nil)
        }
        return (fixed(value / pow(10, Double(exponent)), decimals: 2), exponent)
    }

    /// `text` with its exponent, if any, spelled ``ExponentStyle/compact``.
    private static func compactingExponent(_ text: String) -> String {
        guard let exponentIndex = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<exponentIndex]
        var exponent = text[text.index(after: exponentIndex)...]
        var sign = ""
        if let first = exponent.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : digits)"
    }
}
