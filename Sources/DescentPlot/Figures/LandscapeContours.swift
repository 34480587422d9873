import DescentCore

/// The contours of a function drawn behind what a figure shows on it (a path, a field of
/// arrows): one mechanism for every figure of a landscape.
public struct LandscapeContours: Sendable, Equatable {
    /// How the function is drawn.
    public enum Style: String, Sendable, CaseIterable {
        /// No contours.
        case none
        /// Level lines coloured with viridis (`plt.contour`).
        case lines
        /// Bands between the levels, with a colour bar (`plt.contourf`).
        case filled
    }

    /// Default: lines.
    public var style: Style
    /// Default: automatic (the function's own level scale where its landscape names one).
    public var levels: ContourLevels.Choice

    /// Contours drawn as `style` (default: lines) at `levels` (default: automatic).
    public init(style: Style = .lines, levels: ContourLevels.Choice = .automatic) {
        self.style = style
        self.levels = levels
    }

    /// The levels for `grid`: as asked, and when automatic, the landscape's own levels, or spaced
    /// as it says (a preset knows that Himmelblau's values, though within three decades on a
    /// grid, read best on log levels), else as the samples call for.
    func levels(for grid: ContourGrid, landscape: Landscape?) throws(ContourLevels.Error) -> ContourLevels {
        guard levels == .automatic, let scale = landscape?.levelScale, let range = grid.finiteRange else {
            return try ContourLevels.choose(levels, for: grid)
        }
        if let chosen = landscape?.levels {
            return try ContourLevels(values: chosen, scale: scale == .log ? .logarithmic : .linear)
        }
        switch scale {
        case .automatic: return try ContourLevels.choose(.automatic, for: grid)
        case .linear: return ContourLevels.linear(from: range.lowerBound, to: range.upperBound)
        case .log:
            guard let smallest = grid.smallestPositive, range.lowerBound >= 0 else {
                return try ContourLevels.choose(.automatic, for: grid)
            }
            return ContourLevels.logarithmic(from: smallest, to: range.upperBound)
        }
    }
}

extension Axes {
    /// Adds the contours of `objective` (of two variables) over `view` beneath everything on the
    /// axes, with a colour bar when filled. Where f is not finite the grid is left blank and a
    /// line of the axes' note says at how many samples; levels that cannot be drawn (f finite
    /// nowhere) leave only that note.
    ///
    /// - Complexity: one evaluation of f per sample of ``ContourGrid/defaultResolution``.
    public mutating func addContours(
        of objective: Objective, over view: (x: ClosedRange<Double>, y: ClosedRange<Double>),
        _ contours: LandscapeContours
    ) {
        guard contours.style != .none, objective.dimension == 2 else { return }
        let grid = ContourGrid(sampling: objective, x: view.x, y: view.y)
        if grid.nonFiniteCount > 0 {
            note.append(
                RichText(
                    "f is not finite at \(grid.nonFiniteCount) of \(grid.values.count) contour samples: left blank"))
        }
        guard let levels = try? contours.levels(for: grid, landscape: objective.landscape) else { return }
        let artist = ContourArtist(grid: grid, levels: levels, style: contours.style == .filled ? .filled : .lines)
        artists.insert(artist, at: 0)
        if contours.style == .filled { colorBar = artist.colorBar }
    }
}
