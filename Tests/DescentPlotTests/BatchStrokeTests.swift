import Testing

@testable import DescentPlot

/// Paths stroked together (on two threads) give the pixels of the same paths stroked one by one.
@Suite struct BatchStrokeTests {
    @Test func twoThreadsGiveEveryResultInIndexOrder() {
        for count in [0, 1, 2, 7] {
            #expect(TwoThreads.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
    }

    /// Overlapping translucent and opaque strokes, one white on the background (left out where
    /// nothing was painted yet), one transparent, under a clip: order and every rule of a single
    /// stroke matter.
    @Test func aBatchPaintsTheSamePixelsAsItsStrokesOneByOne() {
        let paths = (0..<9).map { index in
            let offset = Double(index) * 7.3
            return Path.polyline(
                [Point(10 + offset, 20), Point(150 - offset, 90 + offset), Point(30, 170 - offset)],
                closed: index % 3 == 0)
        }
        let colors = (0..<9).map { index in
            switch index {
            case 0: Color.white
            case 4: Color.cycle[1].withAlpha(0)
            default: Color.cycle[index % Color.cycle.count].withAlpha(index % 2 == 0 ? 1 : 0.5)
            }
        }
        let style = StrokeStyle(width: 6.5, cap: .butt, join: .round)
        func pixels(together: Bool) -> [UInt8] {
            var canvas = RasterCanvas(width: 200, height: 200)
            canvas.pushClip(Rect(x: 15, y: 12, width: 160, height: 150))
            if together {
                canvas.stroke(paths, style: style, colors: colors)
            } else {
                for (path, color) in zip(paths, colors) { canvas.stroke(path, style: style, color: color) }
            }
            canvas.popClip()
            return canvas.rgba
        }
        let together = pixels(together: true)
        #expect(together == pixels(together: false))
        #expect(Set(together).count > 10, "the strokes painted something")
    }
}
