/// A sequence of points of one dimension, stored flat (row after row) so that recording a step
/// appends to one array instead of allocating one per point.
///
/// Points and their coordinates are both indexed from 0, as arrays are: `run.history[1][0]` is
/// x0 after the first update.
public struct PointList: RandomAccessCollection, Equatable, Sendable {
    /// The number of coordinates of each point.
    public let dimension: Int
    /// The coordinates of every point, point after point.
    public private(set) var coordinates: [Double] = []

    /// An empty list of points of `dimension` coordinates (at least one).
    public init(dimension: Int) {
        precondition(dimension > 0, "points need at least one coordinate")
        self.dimension = dimension
    }

    /// The list of `points`, every one of `dimension` coordinates.
    ///
    /// - Complexity: O(n·d) for n points of d coordinates.
    public init(_ points: [[Double]], dimension: Int) {
        self.init(dimension: dimension)
        reserveCapacity(points.count)
        for point in points { append(point) }
    }

    /// 0: the first point.
    public var startIndex: Int { 0 }
    /// The number of points.
    public var endIndex: Int { coordinates.count / dimension }

    /// The point at `position` (0 for the first), without copying its coordinates.
    public subscript(position: Int) -> Coordinates {
        Coordinates(coordinates[position * dimension..<(position + 1) * dimension])
    }

    /// Appends a point of `dimension` coordinates.
    public mutating func append(_ point: [Double]) {
        precondition(point.count == dimension, "a point of \(point.count) coordinates in a list of \(dimension)")
        coordinates.append(contentsOf: point)
    }

    /// Reserves room for `count` points.
    public mutating func reserveCapacity(_ count: Int) {
        coordinates.reserveCapacity(count * dimension)
    }
}
