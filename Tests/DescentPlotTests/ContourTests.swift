import DescentCore
import Foundation
import Testing

@testable import DescentPlot

/// Sampling and marching squares: where the contours lie, how saddles are split, how segments
/// join, what happens to non-finite samples.
@Suite struct ContourTests {
    /// The frame of a 640 × 480 figure's axes box showing `grid`'s range, as a contour plot does.
    static func frame(
        for grid: ContourGrid, font: Font, box: Rect = Rect(x: 80, y: 57.6, width: 496, height: 369.6)
    ) -> AxesFrame {
        var axes = Axes()
        axes.xLimits = grid.xs[0]...grid.xs[grid.xs.count - 1]
        axes.yLimits = grid.ys[0]...grid.ys[grid.ys.count - 1]
        return axes.frame(box: box, cell: Rect(x: 0, y: 0, width: 640, height: 480), units: PlotUnits(), font: font)
    }

    static let sphere = try! Objective(expression: "x0^2 + x1^2")

    /// The area a closed polyline encloses (the shoelace formula): positive when it runs
    /// counter-clockwise, with x to the right and y up.
    static func signedArea(_ loop: Polyline) -> Double {
        let points = loop.points
        return zip(points, points.dropFirst() + [points[0]]).reduce(0.0) {
            $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) / 2
        }
    }

    @Test func theContourOfASphereLiesWithinHalfAPixelOfItsCircle() throws {
        let font = try Font.standard()
        // The trajectory figure's view, at the default resolution; x and y have different pixel
        // scales, so the circle is an ellipse on screen and the distance is measured there.
        let grid = ContourGrid(sampling: Self.sphere, x: -3.5...3.5, y: -4.5...4.5)
        let frame = Self.frame(for: grid, font: font)
        for radius in [0.5, 1, 2, 3.3] {
            let lines = MarchingSquares.isolines(in: grid, at: radius * radius)
            try #require(lines.count == 1, "r = \(radius): \(lines.count) polylines")
            #expect(lines[0].isClosed)
            var worst = 0.0
            let points = lines[0].points
            for (index, point) in points.enumerated() {
                let next = points[(index + 1) % points.count]
                // Each vertex and each segment's midpoint (where a chord is farthest from the arc).
                for t in [0.0, 0.5] {
                    let p = Point(point.x + t * (next.x - point.x), point.y + t * (next.y - point.y))
                    let onCircle = Point(p.x * radius / p.length, p.y * radius / p.length)
                    worst = max(worst, (frame.pixel(p.x, p.y) - frame.pixel(onCircle.x, onCircle.y)).length)
                }
            }
            #expect(worst < 0.5, "r = \(radius): \(worst) px from the circle")
            // A closed contour around a minimum runs clockwise (the higher values on its left).
            #expect(Self.signedArea(lines[0]) < 0)
        }
    }

    /// An objective is sampled half on a second thread, with the values of sampling it on one, in
    /// order, for an even and an odd number of rows.
    @Test func anObjectiveSampledOnTwoThreadsHasTheOneThreadValues() {
        let objective = Preset.bookCh6.objective
        for resolution in [(x: 200, y: 200), (x: 7, y: 5)] {
            let shared = ContourGrid(sampling: objective, x: -10...10, y: -5...5, resolution: resolution)
            let single = ContourGrid(x: -10...10, y: -5...5, resolution: resolution) { objective($0) }
            #expect(shared.values == single.values)
            #expect(shared.values.count == resolution.x * resolution.y)
        }
    }

    @Test func aContourAroundAMaximumRunsCounterClockwise() {
        let grid = ContourGrid(x: -1...1, y: -1...1, resolution: (21, 21)) { 1 - $0[0] * $0[0] - $0[1] * $0[1] }
        let lines = MarchingSquares.isolines(in: grid, at: 0.5)
        #expect(lines.count == 1 && lines[0].isClosed)
        #expect(Self.signedArea(lines[0]) > 0)
    }

    /// A 2 × 2 grid (one cell) with 1 at the bottom-left and top-right corners and 0 at the other
    /// two, contoured at 0.5: the four edge midpoints are crossed. The centre's average is
    /// 0.5, not above the level, so the low corners are joined and the segments cut off the high
    /// corners; at a level of 0.4 the average is above and the segments cut off the low corners.
    /// These are the segments contourpy 1.3.3's `mpl2014` (matplotlib's default `contour.algorithm`)
    /// returns for the same cell, point for point and in the same direction.
    @Test func saddleCellsAreSplitByTheAverageOfTheirCorners() {
        let grid = ContourGrid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
        let pairs = { (level: Double) in
            Set(
                MarchingSquares.isolines(in: grid, at: level).map { line in
                    #expect(!line.isClosed && line.points.count == 2)
                    return [line.points[0], line.points[1]].map { "(\($0.x), \($0.y))" }.joined(separator: "→")
                })
        }
        // High corners (0, 0) and (1, 1) cut off, each on the left of its segment.
        #expect(pairs(0.5) == ["(0.5, 0.0)→(0.0, 0.5)", "(0.5, 1.0)→(1.0, 0.5)"])
        // Average 0.5 > 0.4: the high corners joined, the low corners (1, 0) and (0, 1) cut off.
        #expect(pairs(0.4) == ["(0.6, 0.0)→(1.0, 0.4)", "(0.4, 1.0)→(0.0, 0.6)"])
        // The table: the same rule for both saddle masks.
        #expect(
            MarchingSquares.cellSegments(mask: 0b0101, centerAbove: true).map { [$0.from, $0.to] } == [
                [0, 1], [2, 3],
            ])
        #expect(
            MarchingSquares.cellSegments(mask: 0b0101, centerAbove: false).map { [$0.from, $0.to] } == [
                [0, 3], [2, 1],
            ])
        #expect(
            MarchingSquares.cellSegments(mask: 0b1010, centerAbove: true).map { [$0.from, $0.to] } == [
                [1, 2], [3, 0],
            ])
        #expect(
            MarchingSquares.cellSegments(mask: 0b1010, centerAbove: false).map { [$0.from, $0.to] } == [
                [1, 0], [3, 2],
            ])
    }

    @Test func segmentsJoinIntoOpenPolylinesThatEndAtTheGridsEdge() {
        // A plane: every contour is one straight open polyline from edge to edge.
        let grid = ContourGrid(x: 0...1, y: 0...1, resolution: (11, 7)) { $0[0] + 2 * $0[1] }
        for level in [0.3, 1.5, 2.7] {
            let lines = MarchingSquares.isolines(in: grid, at: level)
            #expect(lines.count == 1 && !lines[0].isClosed)
            for point in lines[0].points { #expect(abs(point.x + 2 * point.y - level) < 1e-12) }
        }
        #expect(MarchingSquares.isolines(in: grid, at: 5).isEmpty)
    }

    @Test func nonFiniteSamplesAreCountedAndTheirCellsSkipped() throws {
        // 1 / (x² + y²) has a pole at the origin, a grid point of this 21 × 21 grid; log(x) is NaN
        // for x < 0, half the grid.
        let pole = ContourGrid(x: -1...1, y: -1...1, resolution: (21, 21)) { 1 / ($0[0] * $0[0] + $0[1] * $0[1]) }
        #expect(pole.nonFiniteCount == 1)
        #expect(pole.skippedCellCount == 4)
        #expect(pole.finiteRange?.lowerBound == 0.5)
        #expect(abs(pole.finiteRange!.upperBound - 100) < 1e-9)
        // The contour near the pole still closes around it.
        let near = MarchingSquares.isolines(in: pole, at: 30)
        #expect(near.count == 1 && near[0].isClosed)
        // Around the pole only the four cells are left out: the region above 30 is a ring whose
        // hole is the square they make.
        let ring = MarchingSquares.regionAbove(30, in: pole)
        #expect(ring.count == 2)
        #expect(
            ring.contains { $0.points.count == 8 && $0.points.allSatisfy { max(abs($0.x), abs($0.y)) < 0.1 + 1e-12 } })

        let logarithm = try Objective(expression: "log(x0)")
        let half = ContourGrid(sampling: logarithm, x: -1...1, y: 0...1, resolution: (21, 5))
        // x = −1 … −0.1 give NaN, x = 0 gives −∞: 11 columns of 5.
        #expect(half.nonFiniteCount == 11 * 5)
        #expect(half.skippedCellCount == 11 * 4)
        for line in MarchingSquares.isolines(in: half, at: -1) {
            #expect(line.points.allSatisfy { $0.x > 0 })
        }
        let contours = try ContourArtist(grid: half, style: .filled)
        #expect(contours.grid.nonFiniteCount == half.nonFiniteCount)
    }

    @Test func theRegionAboveALevelIsClosedLoopsThatTheNonZeroRuleFills() {
        // The sphere's region above r² = 1 inside the square: the square with a round hole.
        let grid = ContourGrid(sampling: Self.sphere, x: -2...2, y: -2...2, resolution: (41, 41))
        let loops = MarchingSquares.regionAbove(1, in: grid)
        #expect(loops.count == 2 && loops.allSatisfy(\.isClosed))
        let areas = loops.map(Self.signedArea)
        // The outer loop counter-clockwise (area 16), the hole clockwise (area about −π).
        #expect(areas.contains { abs($0 - 16) < 1e-9 })
        #expect(areas.contains { abs($0 + .pi) < 0.01 })
        // Everything: the outline of the grid.
        let all = MarchingSquares.regionAbove(-.infinity, in: grid)
        #expect(all.count == 1 && all[0].points.count == 4 * 40)
    }

    @Test func samplingAnExpressionReusesOneBufferAndMatchesTheObjective() {
        let program = ExpressionProgram(try! ExpressionParser.parse("(1 - x)^2 + 100 * (y - x^2)^2"))
        let objective = Preset.rosenbrock.objective
        let fromProgram = ContourGrid(sampling: program, x: -2...2, y: -1...3, resolution: (50, 40))
        let fromObjective = ContourGrid(sampling: objective, x: -2...2, y: -1...3, resolution: (50, 40))
        #expect(fromProgram.values == fromObjective.values)
        #expect(fromProgram.xs.count == 50 && fromProgram.ys.count == 40)
        #expect(fromProgram[49, 39] == objective([2, 3]))
        #expect(ContourGrid.linspace(-2...2, count: 200).last == 2)
        #expect(ContourGrid.defaultResolution == (200, 200))
    }
}

/// Grids at the edges of what contours can do: nothing to draw, one cell, values near overflow.
@Suite struct ContourEdgeCaseTests {
    @Test func aConstantFunctionDrawsNoLinesAndFillsOneBand() throws {
        let grid = ContourGrid(x: 0...1, y: 0...1, resolution: (5, 5)) { _ in 3 }
        let lines = try ContourArtist(grid: grid)
        #expect(lines.polylines.allSatisfy { $0.isEmpty })
        let filled = try ContourArtist(grid: grid, style: .filled)
        #expect(filled.polylines[0].count == 1)
    }

    @Test func samplesNearOverflowGiveFiniteCrossings() {
        let big = Double.greatestFiniteMagnitude
        let grid = ContourGrid(xs: [0, 1], ys: [0, 1], values: [-big, big, big, -big])
        for level in [0.0, big / 2, -big / 2] {
            for line in MarchingSquares.isolines(in: grid, at: level) {
                #expect(line.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
            }
        }
        for loop in MarchingSquares.regionAbove(0, in: grid) {
            #expect(loop.points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        }
    }

    @Test func aFunctionThatIsNowhereFiniteHasNoLevels() {
        let grid = ContourGrid(x: 0...1, y: 0...1, resolution: (3, 3)) { _ in .nan }
        #expect(grid.nonFiniteCount == 9 && grid.skippedCellCount == 4 && grid.finiteRange == nil)
        #expect(throws: ContourLevels.Error.self) { _ = try ContourArtist(grid: grid) }
        #expect(MarchingSquares.regionAbove(-.infinity, in: grid).isEmpty)
    }
}
