/// Cuts polylines into dashes: walks each one, switching between on and off every time the
/// distance covered reaches the next length of the pattern, and keeps the on parts. The
/// pattern restarts at the beginning of every subpath, after skipping `offset`, as in SVG and
/// matplotlib.
///
/// Given the region that can be seen, the parts of segments outside it (found by Liang–Barsky
/// clipping) are walked in O(pattern) by arithmetic, not dash by dash, and make no dashes: a
/// dashed line through points a million pixels off the canvas costs what its visible part costs,
/// and the dashes that are drawn fall exactly where the whole walk would put them.
///
/// - Complexity: O(points + visible dashes).
enum Dasher {
    static func dash(_ polylines: [Polyline], pattern: DashPattern, within visible: Rect? = nil) -> [Polyline] {
        var dashes: [Polyline] = []
        for polyline in polylines {
            var points = polyline.points
            if polyline.isClosed, let first = points.first { points.append(first) }
            guard points.count > 1 else { continue }
            var walk = Walk(pattern: pattern)
            var current: [Point] = walk.isOn ? [points[0]] : []
            for segment in 0..<(points.count - 1) {
                let (start, end) = (points[segment], points[segment + 1])
                let shown = visible.map { Self.visibleFraction(of: start, end, in: $0) } ?? (0, 1)
                guard let (enter, leave) = shown, leave > enter else {
                    walk.skip(from: start, to: end, current: &current, dashes: &dashes)
                    continue
                }
                let (a, b) = (start.interpolated(to: end, enter), start.interpolated(to: end, leave))
                if enter > 0 { walk.skip(from: start, to: a, current: &current, dashes: &dashes) }
                walk.draw(from: a, to: b, current: &current, dashes: &dashes)
                if leave < 1 { walk.skip(from: b, to: end, current: &current, dashes: &dashes) }
            }
            if walk.isOn, current.count > 1 {
                dashes.append(Polyline(points: current, isClosed: false))
            }
        }
        return dashes
    }

    /// Where the pattern stands along a polyline: the entry it is in, how much of it is left, and
    /// whether that entry is a dash or a gap.
    private struct Walk {
        let lengths: [Double]
        /// The distance after which the pattern repeats with the same dash/gap parity: its sum,
        /// twice for an odd number of entries (SVG repeats such a list to make it even).
        let cycle: Double
        var index = 0
        var remaining: Double
        var isOn = true

        init(pattern: DashPattern) {
            lengths = pattern.lengths
            let period = lengths.reduce(0, +)
            cycle = lengths.count % 2 == 0 ? period : 2 * period
            remaining = lengths[0]
            var phase = pattern.offset.truncatingRemainder(dividingBy: cycle)
            if phase < 0 { phase += cycle }
            advance(by: phase)
        }

        private mutating func next() {
            index = (index + 1) % lengths.count
            remaining = lengths[index]
            isOn.toggle()
        }

        /// Moves `length` along without drawing; whole cycles are taken at once.
        mutating func advance(by length: Double) {
            var length = length
            if length > remaining {
                length -= remaining
                next()
                length = length.truncatingRemainder(dividingBy: cycle)
            }
            while length > remaining {
                length -= remaining
                next()
            }
            remaining -= length
        }

        /// Walks from `start` to `end`, adding the dashes on the way.
        mutating func draw(from start: Point, to end: Point, current: inout [Point], dashes: inout [Polyline]) {
            var start = start
            var length = (end - start).length
            while length > remaining {
                let cut = start.interpolated(to: end, remaining / length)
                if isOn {
                    current.append(cut)
                    dashes.append(Polyline(points: current, isClosed: false))
                    current = []
                } else {
                    current = [cut]
                }
                length -= remaining
                start = cut
                next()
            }
            remaining -= length
            if isOn { current.append(end) }
        }

        /// Walks from `start` to `end` out of sight: a dash under way ends at `start`, and one
        /// under way at `end` starts there.
        mutating func skip(from start: Point, to end: Point, current: inout [Point], dashes: inout [Polyline]) {
            if isOn {
                current.append(start)
                if current.count > 1 { dashes.append(Polyline(points: current, isClosed: false)) }
            }
            advance(by: (end - start).length)
            current = isOn ? [end] : []
        }
    }

    /// The part of the segment from `a` to `b` inside `rect`, as fractions (enter, leave) of its
    /// length, or `nil` when none of it is (Liang–Barsky).
    static func visibleFraction(of a: Point, _ b: Point, in rect: Rect) -> (Double, Double)? {
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        var (enter, leave) = (0.0, 1.0)
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 { enter = max(enter, t) } else { leave = min(leave, t) }
            if enter > leave { return nil }
        }
        return (enter, leave)
    }
}
