import Foundation
import Testing

@testable import DescentPlot

/// The stroker's outline (one polygon per stretch, joins inline) covers the region the stroke's
/// pieces cover (a rectangle per segment, a piece per join and per cap: ``Stroker``'s
/// `piecewise` outline, the definition), checked against an exact rendering of those pieces.
@Suite struct StrokeOutlineTests {
    struct Case: CustomStringConvertible {
        let description: String
        let polylines: [Polyline]
        let style: StrokeStyle
    }

    /// Polylines over a 160 × 100 pixel field: gentle curves, sharp zig-zags, segments shorter than
    /// the width, a U-turn tighter than the width, reversals, closed loops (a marker's circle and
    /// square, a figure eight), a corner onto a segment shorter than its reach, each cap and join
    /// style, widths 0.5 to 10 px.
    static let cases: [Case] = {
        let sine = (0...50).map { Point(10 + Double($0) * 2.8, 50 + 25 * sin(Double($0) / 7)) }
        let arc = (0...90).map { Point(80 + 40 * cos(Double($0) / 20), 50 + 40 * sin(Double($0) / 20)) }
        let zigzag = (0...8).map { Point(20 + Double($0) * 14.3, $0 % 2 == 0 ? 30.2 : 62.7) }
        // Upright, so that round joins' arcs at the right-hand peaks span the angle 0 (the disc's
        // first vertex).
        let upright = (0...6).map { Point($0 % 2 == 0 ? 60.2 : 92.7, 10 + Double($0) * 13.3) }
        let steep = (0...8).map { Point(30 + Double($0) * 3.1, $0 % 2 == 0 ? 20.4 : 75.3) }
        let short = (0...120).map { index -> Point in
            let angle = Double(index) / 60
            return Point(80 + (20 + Double(index) * 0.1) * cos(angle), 50 + (20 + Double(index) * 0.1) * sin(angle))
        }
        let uTurn =
            [Point(20.3, 40.1)]
            + (0...16).map { Point(60.3 + 2 * sin(Double($0) * .pi / 16), 42.1 - 2 * cos(Double($0) * .pi / 16)) }
            + [Point(20.3, 44.1)]
        let reversal = [Point(20.5, 50.3), Point(120.2, 50.3), Point(70.7, 50.3)]
        let reversalAskew = [Point(20.5, 40.3), Point(120.2, 60.1), Point(70.7, 50.3)]
        let eight = (0..<80).map { index -> Point in
            let t = Double(index) * 2 * .pi / 80
            return Point(80 + 50 * sin(t), 50 + 30 * sin(t) * cos(t))
        }
        // A 60° turn onto a segment of 0.6 half-widths: the incoming rectangle's inner corner
        // reaches past the short segment's end (h · sin 60° > 0.6 h, though h · tan 30° < 0.6 h).
        let shortCorner = [Point(20.2, 60.3), Point(80.4, 60.3), Point(80.4 + 1.8 * 0.5, 60.3 - 1.8 * 0.866_025_4)]
        // Turns of 0.4 rad every 6 px: at 10 px the round joins are discs (their arcs lie 0.1 px
        // beyond the bevels), whose halves over the segments reach 5 px along them.
        let coarseArc = (0...7).map { Point(80 + 15 * cos(Double($0) * 0.4), 60 + 15 * sin(Double($0) * 0.4)) }
        // A turn of 0.5 rad onto a segment of 3.5 px at 10 px: the round join's disc reaches 1.5 px
        // past the segment's butt end.
        let discCorner = [Point(20.2, 40.3), Point(90.4, 40.3), Point(90.4 + 3.5 * cos(0.5), 40.3 + 3.5 * sin(0.5))]
        let marker = Path.circle(center: Point(40.3, 50.6), radius: 4.17).flattened()
        let square = Path.rectangle(Rect(x: 100.2, y: 40.6, width: 11.1, height: 11.1)).flattened()
        let open = { (points: [Point]) in [Polyline(points: points, isClosed: false)] }
        let round = LineJoin.round
        let miter = LineJoin.miter(limit: 10)
        var cases: [Case] = [
            Case(
                description: "gentle sine, 1.5 px", polylines: open(sine), style: StrokeStyle(width: 1.5, join: round)),
            Case(description: "gentle arc, 1 px", polylines: open(arc), style: StrokeStyle(width: 1, join: round)),
            Case(description: "gentle arc, 10 px", polylines: open(arc), style: StrokeStyle(width: 10, join: round)),
            Case(
                description: "short segments, 6 px", polylines: open(short),
                style: StrokeStyle(width: 6, cap: .square, join: round)),
            Case(
                description: "upright zig-zag round, 3 px", polylines: open(upright),
                style: StrokeStyle(width: 3, join: round)),
            Case(
                description: "upright zig-zag round, 10 px", polylines: open(upright),
                style: StrokeStyle(width: 10, join: round)),
            Case(
                description: "coarse arc, 10 px", polylines: open(coarseArc), style: StrokeStyle(width: 10, join: round)
            ),
            Case(
                description: "disc past a short segment's end, 10 px", polylines: open(discCorner),
                style: StrokeStyle(width: 10, join: round)),
            Case(description: "U-turn, 8 px", polylines: open(uTurn), style: StrokeStyle(width: 8, join: round)),
            Case(description: "U-turn miter, 3 px", polylines: open(uTurn), style: StrokeStyle(width: 3, join: miter)),
            Case(description: "marker circle", polylines: marker, style: StrokeStyle(width: 1.39, join: miter)),
            Case(description: "marker square", polylines: square, style: StrokeStyle(width: 2.08, join: miter)),
            Case(
                description: "figure eight, 2 px", polylines: [Polyline(points: eight, isClosed: true)],
                style: StrokeStyle(width: 2, join: round)),
            Case(
                description: "dashed sine, 2 px", polylines: open(sine),
                style: StrokeStyle(width: 2, join: round, dash: DashPattern([7.4, 3.2]))),
            Case(
                description: "dashed arc, square caps, 3 px", polylines: open(arc),
                style: StrokeStyle(width: 3, cap: .square, join: miter, dash: DashPattern([5, 4]))),
        ]
        for join in [round, miter, .bevel, .miter(limit: 2)] {
            cases.append(
                Case(
                    description: "zig-zag \(join), 3 px", polylines: open(zigzag),
                    style: StrokeStyle(width: 3, join: join)))
            cases.append(
                Case(
                    description: "steep zig-zag \(join), 4 px", polylines: open(steep),
                    style: StrokeStyle(width: 4, join: join)))
            cases.append(
                Case(
                    description: "corner onto a short segment \(join), 6 px", polylines: open(shortCorner),
                    style: StrokeStyle(width: 6, join: join)))
        }
        for cap in [LineCap.butt, .square, .round] {
            for width in [0.5, 3, 10] {
                cases.append(
                    Case(
                        description: "reversal \(cap), \(width) px", polylines: open(reversal),
                        style: StrokeStyle(width: width, cap: cap, join: round)))
                cases.append(
                    Case(
                        description: "askew reversal \(cap), \(width) px", polylines: open(reversalAskew),
                        style: StrokeStyle(width: width, cap: cap, join: .bevel)))
                cases.append(
                    Case(
                        description: "zig-zag \(cap), \(width) px", polylines: open(zigzag),
                        style: StrokeStyle(width: width, cap: cap, join: miter)))
            }
        }
        return cases
    }()

    private static let field = PixelBounds(minX: 0, minY: 0, maxX: 160, maxY: 100)

    /// The mask of `polygons`, filled non-zero by ``Rasterizer``, as a grid over ``field``.
    private static func rasterized(_ polygons: [Polyline]) -> [[Double]] {
        var grid = Array(repeating: [Double](repeating: 0, count: field.maxX), count: field.maxY)
        guard let mask = Rasterizer.coverage(of: polygons, rule: .nonZero, clip: field) else { return grid }
        for row in 0..<mask.height {
            for column in 0..<mask.width {
                grid[mask.originY + row][mask.originX + column] = Double(mask.coverage(row: row, column: column))
            }
        }
        return grid
    }

    /// The outline covers exactly the pieces' region: rendered by ``ExactCoverage``, the two agree
    /// to 10⁻⁹ in every pixel (measured: within 5·10⁻¹⁴). Rasterized, the outline is never further
    /// from that rendering than the pieces are, but where it overlaps itself in the worst pixel:
    /// there the rasterizer samples the overlap on 8 lines, as it did the pieces', and the outline's
    /// error stays within the sampling's 1/16.
    ///
    /// Measured, largest coverage error of the pieces / of the outline (rasterized, against the
    /// reference): gentle sine 1.5 px 0.0043 / 0.00011, gentle arc 1 px 0.023 / 0.00018, 10 px 0.052 /
    /// 0.00017, short segments 0.083 / 0.00009, coarse arc 0.0095 / 0.00002, marker circle 0.012 /
    /// 0.00001, marker square 0.040 / 0.0017, zig-zags with miters and butt or square caps
    /// 0.0040–0.0051 / 0.000004, with bevels 0.0040 / 0.0018 (the reference's 1/512 at the bevels'
    /// horizontal edges), with round joins 0.0057 / 0.000008 (upright, their arcs across the disc's
    /// first vertex, 0.012 / 0.000008), figure eight 0.0082 / 0.0028, dashed sine 0.0053 / 0.0028,
    /// dashed arc with square caps 0.037 / 0.00024. Where vertices split or round caps overlap the line
    /// (reversals, steep zig-zags, U-turns, corners onto short segments, round caps), both 0.002–0.058
    /// and equal, but for the U-turn with miters: 0.0095 / 0.0147 at its centre, which both sample.
    @Test(arguments: cases)
    func theOutlineCoversWhatThePiecesCover(_ stroke: Case) {
        let pieces = Stroker.outline(of: stroke.polylines, style: stroke.style, piecewise: true)
        let outline = Stroker.outline(of: stroke.polylines, style: stroke.style)
        let (width, height) = (Self.field.maxX, Self.field.maxY)
        let reference = ExactCoverage(of: pieces, width: width, height: height)
        let region = ExactCoverage(of: outline, width: width, height: height)
        #expect(ExactCoverage.largestDifference(region.coverage, reference.coverage) <= 1e-9, "\(stroke)")
        let before = ExactCoverage.largestDifference(Self.rasterized(pieces), reference.coverage)
        let rasterized = Self.rasterized(outline)
        var worst = (row: 0, column: 0, error: -1.0)
        for row in 0..<height {
            for column in 0..<width where abs(rasterized[row][column] - reference.coverage[row][column]) > worst.error {
                worst = (row, column, abs(rasterized[row][column] - reference.coverage[row][column]))
            }
        }
        let sampled = region.overlaps[worst.row][worst.column]
        #expect(
            worst.error <= before + 1e-5 || sampled && worst.error <= 1.0 / 16,
            "\(stroke): pieces \(before), outline \(worst.error)")
    }

    /// A gentle curve is one stretch, one polygon, with square caps too (they are inline); a closed
    /// one drawn inline all round is two loops.
    @Test func aGentleCurveIsOnePolygon() {
        let sine = (0...200).map { Point(10 + Double($0) * 0.7, 50 + 25 * sin(Double($0) / 30)) }
        for cap in [LineCap.butt, .square] {
            let outline = Stroker.outline(
                of: [Polyline(points: sine, isClosed: false)], style: StrokeStyle(width: 1.5, cap: cap))
            #expect(outline.count == 1, "\(cap)")
        }
        let circle = Path.circle(center: Point(50, 50), radius: 20).flattened()
        #expect(Stroker.outline(of: circle, style: StrokeStyle(width: 1.5, join: .miter(limit: 10))).count == 2)
    }

    /// A hairpin ends the stretch at its vertex and starts the next there, with the join between
    /// them as a piece of its own: two butt-ended outlines and the bevel triangle.
    @Test func aHairpinSplitsTheLine() {
        let there = (0...40).map { Point(20 + Double($0) * 2.5, 50 + 0.001 * Double($0 * $0)) }
        let hairpin = there[40]
        let back = (1...40).map { index -> Point in
            let fromStart = Double(40 - index)
            return Point(120 - Double(index) * 2.5, 52.6 + 0.001 * fromStart * fromStart)
        }
        let outline = Stroker.outline(
            of: [Polyline(points: there + back, isClosed: false)], style: StrokeStyle(width: 3, join: .bevel))
        #expect(outline.count == 3)
        #expect(outline.contains { $0.points.count == 3 && $0.points.contains(hairpin) })
        #expect(outline.filter { $0.points.count > 40 }.count == 2)
    }
}

/// Coverage computed the slow, obvious way, as the reference for the rasterizer's: 256 horizontal
/// lines through each pixel row, on each line the exact spans where the polygons' winding number is
/// not 0, added into the pixels they cross. Within a pixel the result is off from the true area by
/// at most 1/512 per horizontal edge or vertex it holds (the midpoint rule on lines 1/256 apart).
struct ExactCoverage {
    static let linesPerPixel = 256

    /// Per pixel (row, column), the area covered.
    private(set) var coverage: [[Double]]
    /// Per pixel, whether the polygons overlap themselves in it: a line through it meets a winding
    /// number beyond ±1, where ``Rasterizer`` samples the overlap instead of taking the exact area.
    private(set) var overlaps: [[Bool]]

    /// The non-zero coverage of `polygons` over the pixels 0..<`width` × 0..<`height`.
    init(of polygons: [Polyline], width: Int, height: Int) {
        var edgesByRow = Array(repeating: [(Point, Point)](), count: height)
        for polygon in polygons {
            let points = polygon.points
            for index in points.indices {
                let (a, b) = (points[index], points[(index + 1) % points.count])
                guard a.y != b.y else { continue }
                let top = max(0, Int(min(a.y, b.y).rounded(.down)))
                let bottom = min(height - 1, Int(max(a.y, b.y).rounded(.down)))
                guard top <= bottom else { continue }
                for row in top...bottom { edgesByRow[row].append((a, b)) }
            }
        }
        coverage = Array(repeating: [Double](repeating: 0, count: width), count: height)
        overlaps = Array(repeating: [Bool](repeating: false, count: width), count: height)
        let weight = 1 / Double(Self.linesPerPixel)
        for row in 0..<height where !edgesByRow[row].isEmpty {
            for line in 0..<Self.linesPerPixel {
                let y = Double(row) + (Double(line) + 0.5) * weight
                var crossings: [(x: Double, winding: Int)] = []
                for (a, b) in edgesByRow[row] where min(a.y, b.y) <= y && y < max(a.y, b.y) {
                    crossings.append((a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y), a.y < b.y ? 1 : -1))
                }
                crossings.sort { $0.x < $1.x }
                var winding = 0
                for (index, crossing) in crossings.enumerated() {
                    winding += crossing.winding
                    guard winding != 0, index + 1 < crossings.count else { continue }
                    let (start, end) = (max(crossing.x, 0), min(crossings[index + 1].x, Double(width)))
                    guard start < end else { continue }
                    for column in Int(start.rounded(.down))...min(width - 1, Int(end.rounded(.down))) {
                        let covered = min(end, Double(column + 1)) - max(start, Double(column))
                        guard covered > 0 else { continue }
                        coverage[row][column] += covered * weight
                        if abs(winding) > 1 { overlaps[row][column] = true }
                    }
                }
            }
        }
    }

    /// The largest difference between two grids of the same size.
    static func largestDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
        zip(a, b).map { zip($0, $1).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
    }
}
