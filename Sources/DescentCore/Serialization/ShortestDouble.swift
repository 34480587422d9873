/// Formats a Double in the shortest decimal form that reads back to the same Double, as JSON
/// and CSV want it.
///
/// Swift's `description` already finds the shortest round-tripping digits (Errol/Ryu-style);
/// this only normalises the spelling: a trailing `.0` goes (`25`, `-3`, `9007199254740992`), and
/// exponents lose a `+` and leading zeros (`1e-08` → `1e-8`, `2.5e+20` → `2.5e20`).
public enum ShortestDouble {
    /// The shortest round-tripping spelling of `value`; `nan`, `inf` and `-inf` (as Python's
    /// `repr` spells them, which `float()` and NumPy's `loadtxt` read back) for the non-finite.
    /// JSON has no spelling for those: ``JSONValue`` writes `null` instead.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value.description }
        var text = value.description
        if text.hasSuffix(".0") {
            text.removeLast(2)
        }
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
