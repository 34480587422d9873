/// Anti-aliased scan conversion: the exact area that the filled region covers of each pixel, with
/// a path's overlaps with itself taken out by sampling.
///
/// The area comes from the signed-area accumulation of font-rs (Raph Levien, 2016; also
/// stb_truetype v2 and Skia's analytic AA): every edge adds, to each pixel cell it crosses, the
/// signed area between the edge and the cell's right side, and a running sum along each row leaves
/// in every pixel S, the winding number integrated over the pixel. Where the winding number is 0
/// or one sign's 1 throughout a pixel, |S| is exactly its coverage, with no supersampling: a
/// 1 px wide horizontal edge at y = 10.25 leaves exactly 0.75 in row 10, and so does a stroke's
/// outline (``Stroker``) along a smooth line. Where a path overlaps itself within a pixel (a line
/// that crosses itself, the join pieces at every spike of a dense loss curve, round caps) S counts
/// the overlap twice: two rectangles of one path over x 10.3…11.7 and 10.6…11.7 give
/// 1.1 in column 10, whose true coverage is 0.7.
///
/// For those pixels a second pass samples each row on ``sampleLines`` horizontal lines, as the
/// scan converters of tiny-skia (4 lines) and cairo (15) do: on each line the edges' crossings,
/// sorted by x, give the spans where the fill rule holds and the winding number along the line,
/// both integrated exactly across each pixel, F for the fill and W for the winding. F is the
/// sampled coverage and W the sampled S; the pixel's coverage is `|S| + F − |W|`, the exact area
/// corrected by the sampled excess of the overlaps (a control variate). Where the winding number
/// stays within 0 and one sign's 1, F = |W| on every line, so the result is the exact |S|; where
/// the path overlaps itself, only the overlap's excess F − |W| is sampled, by the midpoint rule:
/// exact where the overlap's sides run straight through the pixel, as for the rectangles above
/// (1.1 + 0.7 − 1.1 = 0.7), and otherwise off as 8× vertical supersampling is, on the overlap
/// alone. Rows whose lines meet no overlap keep |S|, capped at 1, and skip the correction.
///
/// Only the columns that edges touch are summed: in each row, left of the first cell an edge
/// wrote to the sum is exactly 0, and right of the last it stays what it was there, and so it does
/// across every stretch of cells no edge wrote to; the mask keeps such stretches as constant runs
/// (``CoverageMask``), which ``Pixmap/composite(_:color:)`` paints in one vectorised pass (0: not
/// at all). A stroked frame around a plot, whose bounding box is the whole plot, costs its
/// outline, not its box; a filled one, its outline and one run per row. The buffers (cells, edges,
/// sample lines) are kept from shape to shape in a ``Scratch``, cleared as they are read.
///
/// - Complexity: O(total edge length in pixels + the rows' spans between their first and last
///   edge, a stretch of untouched cells eight at a time) for the area; the sampling adds
///   O(``sampleLines`` · k) per row for its k edges (insertion-sorted: each line's crossings come
///   nearly in order) and O(m log m) for the m edges that start in it.
enum Rasterizer {
    /// Sample lines per pixel row for the overlap correction: 8. Measured on the gallery's
    /// lr_comparison_net, whose loss curves overlap themselves at every spike, against librsvg's
    /// rendering of its SVG: the largest channel difference is 55 of 255 with 4 lines, 22 with 8,
    /// 18 with 16 (114 without the correction); 8 lines draw that figure in 1.9× the time of no
    /// correction and the trajectory figure in 1.2×.
    static let sampleLines = 8

    /// Buffers one shape leaves for the next, so that a figure's hundreds of shapes allocate them
    /// once: the signed-area cells (left all 0 after each shape: every row that was written is
    /// cleared where it was written), the edge lists and the sample lines' buffers. Hold one per
    /// canvas and pass it to every ``coverage(of:rule:clip:reusing:)``.
    struct Scratch {
        fileprivate var area = Accumulator()
        fileprivate var sampler = OverlapSampler()
    }

    /// The coverage of the closed polygons `polygons` (every polyline is closed for filling),
    /// limited to `clip`, or `nil` when nothing of them falls inside it.
    static func coverage(of polygons: [Polyline], rule: FillRule, clip: PixelBounds) -> CoverageMask? {
        var scratch = Scratch()
        return coverage(of: polygons, rule: rule, clip: clip, reusing: &scratch)
    }

    /// The pixels that the coverage of `polygons` within `clip` may reach (its mask's block), or
    /// `nil` when it reaches none.
    static func pixelBounds(of polygons: [Polyline], clip: PixelBounds) -> PixelBounds? {
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        for polygon in polygons {
            for p in polygon.points where p.x.isFinite && p.y.isFinite {
                minX = min(minX, p.x)
                minY = min(minY, p.y)
                maxX = max(maxX, p.x)
                maxY = max(maxY, p.y)
            }
        }
        guard minX <= maxX else { return nil }
        let bounds = PixelBounds(
            minX: Int(max(minX.rounded(.down), -1e9)), minY: Int(max(minY.rounded(.down), -1e9)),
            maxX: Int(min(maxX.rounded(.up), 1e9)) + 1, maxY: Int(min(maxY.rounded(.up), 1e9)) + 1
        ).intersection(clip)
        return bounds.isEmpty ? nil : bounds
    }

    /// ``coverage(of:rule:clip:)`` with buffers kept from earlier shapes in `scratch`: the same mask.
    /// Without `sampling`, for polygons known not to overlap themselves or one another
    /// (``OverlapFreedom``), the sampling pass is skipped: every row keeps |S|, capped at 1, as
    /// the pass would leave it, having found no overlap to correct.
    static func coverage(
        of polygons: [Polyline], rule: FillRule, clip: PixelBounds, reusing scratch: inout Scratch,
        sampling: Bool = true
    ) -> CoverageMask? {
        guard let bounds = pixelBounds(of: polygons, clip: clip) else { return nil }
        let (width, height) = (bounds.maxX - bounds.minX, bounds.maxY - bounds.minY)
        scratch.area.reset(width: width, height: height)
        scratch.sampler.reset(width: width, height: height, rule: rule)
        let offset = Point(Double(bounds.minX), Double(bounds.minY))
        for polygon in polygons where polygon.points.count >= 2 {
            let points = polygon.points
            for index in points.indices {
                let from = points[index] - offset
                let to = points[(index + 1) % points.count] - offset
                forEachClippedPiece(of: from, to, right: Double(width)) { a, b in
                    scratch.area.addLine(a, b)
                    if sampling { scratch.sampler.add(a, b) }
                }
            }
        }
        return scratch.sampler.coverage(
            area: &scratch.area, originX: bounds.minX, originY: bounds.minY, sampling: sampling)
    }

    /// The edge from `p0` to `p1` (block coordinates) clipped horizontally to 0…`right`: a part
    /// left of 0 becomes a vertical edge at 0 (it still winds around everything to its right), a
    /// part right of `right` is dropped (it winds around nothing inside); horizontal and
    /// non-finite parts are dropped too.
    private static func forEachClippedPiece(of p0: Point, _ p1: Point, right: Double, _ body: (Point, Point) -> Void) {
        guard p0.y != p1.y, p0.x.isFinite, p0.y.isFinite, p1.x.isFinite, p1.y.isFinite else { return }
        if p0.x >= 0, p1.x >= 0, p0.x <= right, p1.x <= right {
            body(p0, p1)
            return
        }
        var pieces: [(Point, Point)] = [(p0, p1)]
        for boundary in [0.0, right] {
            pieces = pieces.flatMap { a, b -> [(Point, Point)] in
                guard (a.x - boundary) * (b.x - boundary) < 0 else { return [(a, b)] }
                let t = (boundary - a.x) / (b.x - a.x)
                let middle = Point(boundary, a.y + (b.y - a.y) * t)
                return [(a, middle), (middle, b)]
            }
        }
        for (a, b) in pieces where a.y != b.y {
            if a.x >= right && b.x >= right { continue }
            if a.x <= 0 && b.x <= 0 {
                body(Point(0, a.y), Point(0, b.y))
            } else {
                // Rounding in the split can leave a coordinate a hair outside 0…right.
                body(Point(min(max(a.x, 0), right), a.y), Point(min(max(b.x, 0), right), b.y))
            }
        }
    }
}

/// Which points a path with overlapping or nested parts fills.
public enum FillRule: Sendable {
    /// Points that the path winds around at least once, either way (SVG `nonzero`).
    case nonZero
    /// Points that the path winds around an odd number of times (SVG `evenodd`).
    case evenOdd
}

extension FillRule {
    /// Whether a point that the path winds around `winding` times is filled.
    fileprivate func isInside(_ winding: Int32) -> Bool {
        switch self {
        case .nonZero: winding != 0
        case .evenOdd: winding & 1 != 0
        }
    }
}

/// The signed-area accumulation buffer, two columns wider than the block so that edges at its
/// right side have somewhere to write; kept from shape to shape, all 0 between them.
private struct Accumulator {
    private(set) var width = 0
    private(set) var height = 0
    /// `width + 2` a row; their running sum along a row is the winding number integrated over
    /// each pixel. At least as many as the largest block so far needs.
    private(set) var cells: [Float] = []
    /// Per row, the first and last cell written to (`first > last` in a row no edge
    /// reaches); the cells outside are 0.
    private(set) var touched: [(first: Int, last: Int)] = []

    /// Starts a block of `width` × `height` pixels: every cell is already 0 (see ``clear(row:)``).
    ///
    /// - Complexity: O(`height`), or O(`(width + 2) · height`) when the buffer grows.
    mutating func reset(width: Int, height: Int) {
        self.width = width
        self.height = height
        if cells.count < (width + 2) * height {
            cells = Array(repeating: 0, count: (width + 2) * height)
        }
        if touched.count < height {
            touched = Array(repeating: (Int.max, Int.min), count: height)
        } else {
            for row in 0..<height { touched[row] = (Int.max, Int.min) }
        }
    }

    /// Calls `body` with row `row`'s cells (`width + 2` of them), which it sums and sets back to 0
    /// as it reads them; the cells right of the block (columns `width` and `width + 1`, which no
    /// pixel reads) are set to 0 after it.
    mutating func summing<Result>(row: Int, _ body: (UnsafeMutablePointer<Float>) -> Result) -> Result {
        let (width, last) = (width, touched[row].last)
        return cells.withUnsafeMutableBufferPointer { cells in
            let start = cells.baseAddress! + row * (width + 2)
            defer {
                if last >= width { (start + width).update(repeating: 0, count: last - width + 1) }
            }
            return body(start)
        }
    }

    /// font-rs's `draw_line`, in Double, for an edge with 0 ≤ x ≤ width. The clipper puts the
    /// edge there, but interpolation along it can stray a rounding error outside (an edge ending
    /// on x = 0 reached x = −1e-17, one column before the buffer), so x is held to the range.
    mutating func addLine(_ start: Point, _ end: Point) {
        guard start.y != end.y else { return }
        let (direction, p0, p1): (Double, Point, Point) = start.y < end.y ? (1, start, end) : (-1, end, start)
        let dxdy = (p1.x - p0.x) / (p1.y - p0.y)
        let right = Double(width)
        let inside = { (x: Double) in min(max(x, 0), right) }
        var x = p0.x
        if p0.y < 0 { x -= p0.y * dxdy }
        x = inside(x)
        // Clamped before conversion: a row of −1e300 does not fit an Int.
        let firstRow = Int(max(0, p0.y).rounded(.down))
        let lastRow = Int(min(Double(height), p1.y).rounded(.up))
        guard firstRow < lastRow else { return }
        let stride = width + 2
        for row in firstRow..<lastRow {
            let rowStart = row * stride
            let dy = min(Double(row + 1), p1.y) - max(Double(row), p0.y)
            let xNext = inside(x + dxdy * dy)
            let d = dy * direction
            let (x0, x1) = x < xNext ? (x, xNext) : (xNext, x)
            let x0Floor = x0.rounded(.down)
            let x0i = Int(x0Floor)
            let x1Ceil = x1.rounded(.up)
            let x1i = Int(x1Ceil)
            touched[row].first = min(touched[row].first, x0i)
            touched[row].last = max(touched[row].last, max(x1i, x0i + 1))
            if x1i <= x0i + 1 {
                let xmf = 0.5 * (x + xNext) - x0Floor
                cells[rowStart + x0i] += Float(d - d * xmf)
                cells[rowStart + x0i + 1] += Float(d * xmf)
            } else {
                let s = 1 / (x1 - x0)
                let x0f = x0 - x0Floor
                let a0 = 0.5 * s * (1 - x0f) * (1 - x0f)
                let x1f = x1 - x1Ceil + 1
                let am = 0.5 * s * x1f * x1f
                cells[rowStart + x0i] += Float(d * a0)
                if x1i == x0i + 2 {
                    cells[rowStart + x0i + 1] += Float(d * (1 - a0 - am))
                } else {
                    let a1 = s * (1.5 - x0f)
                    cells[rowStart + x0i + 1] += Float(d * (a1 - a0))
                    for column in (x0i + 2)..<(x1i - 1) {
                        cells[rowStart + column] += Float(d * s)
                    }
                    let a2 = a1 + Double(x1i - x0i - 3) * s
                    cells[rowStart + x1i - 1] += Float(d * (1 - a2 - am))
                }
                cells[rowStart + x1i] += Float(d * am)
            }
            x = xNext
        }
    }
}

/// An edge in block coordinates, stored top (smaller y) to bottom.
private struct Edge {
    let x0: Double
    let y0: Double
    let y1: Double
    let dxdy: Double
    /// +1 where the polygon runs down (towards larger y) along the edge, −1 where it runs up.
    let winding: Int32

    init(from start: Point, to end: Point) {
        let (top, bottom) = start.y < end.y ? (start, end) : (end, start)
        x0 = top.x
        y0 = top.y
        y1 = bottom.y
        dxdy = (bottom.x - top.x) / (bottom.y - top.y)
        winding = start.y < end.y ? 1 : -1
    }

    func x(at y: Double) -> Double { x0 + (y - y0) * dxdy }
}

/// An edge within one pixel row: its x on the first sample line it crosses, its step in x from
/// line to line, and the lines `first..<end` it crosses.
private struct RowEdge {
    var x: Double
    var dx: Double
    var first: Int32
    var end: Int32
    var winding: Int32
}

/// The second pass: the coverage F and winding W sampled on ``Rasterizer/sampleLines`` lines per
/// row, and the fill rule applied to S with them where a line meets an overlap.
private struct OverlapSampler {
    private(set) var width = 0
    private(set) var height = 0
    private(set) var rule = FillRule.nonZero
    // The buffers below are kept from shape to shape; `filled` and `wound` are all 0 between rows.
    private var edges: [Edge] = []
    private var active: [(edge: Int32, key: Double)] = []
    private var arrivals: [(edge: Int32, key: Double)] = []
    private var mergeBuffer: [(edge: Int32, key: Double)] = []
    /// The row's edges that cross a sample line, in order of x at the row's middle.
    private var rowEdges: [RowEdge] = []
    /// The crossings of the row's sample lines, line after line, each line sorted by x.
    private var crossings: [(x: Double, winding: Int32)] = []
    private var lineEnds = [Int](repeating: 0, count: Rasterizer.sampleLines)
    /// F and W as steps along the row (`width + 2` used), summed into the coverage.
    private var filled: [Double] = []
    private var wound: [Double] = []

    /// Starts a block of `width` × `height` pixels with no edges.
    mutating func reset(width: Int, height: Int, rule: FillRule) {
        self.width = width
        self.height = height
        self.rule = rule
        edges.removeAll(keepingCapacity: true)
        active.removeAll(keepingCapacity: true)
        if filled.count < width + 2 {
            filled = Array(repeating: 0, count: width + 2)
            wound = Array(repeating: 0, count: width + 2)
        }
    }

    /// Adds the edge from `a` to `b`, already clipped to 0…width and not horizontal.
    mutating func add(_ a: Point, _ b: Point) {
        edges.append(Edge(from: a, to: b))
    }

    /// The coverage, from the signed-area cells of `area` (`width + 2` a row, 0 outside
    /// `touched`, cleared row by row as they are summed): their running sum S, `|S|` capped at 1
    /// in rows where no sample line meets a winding number beyond ±1 or both signs, `|S| + F − |W|`
    /// in the others. Each row stores the columns between the first and last that an edge or a
    /// crossing touched; right of them the sums no longer change, so neither does the coverage,
    /// which the row keeps as its constant rest.
    ///
    /// Without `sampling` (no edges were added: the shape cannot overlap itself) every row keeps
    /// `|S|` capped at 1.
    mutating func coverage(area: inout Accumulator, originX: Int, originY: Int, sampling: Bool) -> CoverageMask {
        var mask = CoverageMask(
            originX: originX, originY: originY, width: width, height: height, rows: [], runs: [], values: [])
        mask.rows.reserveCapacity(height)
        guard sampling else {
            for row in 0..<height { Self.appendExactArea(row: row, of: &area, width: width, to: &mask) }
            return mask
        }
        edges.sort { $0.y0 < $1.y0 }
        let edges = self.edges
        // The kept buffers as locals for the loop (moved out, so still uniquely referenced), and
        // back when it ends.
        var (active, arrivals, mergeBuffer, rowEdges) = (self.active, self.arrivals, self.mergeBuffer, self.rowEdges)
        var (crossings, lineEnds, filled, wound) = (self.crossings, self.lineEnds, self.filled, self.wound)
        (self.active, self.arrivals, self.mergeBuffer, self.rowEdges) = ([], [], [], [])
        (self.crossings, self.lineEnds, self.filled, self.wound) = ([], [], [], [])
        defer {
            (self.active, self.arrivals, self.mergeBuffer, self.rowEdges) = (active, arrivals, mergeBuffer, rowEdges)
            (self.crossings, self.lineEnds, self.filled, self.wound) = (crossings, lineEnds, filled, wound)
        }
        let lines = Rasterizer.sampleLines
        let weight = 1 / Double(lines)
        let right = Double(width)
        var next = 0
        for row in 0..<height {
            let top = Double(row)
            let bottom = top + 1
            // The row's edges in order of x at its middle: those of the row before, still nearly in
            // order (insertion sort), merged with the new ones, sorted apart.
            active.removeAll { edges[Int($0.edge)].y1 <= top }
            for index in active.indices {
                let edge = edges[Int(active[index].edge)]
                active[index].key = edge.x(at: min(max(top + 0.5, edge.y0), edge.y1))
            }
            Self.insertionSort(&active)
            arrivals.removeAll(keepingCapacity: true)
            while next < edges.count, edges[next].y0 < bottom {
                let edge = edges[next]
                if edge.y1 > top { arrivals.append((Int32(next), edge.x(at: min(max(top + 0.5, edge.y0), edge.y1)))) }
                next += 1
            }
            if !arrivals.isEmpty {
                arrivals.sort { $0.key < $1.key }
                Self.merge(arrivals, into: &active, buffer: &mergeBuffer)
            }
            var overlaps = false
            if active.count >= 2 {
                rowEdges.removeAll(keepingCapacity: true)
                for (index, _) in active {
                    let edge = edges[Int(index)]
                    // Lines j with y0 ≤ top + (j + ½)/lines < y1.
                    let first = max(0, Int(((edge.y0 - top) * Double(lines) - 0.5).rounded(.up)))
                    let end = min(lines, Int(((edge.y1 - top) * Double(lines) - 0.5).rounded(.up)))
                    guard first < end else { continue }
                    let y = top + (Double(first) + 0.5) * weight
                    rowEdges.append(
                        RowEdge(
                            x: edge.x(at: y), dx: edge.dxdy * weight, first: Int32(first), end: Int32(end),
                            winding: edge.winding))
                }
                if crossings.count < rowEdges.count * lines {
                    crossings = Array(repeating: (0, 0), count: 2 * rowEdges.count * lines)
                }
                overlaps = rowEdges.withUnsafeBufferPointer { rowEdges in
                    crossings.withUnsafeMutableBufferPointer { crossings in
                        Self.sample(rowEdges, lines: lines, right: right, into: crossings, lineEnds: &lineEnds)
                    }
                }
            }
            let (first, last) = area.touched[row]
            let firstRun = mask.runs.count
            guard overlaps else {
                Self.appendExactArea(row: row, of: &area, width: width, to: &mask)
                if active.isEmpty && next == edges.count {
                    // No edge reaches the rows below: they cover nothing.
                    for _ in (row + 1)..<height { mask.rows.append(firstRun..<firstRun) }
                    break
                }
                continue
            }
            // The columns where S, F or W may change: the cells written and the crossings' steps.
            var low = first <= last ? first : Int.max
            var high = first <= last ? last : Int.min
            var start = 0
            for line in 0..<lines where start < lineEnds[line] {
                low = min(low, Int(crossings[start].x.rounded(.down)))
                high = max(high, Int(crossings[lineEnds[line] - 1].x.rounded(.down)) + 1)
                start = lineEnds[line]
            }
            let rule = self.rule
            crossings.withUnsafeBufferPointer { crossings in
                filled.withUnsafeMutableBufferPointer { filled in
                    wound.withUnsafeMutableBufferPointer { wound in
                        var start = 0
                        for line in 0..<lines {
                            var winding: Int32 = 0
                            for crossing in crossings[start..<lineEnds[line]] {
                                let wasInside = rule.isInside(winding)
                                winding += crossing.winding
                                Self.step(wound, at: crossing.x, by: Double(crossing.winding) * weight)
                                if rule.isInside(winding) != wasInside {
                                    Self.step(filled, at: crossing.x, by: wasInside ? -weight : weight)
                                }
                            }
                            start = lineEnds[line]
                        }
                    }
                }
            }
            // Left of `low` S, F and W are 0, so is the coverage; right of `high` they stay as they
            // are there.
            let end = min(high, width - 1)
            let offset = mask.values.count
            var sum: Float = 0
            var f = 0.0
            var w = 0.0
            var value: Float = 0
            area.summing(row: row) { cells in
                guard low <= end else { return }
                for column in low...end {
                    sum += cells[column]
                    cells[column] = 0
                    f += filled[column]
                    w += wound[column]
                    value = Float(min(max(Double(abs(sum)) + f - abs(w), 0), 1))
                    mask.values.append(value)
                }
            }
            mask.appendStoredRun(low..<max(low, end + 1), offset: offset)
            mask.appendConstantRun((end + 1)..<width, value)
            mask.rows.append(firstRun..<mask.runs.count)
            for column in low...min(high, width + 1) {
                filled[column] = 0
                wound[column] = 0
            }
        }
        return mask
    }

    /// Row `row` of `mask`: `|S|` capped at 1 over the cells of `area` that edges touched there
    /// (``sumRow(_:columns:into:)``), the cells set back to 0.
    private static func appendExactArea(row: Int, of area: inout Accumulator, width: Int, to mask: inout CoverageMask) {
        let (first, last) = area.touched[row]
        let firstRun = mask.runs.count
        area.summing(row: row) { cells in
            if first <= last, first < width { sumRow(cells, columns: first...min(last, width - 1), into: &mask) }
        }
        mask.rows.append(firstRun..<mask.runs.count)
    }

    /// The coverage `|S|`, capped at 1, of `columns` of one row's `cells`, as runs of `mask`, the
    /// cells set back to 0 as they are read: S is 0 left of the columns and stays as it is at their
    /// end right of them; a stretch of at least ``CoverageMask/shortestConstantRun`` cells that add
    /// nothing (the inside of a filled shape, the gap inside a frame) becomes one constant run.
    private static func sumRow(
        _ cells: UnsafeMutablePointer<Float>, columns: ClosedRange<Int>, into mask: inout CoverageMask
    ) {
        var sum: Float = 0
        var column = columns.lowerBound
        var storedStart = column
        var offset = mask.values.count
        while column <= columns.upperBound {
            let cell = cells[column]
            if cell != 0 {
                sum += cell
                cells[column] = 0
                mask.values.append(min(abs(sum), 1))
                column += 1
                continue
            }
            var after = column + 1
            // Eight cells a step through a long stretch of zeros.
            while after + 8 <= columns.upperBound + 1,
                !any(UnsafeRawPointer(cells + after).loadUnaligned(as: SIMD8<Float>.self) .!= 0)
            {
                after += 8
            }
            while after <= columns.upperBound, cells[after] == 0 { after += 1 }
            let value = min(abs(sum), 1)
            if after - column >= CoverageMask.shortestConstantRun {
                mask.appendStoredRun(storedStart..<column, offset: offset)
                mask.appendConstantRun(column..<after, value)
                storedStart = after
                offset = mask.values.count
            } else {
                for _ in column..<after { mask.values.append(value) }
            }
            column = after
        }
        mask.appendStoredRun(storedStart..<(columns.upperBound + 1), offset: offset)
        mask.appendConstantRun((columns.upperBound + 1)..<mask.width, min(abs(sum), 1))
    }

    /// The crossings of each sample line with `rowEdges`, sorted by x, line after line into
    /// `crossings`; `lineEnds[j]` is where line j's end. Returns whether a line meets a winding
    /// number beyond ±1, or both +1 and −1.
    private static func sample(
        _ rowEdges: UnsafeBufferPointer<RowEdge>, lines: Int, right: Double,
        into crossings: UnsafeMutableBufferPointer<(x: Double, winding: Int32)>, lineEnds: inout [Int]
    ) -> Bool {
        var count = 0
        var overlaps = false
        var positive = false
        var negative = false
        for line in 0..<lines {
            let start = count
            let line32 = Int32(line)
            for edge in rowEdges where edge.first <= line32 && line32 < edge.end {
                let x = min(max(edge.x + Double(line32 - edge.first) * edge.dx, 0), right)
                // Insertion sort: the edges come in order of x at the row's middle, nearly sorted.
                var slot = count
                while slot > start, crossings[slot - 1].x > x {
                    crossings[slot] = crossings[slot - 1]
                    slot -= 1
                }
                crossings[slot] = (x, edge.winding)
                count += 1
            }
            lineEnds[line] = count
            var winding: Int32 = 0
            for index in start..<count {
                winding += crossings[index].winding
                if winding > 1 || winding < -1 { overlaps = true }
                if winding == 1 { positive = true }
                if winding == -1 { negative = true }
            }
        }
        return overlaps || (positive && negative)
    }

    private static func insertionSort(_ items: inout [(edge: Int32, key: Double)]) {
        items.withUnsafeMutableBufferPointer { items in
            for index in items.indices.dropFirst() {
                let moving = items[index]
                var slot = index
                while slot > 0, items[slot - 1].key > moving.key {
                    items[slot] = items[slot - 1]
                    slot -= 1
                }
                items[slot] = moving
            }
        }
    }

    /// Merges the sorted `arrivals` into the sorted `items`.
    private static func merge(
        _ arrivals: [(edge: Int32, key: Double)], into items: inout [(edge: Int32, key: Double)],
        buffer: inout [(edge: Int32, key: Double)]
    ) {
        buffer.removeAll(keepingCapacity: true)
        var i = 0
        var j = 0
        while i < items.count || j < arrivals.count {
            if j == arrivals.count || (i < items.count && items[i].key <= arrivals[j].key) {
                buffer.append(items[i])
                i += 1
            } else {
                buffer.append(arrivals[j])
                j += 1
            }
        }
        swap(&items, &buffer)
    }

    /// Adds `amount` times a step up at `x` (0 ≤ x ≤ width) to `cells`: after the running sum,
    /// each pixel holds `amount` times the part of it right of x.
    private static func step(_ cells: UnsafeMutableBufferPointer<Double>, at x: Double, by amount: Double) {
        let column = x.rounded(.down)
        let fraction = x - column
        let index = Int(column)
        cells[index] += amount * (1 - fraction)
        cells[index + 1] += amount * fraction
    }
}
