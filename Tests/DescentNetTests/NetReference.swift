import Foundation
import Testing

/// Fixtures/net_reference.json, made by Fixtures/make_net_reference.py from the book's NumPy code.
enum NetReference {
    nonisolated(unsafe) static let values: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/net_reference", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func section(_ name: String) -> [String: Any] { values[name] as! [String: Any] }

    /// Doubles from C99 hex strings.
    static func doubles(_ value: Any?) -> [Double] {
        (value as! [String]).map { Double($0)! }
    }

    static func double(_ value: Any?) -> Double { Double(value as! String)! }
}

/// The largest relative difference, with an absolute floor for values near zero.
func maximumRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1e-300) -> Double {
    zip(a, b).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
}
