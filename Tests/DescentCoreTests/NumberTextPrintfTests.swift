import DescentTestSupport
import Foundation
import Testing

@testable import DescentCore

/// `NumberText.printed`, which calls C's `snprintf` through a fixed signature, against
/// Foundation's `String(format:)`, which NumberText used before: the same text for every
/// conversion and precision Descent uses, on random bit patterns and on the values at the edges.
@Suite struct NumberTextPrintfTests {
    static let edges: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.05765432, 1e-5, 9.9999e-5, 1e-4, 123456.789, 999_999.5, 1e15, 1e16, 1e17, 1e21, 1e60,
        1e100, 1e300, -1e300, .greatestFiniteMagnitude, .leastNormalMagnitude, .leastNonzeroMagnitude, .infinity,
        -.infinity, .nan, -Double.nan, 2.5, 0.125, 1.005, 2.675, 1e-300, 4.35, 0.1 + 0.2,
    ]

    @Test func theEdgesReadAsFoundationWroteThem() {
        for value in Self.edges {
            expectFoundationsText(for: value)
        }
    }

    @Test func randomBitPatternsReadAsFoundationWroteThem() {
        var generator = SeededGenerator.printingSeed()
        for _ in 0..<2000 {
            expectFoundationsText(for: Double(bitPattern: generator.next()))
        }
    }

    /// Every precision of `%g` up to 17 and of `%f` up to 20, with `%f`'s long texts (10³⁰⁸ has
    /// 309 digits before the point) past the 64-byte buffer tried first.
    private func expectFoundationsText(for value: Double) {
        for digits in 1...17 {
            #expect(NumberText.printed(value, "g", precision: digits) == String(format: "%.\(digits)g", value))
        }
        for decimals in 0...20 {
            #expect(NumberText.printed(value, "f", precision: decimals) == String(format: "%.\(decimals)f", value))
        }
    }

    /// A conversion other than f, e or g (which could read further arguments) is refused.
    @Test func aConversionOtherThanFEOrGStopsWithAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) { _ = NumberText.printed(1, "s", precision: 3) }
    }
}
