import Foundation
import Testing

@testable import DescentNet

/// The trainer's series beside its loop: values in the order asked, from a state only the series'
/// thread touches, and what a value's work captured let go once that value is in.
@Suite struct BackgroundSeriesTests {
    final class Token: Sendable {}

    @Test func valuesComeInTheOrderAskedFromTheSeriesState() {
        let series = BackgroundSeries<Int, Int>(label: "test.series", state: 0, capacity: 100, niceness: 10)
        for step in 1...100 {
            series.append { total in
                total += step
                return total
            }
        }
        #expect(series.finish() == (1...100).map { $0 * ($0 + 1) / 2 })
        #expect(series.latest?.value == 5050 && series.latest?.count == 100)
    }

    @Test func aValuesWorkIsReleasedWhenItsValueIsIn() {
        let series = BackgroundSeries<Void, Int>(label: "test.release", state: ())
        var token: Token? = Token()
        weak let watched = token
        series.append { [token] _ in token == nil ? 0 : 1 }
        token = nil
        series.waitForAll()
        #expect(watched == nil)
        #expect(series.finish() == [1])
    }
}
