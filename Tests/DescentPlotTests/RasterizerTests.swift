import Foundation
import Testing

@testable import DescentPlot

/// The scan converter, checked by measuring the coverage it leaves.
@Suite struct RasterizerTests {
    private let canvasBounds = PixelBounds(minX: 0, minY: 0, maxX: 100, maxY: 100)

    private func coverage(_ path: Path, rule: FillRule = .nonZero, clip: Rect? = nil) -> [[Float]] {
        var polygons = path.flattened()
        if let clip { polygons = PolygonClipper.clip(polygons, to: clip) }
        var grid = Array(repeating: [Float](repeating: 0, count: 100), count: 100)
        guard let mask = Rasterizer.coverage(of: polygons, rule: rule, clip: canvasBounds) else { return grid }
        for row in 0..<mask.height {
            for column in 0..<mask.width {
                grid[mask.originY + row][mask.originX + column] = mask.coverage(row: row, column: column)
            }
        }
        return grid
    }

    @Test func aOnePixelHorizontalBandSplitsItsCoverageExactly() {
        let grid = coverage(.rectangle(Rect(x: 10, y: 10.25, width: 50, height: 1)))
        for column in 10..<60 {
            #expect(abs(grid[10][column] - 0.75) < 1e-6, "row 10, column \(column): \(grid[10][column])")
            #expect(abs(grid[11][column] - 0.25) < 1e-6)
            #expect(grid[9][column] == 0 && grid[12][column] == 0)
        }
    }

    @Test func aOnePixelVerticalLineCoversEachColumnByItsOverlap() {
        let stroke = Stroker.outline(
            of: Path.polyline([Point(20.25, 10), Point(20.25, 90)]).flattened(), style: StrokeStyle(width: 1))
        var grid = Array(repeating: [Float](repeating: 0, count: 100), count: 100)
        let mask = Rasterizer.coverage(of: stroke, rule: .nonZero, clip: canvasBounds)!
        for row in 0..<mask.height {
            for column in 0..<mask.width {
                grid[mask.originY + row][mask.originX + column] = mask.coverage(row: row, column: column)
            }
        }
        for row in 11..<89 {
            #expect(abs(grid[row][19] - 0.25) < 1e-5, "row \(row): \(grid[row][19])")
            #expect(abs(grid[row][20] - 0.75) < 1e-5)
            #expect(grid[row][18] == 0 && grid[row][21] == 0)
        }
    }

    /// Two subpaths that both cover part of a pixel cover their union once: column 10 is covered
    /// over 10.3…11 (0.7), where summing the windings gives 0.7 + 0.4 (what made the PNG of a
    /// dense loss curve darker than librsvg's rendering of its SVG, BackendAgreementTests).
    /// Even-odd leaves only the part covered once; a bowtie, whose two halves wind opposite ways
    /// and cancel in the sum, covers its two triangles.
    @Test func overlappingSubpathsInOnePixelCoverItOnce() {
        var overlapping = Path.rectangle(Rect(x: 10.3, y: 10, width: 1.4, height: 20))
        overlapping.append(.rectangle(Rect(x: 10.6, y: 10, width: 1.1, height: 20)))
        let nonZero = coverage(overlapping)
        #expect(abs(nonZero[20][10] - 0.7) < 1e-5, "column 10: \(nonZero[20][10])")
        #expect(abs(nonZero[20][11] - 0.7) < 1e-5, "column 11: \(nonZero[20][11])")
        let evenOdd = coverage(overlapping, rule: .evenOdd)
        #expect(abs(evenOdd[20][10] - 0.3) < 1e-5, "column 10: \(evenOdd[20][10])")
        #expect(evenOdd[20][11] < 1e-5, "column 11: \(evenOdd[20][11])")

        var bowtie = Path()
        bowtie.move(to: Point(40, 40))
        bowtie.line(to: Point(41, 41))
        bowtie.line(to: Point(41, 40))
        bowtie.line(to: Point(40, 41))
        bowtie.close()
        for rule in [FillRule.nonZero, .evenOdd] {
            let grid = coverage(bowtie, rule: rule)
            #expect(abs(grid[40][40] - 0.5) < 1e-5, "\(rule): \(grid[40][40])")
        }
    }

    @Test func aFilledCircleHasTheAreaOfACircle() {
        let radius = 40.0
        let grid = coverage(.circle(center: Point(50.3, 49.7), radius: radius))
        let area = grid.joined().reduce(0) { $0 + Double($1) }
        #expect(abs(area - .pi * radius * radius) / (.pi * radius * radius) < 0.005, "area \(area)")
    }

    @Test func fillRulesDecideAboutNestedShapes() {
        var nested = Path.rectangle(Rect(x: 10, y: 10, width: 80, height: 80))
        nested.append(.rectangle(Rect(x: 30, y: 30, width: 40, height: 40)))
        #expect(coverage(nested, rule: .nonZero)[50][50] == 1)
        #expect(coverage(nested, rule: .evenOdd)[50][50] == 0)
        #expect(coverage(nested, rule: .evenOdd)[20][20] == 1)
    }

    @Test func clippingKeepsFractionalEdges() {
        let grid = coverage(
            .rectangle(Rect(x: 0, y: 0, width: 100, height: 100)), clip: Rect(x: 20, y: 57.6, width: 30, height: 20))
        #expect(abs(grid[57][30] - 0.4) < 1e-5)
        #expect(grid[60][30] == 1)
        #expect(grid[60][19] == 0 && grid[60][50] == 0)
        #expect(abs(grid[77][30] - 0.6) < 1e-5)
    }

    @Test func shapesReachingPastTheCanvasAreCutCleanly() {
        let grid = coverage(.circle(center: Point(-10, 50), radius: 30))
        // At row 50 the circle reaches x = −10 + √(30² − 0.5²) = 19.996, its chords up to 0.1 px less.
        #expect(grid[50][0] == 1)
        #expect(grid[50][19] > 0.89 && grid[50][19] <= 0.997, "\(grid[50][19])")
        #expect(grid[50][20] == 0)
    }

    /// The buffers a canvas keeps from shape to shape must leave nothing behind: every shape of a
    /// varied sequence, rasterized with one scratch, gives exactly the mask of a fresh rasterizer.
    @Test func buffersKeptBetweenShapesGiveTheMasksOfFreshOnes() {
        var frame = Path.rectangle(Rect(x: 10.4, y: 12.6, width: 70, height: 60))
        frame.append(.rectangle(Rect(x: 11.5, y: 13.7, width: 67.8, height: 57.8)))
        let shapes: [(polygons: [Polyline], rule: FillRule)] = [
            (Path.rectangle(Rect(x: 5.5, y: 5.25, width: 90, height: 80)).flattened(), .nonZero),
            (frame.flattened(), .nonZero),
            (frame.flattened(), .evenOdd),
            (
                Stroker.outline(
                    of: Path.circle(center: Point(30.3, 40.7), radius: 4.2).flattened(), style: StrokeStyle(width: 1.4)),
                .nonZero
            ),
            (Path.circle(center: Point(95, 50), radius: 20).flattened(), .nonZero),
            (
                Stroker.outline(
                    of: Path.polyline([Point(2, 90), Point(60.5, 3.3), Point(99, 97)]).flattened(),
                    style: StrokeStyle(width: 2.5)), .nonZero
            ),
            (Path.circle(center: Point(3.2, 3.7), radius: 1.3).flattened(), .evenOdd),
        ]
        var scratch = Rasterizer.Scratch()
        for (index, shape) in (shapes + shapes.reversed()).enumerated() {
            let kept = Rasterizer.coverage(of: shape.polygons, rule: shape.rule, clip: canvasBounds, reusing: &scratch)
            let fresh = Rasterizer.coverage(of: shape.polygons, rule: shape.rule, clip: canvasBounds)
            #expect(kept?.coverage == fresh?.coverage, "shape \(index)")
            #expect(kept?.originX == fresh?.originX && kept?.originY == fresh?.originY, "shape \(index)")
        }
    }

    /// A filled rectangle's rows are stored as their two edge pixels around one constant run of
    /// 1s; the inside of a frame is no run at all (coverage 0).
    @Test func theInsideOfAShapeIsOneConstantRun() throws {
        let mask = try #require(
            Rasterizer.coverage(
                of: Path.rectangle(Rect(x: 10.5, y: 10, width: 60, height: 20)).flattened(), rule: .nonZero,
                clip: canvasBounds))
        let row = mask.runs[mask.rows[5]]
        #expect(row.count == 3)
        #expect(row.contains { $0.offset < 0 && $0.constant == 1 && $0.end - $0.start >= 58 })
        #expect(mask.coverage(row: 5, column: 0) == 0.5 && mask.coverage(row: 5, column: 30) == 1)
    }

    /// A white fill on the white canvas is skipped where nothing was painted (it could change no
    /// pixel), but not where something was: there it covers what was painted.
    @Test func theBackgroundsColourIsSkippedOnlyWhereNothingWasPainted() {
        var canvas = RasterCanvas(width: 40, height: 30)
        canvas.fill(.rectangle(Rect(x: 2.5, y: 3.25, width: 30, height: 20)), color: .white)
        #expect(canvas.rgba.allSatisfy { $0 == 255 })
        canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 20, height: 30)), color: Color(red: 0.5, green: 0.25, blue: 0))
        canvas.fill(.rectangle(Rect(x: 10.5, y: 5, width: 20, height: 10)), color: .white)
        let rgba = canvas.rgba
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(rgba[((y * 40 + x) * 4)..<((y * 40 + x) * 4 + 4)]) }
        #expect(pixel(5, 20) == [128, 64, 0, 255], "painted, outside the white fill")
        #expect(pixel(15, 10) == [255, 255, 255, 255], "painted, then covered by the white fill")
        // The pixel holds the bytes (128, 64, 0) between the fills: half white over 128/255 and
        // 64/255 gives 0.75098 and 0.62549 (191.5 and 159.5 in bytes, rounded up), not 0.75 and 0.625.
        #expect(pixel(10, 10) == [192, 160, 128, 255], "half covered by the white fill: (0.751, 0.625, 0.5)")
        #expect(pixel(35, 25) == [255, 255, 255, 255], "never painted")
    }

    /// A canvas with no rows or no columns holds no pixel, whatever its other side (the first row
    /// used to be filled into an empty buffer), opaque or transparent; painting it changes nothing.
    @Test(arguments: [(10_000, 0), (0, 10_000), (0, 0)])
    func anEmptyCanvasHoldsNoPixels(width: Int, height: Int) {
        for background in [Color.white, Color(red: 0, green: 0, blue: 0, alpha: 0)] {
            var canvas = RasterCanvas(width: width, height: height, background: background)
            canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 5, height: 5)), color: .black)
            #expect(canvas.rgba.isEmpty)
            #expect(throws: PNGCodec.Error.self) { try canvas.png(dpi: 100, metadata: []) }
        }
    }

    /// The clipper keeps a polygon wholly inside its rectangle as it is (points on a side are
    /// inside), drops one wholly beyond any side, and cuts one that crosses a side.
    @Test func theClipperKeepsWhatIsInsideAndDropsWhatIsBeyondASide() {
        let rect = Rect(x: 10, y: 20, width: 30, height: 40)
        let inside = Polyline(points: [Point(10, 20), Point(40, 20), Point(25, 60)], isClosed: true)
        #expect(PolygonClipper.clip([inside], to: rect).map(\.points) == [inside.points])
        let beyond: [[Point]] = [
            [Point(0, 30), Point(9.5, 30), Point(5, 50)], [Point(41, 30), Point(50, 30), Point(45, 50)],
            [Point(15, 0), Point(35, 0), Point(25, 19.9)], [Point(15, 61), Point(35, 61), Point(25, 90)],
            [Point(.nan, 30), Point(.nan, 31), Point(.nan, 32)],
        ]
        #expect(PolygonClipper.clip(beyond.map { Polyline(points: $0, isClosed: true) }, to: rect).isEmpty)
        let crossing = Polyline(points: [Point(0, 30), Point(20, 30), Point(20, 40), Point(0, 40)], isClosed: true)
        let cut = PolygonClipper.clip([crossing], to: rect)
        #expect(cut.count == 1 && cut[0].points.allSatisfy { $0.x >= 10 && $0.x <= 20 })
        #expect(Set(cut[0].points.map(\.x)) == [10, 20])
    }
}
