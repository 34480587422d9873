/// Coverage of a rectangular block of pixels, 0…1 each, stored by row as runs of columns: a run
/// either lists its values or has one constant value; columns outside every run are 0. A filled
/// rectangle's row is its two edge pixels around a constant run of 1s, a stroked frame's two
/// short runs around a run of 0s, a thin diagonal line's a few pixels: memory and compositing cost
/// the shape's outline, not its bounding box.
struct CoverageMask {
    /// Columns `start..<end` of one row.
    struct Run {
        var start: Int
        var end: Int
        /// Where the run's values start in ``CoverageMask/values``, or -1 when every column of the
        /// run has coverage `constant`.
        var offset: Int
        /// The coverage of every column of a run with no stored values.
        var constant: Float
    }

    /// The pixel column and row of the block's top-left pixel.
    var originX: Int
    var originY: Int
    let width: Int
    let height: Int
    /// Per row of the block, top to bottom, its runs in ``runs``, left to right.
    var rows: [Range<Int>]
    var runs: [Run]
    /// The stored values of all runs, run after run.
    var values: [Float]

    /// The coverage of the pixel in `column` of `row` (block coordinates).
    ///
    /// - Complexity: O(runs in the row).
    func coverage(row: Int, column: Int) -> Float {
        for run in runs[rows[row]] where run.start <= column && column < run.end {
            return run.offset < 0 ? run.constant : values[run.offset + column - run.start]
        }
        return 0
    }

    /// The fewest columns of unchanging coverage the rasterizer stores as one constant run
    /// rather than value by value: 8.
    static let shortestConstantRun = 8

    /// Adds a run of the values stored from `offset` on, unless `columns` is empty.
    mutating func appendStoredRun(_ columns: Range<Int>, offset: Int) {
        guard !columns.isEmpty else { return }
        runs.append(Run(start: columns.lowerBound, end: columns.upperBound, offset: offset, constant: 0))
    }

    /// Adds a run of coverage `value`, unless `columns` is empty or `value` is 0 (the coverage
    /// outside every run).
    mutating func appendConstantRun(_ columns: Range<Int>, _ value: Float) {
        guard !columns.isEmpty, value > 0 else { return }
        runs.append(Run(start: columns.lowerBound, end: columns.upperBound, offset: -1, constant: value))
    }

    /// Calls `body` with every run, top row first and left to right, and the index of its first
    /// pixel in a row-major image `imageWidth` pixels wide that holds the block.
    ///
    /// - Complexity: O(runs).
    @inline(__always)
    func forEachRun(inImageOfWidth imageWidth: Int, _ body: (_ firstPixel: Int, _ run: Run) -> Void) {
        for row in 0..<height {
            let rowStart = (originY + row) * imageWidth + originX
            for run in runs[rows[row]] { body(rowStart + run.start, run) }
        }
    }

    /// Every pixel's coverage, row-major, `width · height` of them: for inspection (tests).
    ///
    /// - Complexity: O(`width · height` · runs per row).
    var coverage: [Float] {
        (0..<height).flatMap { row in (0..<width).map { column in coverage(row: row, column: column) } }
    }
}

/// Whole-pixel bounds: columns `minX..<maxX`, rows `minY..<maxY`.
struct PixelBounds: Equatable {
    var minX: Int
    var minY: Int
    var maxX: Int
    var maxY: Int

    var isEmpty: Bool { maxX <= minX || maxY <= minY }

    /// The smallest bounds holding both.
    func union(_ other: PixelBounds) -> PixelBounds {
        PixelBounds(
            minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
            maxY: max(maxY, other.maxY))
    }

    /// The bounds moved by `dx` columns and `dy` rows.
    func offsetBy(_ dx: Int, _ dy: Int) -> PixelBounds {
        PixelBounds(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    func intersection(_ other: PixelBounds) -> PixelBounds {
        PixelBounds(
            minX: max(minX, other.minX), minY: max(minY, other.minY), maxX: min(maxX, other.maxX),
            maxY: min(maxY, other.maxY))
    }
}
