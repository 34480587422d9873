/// How an animated SVG plays the ``Reveal``s of its figure: SMIL `<animate>` elements (no script,
/// so the image plays inside an `<img>`, on GitHub as in browsers), every one with the same
/// cycle of ``duration`` + ``pause`` seconds, repeated forever, so they stay in step.
///
/// What is revealed at time t (a fraction of the run) is hidden from the start of each cycle until
/// t · ``duration`` seconds into it, then visible until the cycle ends: the drawing builds up over
/// ``duration``, the finished picture stays for ``pause``, and the loop starts again. Every element
/// is visible in the document itself and only the animation hides it, so a viewer that does not
/// animate (librsvg, a print, a thumbnailer) shows the finished picture — the plain SVG's.
public struct SVGAnimation: Equatable, Sendable {
    /// Seconds from the first reveal to the last. Default: 4.
    public let duration: Double
    /// Seconds the finished picture stays before the loop starts again. Default: 1.5 — long
    /// enough to take the result in, short enough that the loop does not seem stuck.
    public let pause: Double

    /// An animation of `duration` seconds, then `pause`; `nil` unless both are finite, the
    /// duration positive and the pause not negative.
    public init?(duration: Double = 4, pause: Double = 1.5) {
        guard duration.isFinite, duration > 0, pause.isFinite, pause >= 0 else { return nil }
        self.duration = duration
        self.pause = pause
    }

    /// The length of one cycle in seconds.
    public var cycle: Double { duration + pause }

    /// Where reveal time `time` (0…1) falls in the cycle, as SMIL's `keyTimes` (0…1) count.
    func keyTime(_ time: Double) -> Double {
        min(max(time, 0), 1) * duration / cycle
    }
}
