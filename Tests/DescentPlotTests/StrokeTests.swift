import DescentTestSupport
import Foundation
import Testing

@testable import DescentPlot

/// Strokes and dashes, measured by the area they cover.
@Suite struct StrokeTests {
    private func area(_ path: Path, _ style: StrokeStyle) -> Double {
        let outline = Stroker.outline(of: path.flattened(), style: style)
        guard
            let mask = Rasterizer.coverage(
                of: outline, rule: .nonZero, clip: PixelBounds(minX: 0, minY: 0, maxX: 200, maxY: 200))
        else { return 0 }
        return mask.coverage.reduce(0) { $0 + Double($1) }
    }

    private let segment = Path.polyline([Point(50.3, 100.4), Point(150.3, 100.4)])

    @Test func buttCapsEndAtTheEndPoints() {
        #expect(abs(area(segment, StrokeStyle(width: 4, cap: .butt)) - 400) < 0.01)
    }

    @Test func squareCapsAddHalfAWidthAtEachEnd() {
        #expect(abs(area(segment, StrokeStyle(width: 4, cap: .square)) - 416) < 0.01)
    }

    /// The two half-discs make one disc of radius 2. Its chords may lie up to the flattening
    /// tolerance (0.1 px) inside the arc, and where a disc's and the rectangle's anti-aliased edges
    /// share a pixel their coverages add; each error is bounded by 0.1 × the disc's perimeter.
    @Test func roundCapsAddHalfADiscAtEachEnd() {
        let expected = 400 + Double.pi * 4
        let measured = area(segment, StrokeStyle(width: 4, cap: .round))
        #expect(abs(measured - expected) <= Path.flatteningTolerance * 2 * .pi * 2, "\(measured)")
    }

    @Test func overlappingPiecesOfAStrokeCountOnce() {
        let corner = Path.polyline([Point(50, 50), Point(150, 50), Point(150, 150)])
        let miter = area(corner, StrokeStyle(width: 10, cap: .butt, join: .miter(limit: 10)))
        // Two 100 × 10 rectangles overlap in a 5 × 5 square; the miter fills the outer 5 × 5 corner.
        #expect(abs(miter - (2 * 1000 - 25 + 25)) < 0.05, "\(miter)")
        let bevel = area(corner, StrokeStyle(width: 10, cap: .butt, join: .bevel))
        #expect(abs(bevel - (2000 - 25 + 12.5)) < 0.05, "\(bevel)")
    }

    @Test func dashesHaveTheirPatternsLengths() {
        let pattern = DashPattern([10, 5])!
        let dashes = Dasher.dash(Path.polyline([Point(0, 0), Point(100, 0)]).flattened(), pattern: pattern)
        #expect(dashes.count == 7)
        let lengths = dashes.map { ($0.points.last! - $0.points.first!).length }
        #expect(lengths.prefix(6).allSatisfy { abs($0 - 10) < 1e-9 })
        #expect(abs(lengths[6] - 10) < 1e-9)
        #expect(abs(dashes[1].points[0].x - 15) < 1e-9)
    }

    @Test func dashesRunOnAcrossCornersAndHonourTheOffset() {
        let pattern = DashPattern([6, 4], offset: 3)!
        let dashes = Dasher.dash(Path.polyline([Point(0, 0), Point(5, 0), Point(5, 5)]).flattened(), pattern: pattern)
        #expect(dashes.map(\.points) == [[Point(0, 0), Point(3, 0)], [Point(5, 2), Point(5, 5)]])
    }

    @Test func impossibleDashPatternsDoNotExist() {
        #expect(DashPattern([-1, 2]) == nil)
        #expect(DashPattern([0, 0]) == nil)
        #expect(DashPattern([.nan]) == nil)
        #expect(DashPattern([]) == nil)
        #expect(DashPattern([3])?.lengths == [3, 3])
    }

    @Test func matplotlibsDashedStyleScalesWithTheWidth() {
        #expect(LineStyle.dashed.dashPattern(width: 2)?.lengths == [7.4, 3.2])
        #expect(LineStyle.solid.dashPattern(width: 2) == nil)
    }
}

@Suite struct PolylineDecimationTests {
    @Test func aDenseSeriesKeepsEachColumnsExtremesAndEnds() {
        var generator = SeededGenerator.printingSeed()
        let points = (0..<10_000).map {
            Point(80 + Double($0) * 496 / 9_999, 200 + Double.random(in: -30...30, using: &generator))
        }
        let thinned = PolylineDecimation.decimate(points)
        #expect(thinned.count <= 4 * 497)
        #expect(thinned.first == points.first && thinned.last == points.last)
        let columns = Dictionary(grouping: points) { $0.x.rounded(.down) }
        let thinnedColumns = Dictionary(grouping: thinned) { $0.x.rounded(.down) }
        for (column, members) in columns {
            let kept = thinnedColumns[column]!
            #expect(kept.map(\.y).min() == members.map(\.y).min() && kept.map(\.y).max() == members.map(\.y).max())
        }
    }

    @Test func sparseOrBackwardLinesAreLeftAlone() {
        let sparse = (0..<50).map { Point(Double($0) * 10, Double($0 % 3)) }
        #expect(PolylineDecimation.decimate(sparse) == sparse)
        let loop = (0..<5000).map { Point(cos(Double($0) / 100) * 50, sin(Double($0) / 100) * 50) }
        #expect(PolylineDecimation.decimate(loop) == loop)
    }
}
