import Testing

@testable import DescentPlot

/// Tick positions and labels against matplotlib 3.11.2 (`AutoLocator`, `ScalarFormatter`) at the
/// default 640×480, whose axes allow 9 intervals: the expected values below were printed by
/// matplotlib (`ax.get_xticks()` inside the view, `ax.get_xticklabels()`, the offset text).
@Suite struct TickTests {
    private func visibleTicks(_ lower: Double, _ upper: Double) -> [Double] {
        let slack = 1e-12 * (upper - lower)
        return TickLocator.ticks(lower: lower, upper: upper).filter { $0 >= lower - slack && $0 <= upper + slack }
    }

    @Test func ticksMatchMatplotlib() {
        #expect(visibleTicks(0, 1) == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0])
        #expect(visibleTicks(0, 100) == [0, 20, 40, 60, 80, 100])
        #expect(visibleTicks(-1.3, 2.7) == [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
        #expect(visibleTicks(0, 49) == [0, 10, 20, 30, 40])
        #expect(
            visibleTicks(1e-5, 3e-5) == [
                9.999999999999999e-06, 1.2499999999999999e-05, 1.4999999999999999e-05, 1.75e-05, 1.9999999999999998e-05,
                2.2499999999999998e-05, 2.4999999999999998e-05, 2.7499999999999998e-05, 2.9999999999999997e-05,
            ])
        #expect(
            visibleTicks(-0.05, 1.05) == [0.0, 0.2, 0.4000000000000001, 0.6000000000000001, 0.8, 1.0000000000000002])
        #expect(visibleTicks(-3.5, 3.5) == [-3, -2, -1, 0, 1, 2, 3])
        #expect(visibleTicks(-4.5, 4.5) == [-4, -3, -2, -1, 0, 1, 2, 3, 4])
        #expect(visibleTicks(0, 20) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20])
        #expect(
            visibleTicks(1_000_000, 1_000_010) == [1_000_000, 1_000_002, 1_000_004, 1_000_006, 1_000_008, 1_000_010])
    }

    @Test func neverMoreThanNineIntervals() {
        for upper in stride(from: 0.37, to: 1000, by: 3.7) {
            #expect(TickLocator.ticks(lower: 0, upper: upper).count <= 11)
            #expect(visibleTicks(0, upper).count <= 10)
        }
    }

    private func labels(_ lower: Double, _ upper: Double) -> (labels: [String], offset: String?) {
        let ticks = TickLocator.ticks(lower: lower, upper: upper)
        let result = TickFormatter.labels(for: ticks, lower: lower, upper: upper, scale: .linear)
        return (result.labels.map(\.plainText), result.offsetText?.plainText)
    }

    @Test func labelsShareOneNumberOfDecimals() {
        #expect(labels(0, 1).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(labels(0, 100).labels == ["0", "20", "40", "60", "80", "100"])
        #expect(labels(-1.3, 2.7).labels == ["-1.5", "-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
        #expect(labels(0, 20).labels == ["0.0", "2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5", "20.0"])
        #expect(labels(-3.5, 3.5).labels == ["-4", "-3", "-2", "-1", "0", "1", "2", "3", "4"])
    }

    @Test func smallAndLargeNumbersGetACommonFactor() {
        let tiny = labels(1e-5, 3e-5)
        #expect(tiny.labels == ["1.00", "1.25", "1.50", "1.75", "2.00", "2.25", "2.50", "2.75", "3.00"])
        #expect(tiny.offset == "×10-5")
        let huge = labels(-1.5e13, 1.3e12)
        #expect(huge.labels.first == "-1.6" && huge.labels.last == "0.2")
        #expect(huge.offset == "×1013")
    }

    @Test func ticksSharingLeadingDigitsGetAnOffset() {
        let million = labels(1_000_000, 1_000_010)
        #expect(million.labels == ["0", "2", "4", "6", "8", "10"])
        #expect(million.offset == "+106")
        #expect(labels(0.9999, 1.0001).offset == "+1")
    }

    @Test func logAxesLabelDecadesWithSuperscripts() {
        let ticks = TickLocator.ticks(lower: 1e-3, upper: 2e2, scale: .log)
        #expect(ticks == [1e-3, 1e-2, 1e-1, 1, 10, 100])
        let label = TickFormatter.labels(for: ticks, lower: 1e-3, upper: 2e2, scale: .log).labels[0]
        #expect(label.spans.count == 2)
        #expect(label.spans[1].text == "-3" && label.spans[1].scale < 1 && label.spans[1].rise > 0)
    }

    @Test func symlogShowsBothSignsAcrossDecades() {
        let ticks = TickLocator.ticks(lower: -1e4, upper: 1e4, scale: .symlog(linearThreshold: 1))
        #expect(ticks == [-1e4, -1e3, -1e2, -10, -1, 0, 1, 10, 100, 1e3, 1e4])
        let scale = Scale.symlog(linearThreshold: 1)
        for value in [-2.6e13, -5.0, -0.3, 0, 0.7, 42, 1e12] {
            #expect(abs(scale.inverse(scale.forward(value)) - value) <= 1e-9 * max(1, abs(value)))
        }
    }
}
