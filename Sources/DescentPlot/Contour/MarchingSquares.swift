/// Marching squares (Lorensen and Cline's marching cubes, 1987, in two dimensions): the contour of
/// a sampled function at a level, cell by cell, and the boundary of the region above a level,
/// which filled contours fill.
///
/// A sample is *above* the level when z > level (contourpy's convention, which matplotlib uses): a
/// sample exactly at the level counts as below, so a contour through it passes through the sample
/// itself. Each cell (four samples, all finite) is classified by which corners are above; an edge
/// whose ends differ is crossed at the point found by linear interpolation along it,
/// t = (level − z₀) / (z₁ − z₀), computed once per edge from its lower-left end so that the two
/// cells sharing the edge meet at the same Double. Inside a cell the crossings are joined by
/// straight segments.
///
/// Saddle cells (two opposite corners above, the other two below) have two ways to join their four
/// crossings. They are decided by the cell centre, taken as the average of the four corners — the
/// rule of matplotlib's default algorithm (contourpy's `mpl2014`): when the average is above the
/// level, the two high corners are connected through the centre and the segments cut off the low
/// corners; otherwise the low corners are connected and the segments cut off the high ones. The
/// same rule serves every level, so the regions above increasing levels are nested and filled
/// bands meet their contour lines exactly.
///
/// Segments are oriented with the region above on their left (in data coordinates, x right, y up):
/// contours run counter-clockwise around maxima. Each crossing then starts at most one segment and
/// ends at most one, so segments join into polylines by following the crossings: a polyline is
/// closed when it comes back to its start, and open when it ends at the grid's edge or at a cell
/// left out for a non-finite sample.
///
/// The region above a level within the grid's finite cells is bounded by those segments and by the
/// parts of the cells' outer edges (the grid's edge and the edges next to left-out cells) whose
/// samples are above: every cell contributes the part of its polygon that is not shared with a
/// neighbour, and the pieces join into closed loops, outer ones counter-clockwise and holes
/// clockwise, so that the non-zero rule fills exactly the region.
///
/// - Complexity: O(cells) per level, in time and memory.
public enum MarchingSquares {
    /// The contour of `grid` at `level`: polylines in data coordinates, closed where they close.
    ///
    /// - Complexity: O(cells of `grid`), in time and memory.
    public static func isolines(in grid: ContourGrid, at level: Double) -> [Polyline] {
        var tracer = Tracer(grid: grid, level: level)
        tracer.traceCells(includingBorders: false)
        return tracer.joinedLines()
    }

    /// The boundary of the region where the samples of `grid` are above `level` (within the cells
    /// whose samples are all finite), as closed loops in data coordinates: fill them with the
    /// non-zero rule. A level of −∞ gives the outline of all finite cells.
    ///
    /// - Complexity: O(cells of `grid`), in time and memory.
    public static func regionAbove(_ level: Double, in grid: ContourGrid) -> [Polyline] {
        var tracer = Tracer(grid: grid, level: level)
        tracer.traceCells(includingBorders: true)
        return tracer.joinedLoops()
    }

    /// The segments of one cell whose corners (counter-clockwise from the bottom left) are above
    /// the level as bit k of `mask`, as pairs of its edges (0 bottom, 1 right, 2 top, 3 left),
    /// from the exit of the region above to its entry (the region on the left).
    static func cellSegments(mask: Int, centerAbove: Bool) -> [(from: Int, to: Int)] {
        let above = { (corner: Int) in mask & (1 << (corner % 4)) != 0 }
        // Edge k runs from corner k to corner k + 1; it is an exit when it leaves the region.
        let exits = (0..<4).filter { above($0) && !above($0 + 1) }
        let entries = (0..<4).filter { !above($0) && above($0 + 1) }
        switch exits.count {
        case 1: return [(exits[0], entries[0])]
        case 2: return exits.map { ($0, centerAbove ? ($0 + 1) % 4 : ($0 + 3) % 4) }
        default: return []
        }
    }

    /// The segments of all 16 cases, computed once: `[centerAbove ? 1 : 0][mask]`.
    private static let segmentTable: [[[(from: Int, to: Int)]]] = [false, true].map { center in
        (0..<16).map { cellSegments(mask: $0, centerAbove: center) }
    }

    /// Walks the cells of one grid at one level and joins what it finds.
    private struct Tracer {
        let grid: ContourGrid
        let level: Double
        let nx: Int
        let ny: Int
        /// Horizontal edges come first, (nx − 1) · ny of them; then vertical ones, nx · (ny − 1).
        let horizontalCount: Int
        let edgeCount: Int
        /// Segments as node pairs. A node below `edgeCount` is the crossing on that edge; one
        /// above is the grid point `node − edgeCount`.
        var from: [Int32] = []
        var to: [Int32] = []

        init(grid: ContourGrid, level: Double) {
            self.grid = grid
            self.level = level
            nx = grid.xs.count
            ny = grid.ys.count
            horizontalCount = (nx - 1) * ny
            edgeCount = horizontalCount + nx * (ny - 1)
        }

        /// Whether cell (i, j) exists and its four samples are finite.
        private func isFiniteCell(_ i: Int, _ j: Int) -> Bool {
            guard i >= 0, j >= 0, i < nx - 1, j < ny - 1 else { return false }
            return grid.finiteCells[j * (nx - 1) + i]
        }

        /// Edge k (0 bottom, 1 right, 2 top, 3 left) of cell (i, j).
        @inline(__always)
        private func edge(_ k: Int, _ i: Int, _ j: Int) -> Int {
            switch k {
            case 0: j * (nx - 1) + i
            case 1: horizontalCount + j * nx + i + 1
            case 2: (j + 1) * (nx - 1) + i
            default: horizontalCount + j * nx + i
            }
        }

        /// Corner k (counter-clockwise from the bottom left) of cell (i, j), as a node.
        @inline(__always)
        private func corner(_ k: Int, _ i: Int, _ j: Int) -> Int {
            switch k {
            case 0: edgeCount + j * nx + i
            case 1: edgeCount + j * nx + i + 1
            case 2: edgeCount + (j + 1) * nx + i + 1
            default: edgeCount + (j + 1) * nx + i
            }
        }

        /// Records every cell's segments, and, with `includingBorders`, the above parts of its
        /// outer edges, oriented counter-clockwise around the cell.
        mutating func traceCells(includingBorders: Bool) {
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) where isFiniteCell(i, j) {
                    let (z0, z1, z2, z3) = (grid[i, j], grid[i + 1, j], grid[i + 1, j + 1], grid[i, j + 1])
                    var mask = 0
                    if z0 > level { mask |= 1 }
                    if z1 > level { mask |= 2 }
                    if z2 > level { mask |= 4 }
                    if z3 > level { mask |= 8 }
                    if mask != 0 && mask != 15 {
                        let center = (z0 + z1 + z2 + z3) / 4 > level
                        for segment in segmentTable[center ? 1 : 0][mask] {
                            append(edge(segment.from, i, j), edge(segment.to, i, j))
                        }
                    }
                    guard includingBorders, mask != 0 else { continue }
                    for k in 0..<4 {
                        let outside: Bool
                        switch k {
                        case 0: outside = !isFiniteCell(i, j - 1)
                        case 1: outside = !isFiniteCell(i + 1, j)
                        case 2: outside = !isFiniteCell(i, j + 1)
                        default: outside = !isFiniteCell(i - 1, j)
                        }
                        guard outside else { continue }
                        switch (mask & (1 << k) != 0, mask & (1 << ((k + 1) % 4)) != 0) {
                        case (true, true): append(corner(k, i, j), corner((k + 1) % 4, i, j))
                        case (true, false): append(corner(k, i, j), edge(k, i, j))
                        case (false, true): append(edge(k, i, j), corner((k + 1) % 4, i, j))
                        case (false, false): break
                        }
                    }
                }
            }
        }

        private mutating func append(_ start: Int, _ end: Int) {
            from.append(Int32(start))
            to.append(Int32(end))
        }

        /// Where node `node` lies, in data coordinates.
        func point(_ node: Int) -> Point {
            if node >= edgeCount {
                let index = node - edgeCount
                return Point(grid.xs[index % nx], grid.ys[index / nx])
            }
            let (i, j, di, dj) =
                node < horizontalCount
                ? (node % (nx - 1), node / (nx - 1), 1, 0)
                : ((node - horizontalCount) % nx, (node - horizontalCount) / nx, 0, 1)
            let (z0, z1) = (grid[i, j], grid[i + di, j + dj])
            // z₁ − z₀ can overflow for samples near ±Double.greatestFiniteMagnitude: t is then NaN
            // or 0, and the crossing is put at the lower-left end.
            var t = (level - z0) / (z1 - z0)
            if !(t >= 0) { t = 0 } else if t > 1 { t = 1 }
            let (x0, y0) = (grid.xs[i], grid.ys[j])
            return Point(x0 + t * (grid.xs[i + di] - x0), y0 + t * (grid.ys[j + dj] - y0))
        }

        /// Joins contour segments: each crossing starts at most one and ends at most one, so open
        /// chains start at crossings nothing ends at, and what is left forms closed loops.
        func joinedLines() -> [Polyline] {
            var next = [Int32](repeating: -1, count: edgeCount)
            var hasIncoming = [Bool](repeating: false, count: edgeCount)
            for (start, end) in zip(from, to) {
                next[Int(start)] = end
                hasIncoming[Int(end)] = true
            }
            var lines: [Polyline] = []
            func follow(from start: Int) -> [Point] {
                var points: [Point] = []
                var node = start
                while node >= 0 {
                    points.append(point(node))
                    let following = Int(next[node])
                    next[node] = -1
                    node = following == start ? -1 : following
                }
                return points
            }
            for start in from.map(Int.init) where !hasIncoming[start] && next[start] >= 0 {
                lines.append(Polyline(points: follow(from: start), isClosed: false))
            }
            for start in from.map(Int.init) where next[start] >= 0 {
                lines.append(Polyline(points: follow(from: start), isClosed: true))
            }
            return lines
        }

        /// Joins region boundary pieces into closed loops. Every node has as many pieces leaving it
        /// as arriving (the boundary of a union of cell polygons), so a walk from any piece comes
        /// back to its start; where several pieces leave one grid point (cells touching at a corner
        /// only) the walk takes any of them, which changes how the loops are cut but not what the
        /// non-zero rule fills.
        func joinedLoops() -> [Polyline] {
            let nodeCount = edgeCount + nx * ny
            var firstOut = [Int32](repeating: -1, count: nodeCount)
            var nextOut = [Int32](repeating: -1, count: from.count)
            for index in from.indices.reversed() {
                nextOut[index] = firstOut[Int(from[index])]
                firstOut[Int(from[index])] = Int32(index)
            }
            var used = [Bool](repeating: false, count: from.count)
            var loops: [Polyline] = []
            for first in from.indices where !used[first] {
                let start = Int(from[first])
                var points = [point(start)]
                var segment = first
                while true {
                    used[segment] = true
                    let node = Int(to[segment])
                    if node == start { break }
                    points.append(point(node))
                    // Take the next unused piece leaving this node.
                    var candidate = firstOut[node]
                    while candidate >= 0 && used[Int(candidate)] { candidate = nextOut[Int(candidate)] }
                    firstOut[node] = candidate
                    guard candidate >= 0 else { break }
                    segment = Int(candidate)
                }
                loops.append(Polyline(points: points, isClosed: true))
            }
            return loops
        }
    }
}
