/// A sequence of points of one dimension, stored flat (row after row) so that recording a step
/// appends to one array instead of allocating one per point.
public struct PointList: RandomAccessCollection, Equatable, Sendable {
    /// The number of coordinates of each point.
    public let dimension: Int
    /// The coordinates of every point, point after point.
    public private(set) var coordinates: [Double] = []

    /// An empty list of points of `dimension` coordinates each.
    ///
    /// - Precondition: `dimension > 0`.
    public init(dimension: Int) {
        precondition(dimension > 0, "points need at least one coordinate")
        self.dimension = dimension
    }

    /// 0: the first point is point 0.
    public var startIndex: Int { 0 }
    /// The number of points.
    public var endIndex: Int { coordinates.count / dimension }

    /// The point at `position`.
    public subscript(position: Int) -> ArraySlice<Double> {
        coordinates[position * dimension..<(position + 1) * dimension]
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
