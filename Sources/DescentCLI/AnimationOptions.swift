import ArgumentParser
import DescentPlot

/// `--animate` and `--duration`: an SVG in which a path appears step by step (``SVGAnimation``).
/// Any figure command whose figure reveals its paths (``LineArtist/revealTimes``) can take this
/// group: check the output path with ``check(output:)`` before any work, and pass ``animation``
/// to ``FigureOptions/save(_:to:flag:font:animation:)``.
struct AnimationOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Write an SVG in which the path's points appear step by step, then pause and loop (SMIL, no script: "
                + "it plays inside an <img>, on GitHub too; a viewer that does not animate shows the finished figure)."
        ))
    var animate = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds the animation takes from the first point to the last, before a 1.5 s pause. Default: 4.",
            valueName: "seconds"),
        transform: ArgumentValues.duration)
    var duration: Double?

    /// Fails unless the animation can be written to `path`: an SVG, and `--duration` only with
    /// `--animate`.
    func check(output path: String) throws(CommandError) {
        if duration != nil, !animate {
            throw .usage("--duration sets the length of an animation; add --animate")
        }
        if animate, Figure.FileFormat(path: path) != .svg {
            throw .usage("--animate writes an animated SVG, and \(path) is not one; use --output FILE.svg")
        }
    }

    /// The animation to play, or `nil` without `--animate`.
    var animation: SVGAnimation? {
        animate ? SVGAnimation(duration: duration ?? 4) : nil
    }
}
