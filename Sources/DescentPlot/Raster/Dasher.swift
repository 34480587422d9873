/// Cuts polylines into dashes: walks each one, switching between on and off every time the
/// distance covered reaches the next length of the pattern, and keeps the on parts. The
/// pattern restarts at the beginning of every subpath, after skipping `offset`, as in SVG and
/// matplotlib.
///
/// - Complexity: O(points + dashes).
enum Dasher {
    static func dash(_ polylines: [Polyline], pattern: DashPattern) -> [Polyline] {
        var dashes: [Polyline] = []
        let period = pattern.lengths.reduce(0, +)
        for polyline in polylines {
            var points = polyline.points
            if polyline.isClosed, let first = points.first { points.append(first) }
            guard points.count > 1 else { continue }
            // Position in the pattern after the offset.
            var phase = pattern.offset.truncatingRemainder(dividingBy: period)
            if phase < 0 { phase += period }
            var index = 0
            while phase >= pattern.lengths[index] {
                phase -= pattern.lengths[index]
                index = (index + 1) % pattern.lengths.count
            }
            var remaining = pattern.lengths[index] - phase
            var isOn = index % 2 == 0
            var current: [Point] = isOn ? [points[0]] : []
            for segment in 0..<(points.count - 1) {
                var start = points[segment]
                let end = points[segment + 1]
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
                    isOn.toggle()
                    index = (index + 1) % pattern.lengths.count
                    remaining = pattern.lengths[index]
                }
                remaining -= length
                if isOn { current.append(end) }
            }
            if isOn, current.count > 1 {
                dashes.append(Polyline(points: current, isClosed: false))
            }
        }
        return dashes
    }
}
