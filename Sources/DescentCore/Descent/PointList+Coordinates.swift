extension PointList {
    /// The coordinates of one point, indexed from 0 as an array is (`point[0]` is x0), read in
    /// place from the list's storage: taking a point copies nothing.
    ///
    /// Two points are equal when their coordinates are, wherever they are stored. It prints as an
    /// array does: `[-2.4, 3.2]`.
    public struct Coordinates: RandomAccessCollection, Equatable, Sendable, CustomStringConvertible {
        private let storage: ArraySlice<Double>

        init(_ storage: ArraySlice<Double>) {
            self.storage = storage
        }

        /// A point of its own, not in any list: the final x of a run, beside its history.
        public init(_ coordinates: [Double]) {
            storage = coordinates[...]
        }

        /// 0: the first coordinate, x0.
        public var startIndex: Int { 0 }
        /// The number of coordinates.
        public var endIndex: Int { storage.count }

        /// The coordinate `index` (0 for x0); out of `0..<count` traps, as an array's subscript does.
        public subscript(index: Int) -> Double {
            precondition(index >= 0 && index < storage.count, "coordinate \(index) of a point of \(storage.count)")
            return storage[storage.startIndex + index]
        }

        /// Calls `body` with the coordinates in place, so that `Array(point)` copies them at once.
        public func withContiguousStorageIfAvailable<Result>(
            _ body: (UnsafeBufferPointer<Double>) throws -> Result
        ) rethrows -> Result? {
            try storage.withContiguousStorageIfAvailable(body)
        }

        /// The coordinates as an array prints them: `[-2.4, 3.2]`.
        public var description: String { Array(storage).description }

        /// Whether `a` and `b` have the same coordinates, in the same order.
        public static func == (a: Coordinates, b: Coordinates) -> Bool {
            a.storage == b.storage
        }
    }
}
