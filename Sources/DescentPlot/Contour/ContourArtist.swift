import DescentCore

/// Contours of a sampled function, as `plt.contour` (lines) or `plt.contourf` (filled bands) draw
/// them: the polylines of ``MarchingSquares`` at each level, coloured from a colormap by
/// ``ContourLevels``, stroked or filled through the ``Canvas`` like every other artist, so the PNG
/// and the SVG draw the same anti-aliased paths.
///
/// **Lines**: one stroked path per level that has any contour (so an SVG holds one `<path>` per
/// level drawn), 1.5 pt wide (`lines.linewidth`, which contour lines use), round joins and butt
/// caps (a line that ends at the grid's edge ends there).
///
/// **Filled**: band i (values between levels i and i + 1) is drawn as the whole region above level
/// i minus the region above the highest level, and the bands are painted from the lowest up. Each
/// band thus covers the ones above it too, and the next paints over that part: neighbouring bands
/// never meet edge to edge, so anti-aliasing leaves no light seam between them (two half-covered
/// edge pixels, one from each band, would let the background show through). The result is exact:
/// a point shows the colour of the highest level below it, and nothing is painted above the
/// highest level or below the lowest. When the lowest level lies at or below every finite sample
/// (as automatic levels do) the lowest band covers all finite cells, which takes in samples equal
/// to the lowest level and, with log-spaced levels, the samples at or below 0 that a log scale
/// cannot place (matplotlib's `contourf` nudges its lowest level down for the same reason).
///
/// Cells touching a non-finite sample are left out (blank); ``ContourGrid/nonFiniteCount`` says
/// how many samples that was.
///
/// To draw the landscape behind a path, add the contour to the axes first (artists draw in order),
/// and set the axes' limits to the grid's range: matplotlib shows a contour plot without margins.
/// ``Axes/addContours(_:)`` does both.
public struct ContourArtist: Artist {
    /// Stroked level lines or filled bands.
    public enum Style: Sendable {
        /// `plt.contour`.
        case lines
        /// `plt.contourf`.
        case filled
    }

    /// The sampled function.
    public let grid: ContourGrid
    /// The values at which lines are drawn, or between which bands are filled.
    public let levels: ContourLevels
    /// Lines or bands.
    public let style: Style
    /// Default: viridis.
    public let colormap: Colormap
    /// Line width in points, for ``Style/lines``. Default: 1.5.
    public var lineWidth: Double
    /// For ``Style/lines``, the contour at each level; for ``Style/filled``, the boundary of the
    /// region above each level (the first may be the outline of all finite cells: see the type's
    /// documentation). Polylines in data coordinates.
    public let polylines: [[Polyline]]

    /// Contours of `grid` at `levels`.
    ///
    /// - Complexity: O(cells × levels), done once here (the levels divided between two threads);
    ///   drawing only maps the points to pixels.
    public init(
        grid: ContourGrid, levels: ContourLevels, style: Style = .lines, colormap: Colormap = .viridis,
        lineWidth: Double = PlotDefaults.lineWidth
    ) {
        self.grid = grid
        self.levels = levels
        self.style = style
        self.colormap = colormap
        self.lineWidth = lineWidth
        // Each level is traced on its own: half of them on a second thread.
        switch style {
        case .lines:
            polylines = SharedWork.map(levels.values) { MarchingSquares.isolines(in: grid, at: $0) }
        case .filled:
            let lowest = levels.values[0]
            let coversAll = grid.finiteRange.map { lowest <= $0.lowerBound } ?? false
            let floorCovered = levels.scale == .logarithmic && lowest <= (grid.smallestPositive ?? 0)
            polylines = SharedWork.map(Array(levels.values.enumerated())) { index, level in
                MarchingSquares.regionAbove(index == 0 && (coversAll || floorCovered) ? -.infinity : level, in: grid)
            }
        }
    }

    /// Contours of `grid` at the levels `choice` gives (automatic by default).
    ///
    /// - Throws: ``ContourLevels/Error`` when the levels cannot be used or nothing is finite.
    public init(
        grid: ContourGrid, levels choice: ContourLevels.Choice = .automatic, style: Style = .lines,
        colormap: Colormap = .viridis
    ) throws(ContourLevels.Error) {
        self.init(grid: grid, levels: try ContourLevels.choose(choice, for: grid), style: style, colormap: colormap)
    }

    /// The colour of each level's line (``Style/lines``) or of each band (``Style/filled``).
    public var colors: [Color] {
        style == .lines ? levels.lineColors(colormap) : levels.bandColors(colormap)
    }

    /// How many paths the artist draws: the levels with a contour, or the bands.
    public var pathCount: Int {
        switch style {
        case .lines: polylines.count(where: { !$0.isEmpty })
        case .filled: max(levels.values.count - 1, 0)
        }
    }

    /// A colour bar for these contours (`fig.colorbar`): the bands' colours between the levels,
    /// ticks at the levels. Set it on the axes (``Axes/colorBar``) to show it. For line contours
    /// it is the bar their filled version would have (matplotlib also draws each level's line
    /// across the bar; that is not done here).
    public var colorBar: ColorBar {
        ColorBar(levels: levels, colors: levels.bandColors(colormap))
    }

    /// The grid's range: the contours take part in the automatic limits as the whole sampled region.
    public var dataBounds: Rect? { grid.bounds }

    /// Strokes one path per level (lines), or fills the bands from the lowest up (filled), each in
    /// its level's colour.
    ///
    /// - Complexity: O(total polyline length) in points, plus the canvas's cost of the paths.
    public func draw<C: Canvas>(on canvas: inout C, in frame: AxesFrame) {
        switch style {
        case .lines:
            let style = StrokeStyle(width: frame.units.pixels(lineWidth), cap: .butt, join: .round)
            for (lines, color) in zip(polylines, colors) {
                let path = Self.path(lines, in: frame, reversed: false)
                if !path.isEmpty { canvas.stroke(path, style: style, color: color) }
            }
        case .filled:
            guard let top = polylines.last else { return }
            let hole = Self.path(top, in: frame, reversed: true)
            for (band, color) in zip(polylines.dropLast(), colors) {
                var path = Self.path(band, in: frame, reversed: false)
                guard !path.isEmpty else { continue }
                path.append(hole)
                canvas.fill(path, color: color.role == nil ? color.withRole(.area) : color, rule: .nonZero)
            }
        }
    }

    /// `polylines` in pixels, consecutive duplicate points dropped (a contour through a sample
    /// meets it from both cells), optionally reversed (holes for the non-zero rule).
    static func path(_ polylines: [Polyline], in frame: AxesFrame, reversed: Bool) -> Path {
        var path = Path()
        for polyline in polylines {
            var points: [Point] = []
            points.reserveCapacity(polyline.points.count)
            for point in reversed ? polyline.points.reversed() : polyline.points {
                let pixel = frame.pixel(point.x, point.y)
                if pixel != points.last { points.append(pixel) }
            }
            if polyline.isClosed, points.count > 1, points.first == points.last { points.removeLast() }
            guard points.count > 1 else { continue }
            path.append(.polyline(points, closed: polyline.isClosed))
        }
        return path
    }
}

extension Axes {
    /// Adds `contours` beneath everything already added (a path added before or after is drawn on
    /// top), and, when the axes have no limits yet, sets them to the grid's range: a contour plot
    /// shows its whole grid edge to edge, as matplotlib's.
    public mutating func addContours(_ contours: ContourArtist) {
        artists.insert(contours, at: 0)
        let bounds = contours.grid.bounds
        if xLimits == nil { xLimits = bounds.minX...bounds.maxX }
        if yLimits == nil { yLimits = bounds.minY...bounds.maxY }
    }
}
