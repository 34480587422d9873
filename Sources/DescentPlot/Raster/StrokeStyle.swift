/// How a line ends: matplotlib's capstyles.
public enum LineCap: String, Sendable {
    /// Ends exactly at the end point (matplotlib `butt`).
    case butt
    /// A half-square beyond the end point (matplotlib `projecting`).
    case square
    /// A half-disc beyond the end point.
    case round
}

/// How two segments meet.
public enum LineJoin: Equatable, Sendable {
    /// Sharp corners, cut to a bevel where the miter would be longer than `limit` × the width.
    case miter(limit: Double)
    /// Round corners: a disc of the line's width at each vertex.
    case round
    /// Corners cut straight across between the two segments' outer edges.
    case bevel
}

/// A validated dash pattern: lengths alternate on, off, on, off… in pixels. A pattern with a
/// negative or non-finite length, or nothing but zeros, cannot be made.
public struct DashPattern: Equatable, Sendable {
    /// The on and off lengths, in pixels, an even number of them: an odd list given is repeated
    /// once, as SVG's `stroke-dasharray` repeats it.
    public let lengths: [Double]
    /// How far into the pattern the line starts. Default: 0.
    public let offset: Double

    /// A pattern of `lengths` in pixels (on, off, on, off…; an odd count is repeated once), starting
    /// `offset` pixels into it (default: 0).
    ///
    /// - Returns: `nil` when a length is negative or not finite, when all are 0, or when the
    ///   offset is not finite.
    public init?(_ lengths: [Double], offset: Double = 0) {
        guard !lengths.isEmpty, lengths.allSatisfy({ $0 >= 0 && $0.isFinite }), lengths.contains(where: { $0 > 0 }),
            offset.isFinite
        else { return nil }
        self.lengths = lengths.count % 2 == 0 ? lengths : lengths + lengths
        self.offset = offset
    }
}

/// Everything about how a path is stroked.
public struct StrokeStyle: Equatable, Sendable {
    /// Line width in pixels.
    public var width: Double
    /// Default: butt.
    public var cap: LineCap
    /// Default: round (matplotlib's default for lines).
    public var join: LineJoin
    /// Default: none (solid).
    public var dash: DashPattern?

    /// A stroke `width` pixels wide, with butt caps, round joins and no dashes by default.
    public init(width: Double, cap: LineCap = .butt, join: LineJoin = .round, dash: DashPattern? = nil) {
        self.width = width
        self.cap = cap
        self.join = join
        self.dash = dash
    }
}
