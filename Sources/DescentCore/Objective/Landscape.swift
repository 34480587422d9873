/// How a function of two variables is best looked at: the region to draw, how its values are
/// best divided into contour levels, and where its minima are. A figure takes it from the run's
/// objective, so that a preset is drawn on its own domain however its formula was spelled.
public struct Landscape: Sendable, Equatable {
    /// How contour levels are spaced.
    public enum LevelScale: Sendable, Equatable {
        /// Evenly, as `plt.contour` chooses by default (about 7 nice values).
        case linear
        /// By powers of ten: for functions whose values span many decades over the view
        /// (Rosenbrock's valley floor is at 0, its rim at 2,500).
        case log
        /// Whichever suits the values sampled: log where they span more than three decades.
        case automatic
    }

    /// The x range to draw.
    public var x: ClosedRange<Double>
    /// The y range to draw.
    public var y: ClosedRange<Double>
    /// Default: automatic.
    public var levelScale: LevelScale
    /// Contour levels chosen for this function, when those of ``levelScale`` show it poorly.
    /// Default: nil (chosen from the values).
    public var levels: [Double]?
    /// The known global minima, marked `+` in figures. Default: none.
    public var minima: [[Double]]

    /// A landscape drawn over `x` × `y`, with contour levels spaced by `levelScale` (default
    /// ``LevelScale/automatic``) or given outright by `levels` (default `nil`: chosen from the
    /// values), and `minima` marked `+` (default: none).
    ///
    /// - Precondition: none is checked here: a range that is a single point, or levels out of
    ///   order, draw an empty or a partial contour plot rather than fail.
    public init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, levelScale: LevelScale = .automatic, levels: [Double]? = nil,
        minima: [[Double]] = []
    ) {
        self.x = x
        self.y = y
        self.levelScale = levelScale
        self.levels = levels
        self.minima = minima
    }
}
