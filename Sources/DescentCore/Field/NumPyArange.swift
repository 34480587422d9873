/// `np.arange(start, stop, step)` for floats, value for value.
///
/// NumPy computes the length and the values as follows (`PyArray_ArangeObj` and the dtype's
/// `fill` in `arraytypes.c.src`):
/// ```
/// count = ceil((stop - start) / step)
/// a[0] = start;  a[1] = start + step
/// delta = a[1] - a[0];  a[i] = start + i*delta   (i ≥ 2)
/// ```
/// `delta` is the *rounded* first step, not `step`: `np.arange(-2, 2, 0.1)` has
/// delta = 0.10000000000000009, and 29 of its 40 values differ from `-2 + i*0.1`. For the book's
/// grids (`np.arange(-2, 2.5, 0.25)`, `np.arange(0.0, 20.0, 0.1)`) the two agree.
public enum NumPyArange {
    /// What an arange cannot be.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A step that is zero, negative or not finite.
        case step(Double)
        /// Bounds that are not finite.
        case bounds(Double, Double)
        /// More values than `limit`; `count` is how many the range holds (possibly infinite).
        case tooMany(count: Double, limit: Int)

        public var description: String {
            switch self {
            case .step(let step): "a step of \(NumberText.shortest(step)) (it must be a finite number above 0)"
            case .bounds(let start, let stop):
                "a range from \(NumberText.shortest(start)) to \(NumberText.shortest(stop)) (both must be finite)"
            case .tooMany(let count, let limit): "\(NumberText.shortest(count)) values (at most \(limit))"
            }
        }
    }

    /// How many values `np.arange(start, stop, step)` holds: `ceil((stop - start) / step)`, at
    /// least 0, as a Double so that a huge or infinite count can be reported instead of trapping.
    public static func count(start: Double, stop: Double, step: Double) -> Double {
        max(0, ((stop - start) / step).rounded(.up))
    }

    /// The values of `np.arange(start, stop, step)` for a positive `step`.
    ///
    /// - Throws: ``Failure`` for a step that is not a finite positive number, bounds that are not
    ///   finite, or more than `limit` values (checked before anything is allocated).
    /// - Complexity: O(count).
    public static func values(start: Double, stop: Double, step: Double, limit: Int = 1_000_000) throws(Failure)
        -> [Double]
    {
        guard step.isFinite, step > 0 else { throw .step(step) }
        guard start.isFinite, stop.isFinite else { throw .bounds(start, stop) }
        let length = count(start: start, stop: stop, step: step)
        guard length <= Double(limit) else { throw .tooMany(count: length, limit: limit) }
        let n = Int(length)
        guard n > 1 else { return n == 1 ? [start] : [] }
        let second = start + step
        let delta = second - start
        var result = [start, second]
        result.reserveCapacity(n)
        for index in 2..<n {
            result.append(start + Double(index) * delta)
        }
        return result
    }
}
