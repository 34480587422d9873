import ArgumentParser
import DescentPlot

/// The flags that draw a function's contours behind what a figure shows on it.
struct ContourOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The function's contours: lines (plt.contour), filled (plt.contourf, with a colour bar) or none. "
                + "Default: filled under a network's loss landscape, lines behind any other path, none under a field of arrows."
        ))
    var contour: LandscapeContours.Style?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Contour levels: a count (about N nice levels) or the levels themselves, increasing, such as 0.1,1,10. "
                + "Default: about 7, log-spaced where f spans more than three decades.",
            valueName: "n|a,b,c"),
        transform: ArgumentValues.contourLevels)
    var levels: ContourLevels.Choice = .automatic

    /// Whether `--contour` (but `none`) or `--levels` was given: contours were asked for, even of
    /// the book's own run, whose Figure 4-10 has none.
    var isGiven: Bool { (contour.map { $0 != .none } ?? false) || levels != .automatic }

    /// The contours asked for, `style` where `--contour` is not given.
    func contours(defaultStyle style: LandscapeContours.Style) -> LandscapeContours {
        LandscapeContours(style: contour ?? style, levels: levels)
    }
}

extension LandscapeContours.Style: ExpressibleByArgument {}
