import Foundation
import Testing

/// The committed reference values: `book_values.json` (a copy of shared/reference, the values the
/// book's NumPy code prints) and `numpy_reference.json` (made by `Fixtures/make_numpy_reference.py`,
/// which checks itself against the book's values before writing).
enum ReferenceFixtures {
    static func load(_ name: String) throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The Double a C99 hex-float string spells exactly (`"-0x1.4ff632b6a7240p-31"`).
    static func double(hex: Any?) throws -> Double {
        let text = try #require(hex as? String)
        return try #require(Double(text), "not a hex float: \(text)")
    }

    static func doubles(hex: Any?) throws -> [Double] {
        try #require(hex as? [Any]).map(double(hex:))
    }

    static func rows(hex: Any?) throws -> [[Double]] {
        try #require(hex as? [Any]).map(doubles(hex:))
    }
}

/// The bits of a Double, for messages that show why two values differ.
func bits(_ values: [Double]) -> [String] {
    values.map { "\($0) (0x\(String($0.bitPattern, radix: 16)))" }
}
