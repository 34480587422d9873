/// The book's `smooth_curve` (`common/util.py`): the series mirrored by 10 points at each end and
/// convolved with an 11-point Kaiser window (β = 2), normalised, so that the output has the
/// input's length.
public func smoothCurve(_ values: [Double]) -> [Double] {
    let windowLength = 11
    guard values.count >= windowLength else { return values }
    let window = kaiserWindow(windowLength, beta: 2)
    let total = window.reduce(0, +)
    let weights = window.map { $0 / total }
    let head = values[1..<windowLength].reversed()
    let tail = values[(values.count - windowLength + 1)...].reversed()
    let padded = Array(head) + values + Array(tail)
    // np.convolve(w, s, 'valid') then [5 : len − 5].
    let valid = (0...(padded.count - windowLength)).map { start in
        (0..<windowLength).reduce(0.0) { $0 + weights[windowLength - 1 - $1] * padded[start + $1] }
    }
    return Array(valid[5..<(valid.count - 5)])
}
