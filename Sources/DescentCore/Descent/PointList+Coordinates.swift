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

        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.count }

        /// The coordinate `index` (0 for x0); out of `0..<count` traps, as an array's subscript does.
        public subscript(index: Int) -> Double {
            precondition(index >= 0 && index < storage.count, "coordinate \(index) of a point of \(storage.count)")
            return storage[storage.startIndex + index]
        }

        public func withContiguousStorageIfAvailable<Result>(
            _ body: (UnsafeBufferPointer<Double>) throws -> Result
        ) rethrows -> Result? {
            try storage.withContiguousStorageIfAvailable(body)
        }

        public var description: String { Array(storage).description }

        public static func == (a: Coordinates, b: Coordinates) -> Bool {
            a.storage == b.storage
        }
    }
}
