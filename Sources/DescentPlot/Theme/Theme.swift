import Foundation

/// The colours a figure is drawn in: what each semantic colour (``Color/Role``) becomes, and how
/// the data colours are adjusted to the background.
///
/// A figure is built once, in semantic and data colours; the canvas resolves every colour through
/// its theme as it draws (``resolve(_:)``), so the same figure gives the light PNG, the dark PNG
/// and the SVG that follows the reader's setting (``Choice/auto``, where ``SVGCanvas`` writes both
/// themes' values into CSS).
///
/// **Data colours.** ``light`` draws them as given: the book's colours, exactly. ``dark`` keeps
/// every data colour at least ``minimumDataContrast`` (4.5:1, WCAG AA for text) against both the
/// background and the paper of legend boxes, where its handles are drawn:
/// - a colour that has it already is kept (the orange, pink, olive and cyan of the cycle,
///   viridis's greens and yellows);
/// - a colour that lacks it is made lighter in OKLab with its hue kept (`Color.withOKLabLightness(_:)`),
///   to the least lightness that reaches it: the path's #ff0000 becomes #ff5342, the cycle's
///   blue #1f77b4 #4396d5 and its green #2ca02c #32a531, viridis's dark purple #482878 a lavender
///   #9e81d9. Lightness is searched by bisection on the colour as 8-bit pixels will hold it, so
///   the ratio holds for the pixels too;
/// - a grey (OKLab chroma below 0.02) is a shade between background and text, so it keeps its
///   place between them: its contrast against white, on the light theme's scale from the grid
///   (2.2:1) to the text (21:1), becomes the same fraction (in log ratio) of the dark theme's
///   scale from the minimum to its text (``foreground``), and never less than the minimum. The
///   #666666 quiver arrows (5.7:1 on white) come out #b2b2b2, 7.4:1, clearly above the 4.55:1 grid as on
///   white; the faint #bbbbbb sweep line (1.9:1) is as faint as allowed, #909090, instead of
///   standing out brighter than on white.
///
/// Filled areas (``Color/Role/area``) are left as they are: the bands of a filled contour are the
/// background of what is drawn on them.
public struct Theme: Equatable, Sendable {
    /// `light`, `dark`, or a name of the caller's.
    public var name: String
    /// The background of the figure and of each axes. Opaque: ``isTransparent`` leaves it out.
    public var background: Color
    /// Text, the `+` of a minimum (``Color/Role/foreground``).
    public var foreground: Color
    /// The axes' frame and ticks, the colour bar's outline (``Color/Role/spine``).
    public var spine: Color
    /// Grid lines (``Color/Role/grid``).
    public var grid: Color
    /// The book's dashed guide lines through the origin (``Color/Role/guide``).
    public var guide: Color
    /// Legend and note boxes, the face of the start marker (``Color/Role/paper``). Opaque.
    public var paper: Color
    /// The edge of legend and note boxes (``Color/Role/boxEdge``).
    public var boxEdge: Color
    /// The least WCAG contrast ratio a data colour keeps against ``background`` and ``paper``;
    /// `nil` draws data colours as given.
    public var minimumDataContrast: Double?
    /// Leave the background out (alpha 0 in a PNG, no background in an SVG). The other colours
    /// stay those of the theme, chosen for ``background``. Default: false.
    public var isTransparent: Bool = false

    /// A theme with the colour of each role given; roles and alpha are stripped from the colours
    /// (``background`` and ``paper`` are made opaque), and `minimumDataContrast` (a WCAG ratio such
    /// as 3, or `nil`) says how far data colours are adjusted.
    public init(
        name: String, background: Color, foreground: Color, spine: Color, grid: Color, guide: Color, paper: Color,
        boxEdge: Color, minimumDataContrast: Double?
    ) {
        self.name = name
        self.background = background.withRole(nil).withAlpha(1)
        self.foreground = foreground.withRole(nil)
        self.spine = spine.withRole(nil)
        self.grid = grid.withRole(nil)
        self.guide = guide.withRole(nil)
        self.paper = paper.withRole(nil).withAlpha(1)
        self.boxEdge = boxEdge.withRole(nil)
        self.minimumDataContrast = minimumDataContrast
    }

    /// matplotlib's defaults, as the book draws: every semantic colour is its own light value
    /// (``Color/background`` is white…), data colours as given. A figure drawn in it is the
    /// figure drawn before themes existed, byte for byte.
    public static let light = Theme(
        name: "light", background: .background, foreground: .foreground, spine: .spine, grid: .grid, guide: .guide,
        paper: .paper, boxEdge: .boxEdge, minimumDataContrast: nil)

    /// Light text and lines on a near-black background, close to GitHub's and to editors' dark
    /// themes. Ratios against the background #1a1c20 (and the paper #262a30 where text sits on
    /// it): text #e8e8e8 13.9:1 (11.8:1); spines and ticks #b4b8be 8.6:1; grid #818489 4.55:1, as
    /// faint as 4.5:1 allows; guides #7f96ff 6.3:1 (5.3:1), the book's pure blue made light;
    /// box edges #969aa0 6.0:1 (5.1:1).
    public static let dark = Theme(
        name: "dark", background: Color(hex: "#1a1c20")!, foreground: Color(hex: "#e8e8e8")!,
        spine: Color(hex: "#b4b8be")!, grid: Color(hex: "#818489")!, guide: Color(hex: "#7f96ff")!,
        paper: Color(hex: "#262a30")!, boxEdge: Color(hex: "#969aa0")!, minimumDataContrast: 4.5)

    /// What `--theme` offers: one theme, or the SVG that follows the reader's setting.
    public enum Choice: String, CaseIterable, Sendable {
        /// ``Theme/light``: matplotlib's colours on white.
        case light
        /// ``Theme/dark``: for dark pages, every text and line at least 4.5:1 against the
        /// background.
        case dark
        /// An SVG in the light theme that switches to the dark one where the reader's system or
        /// browser prefers dark (CSS `@media (prefers-color-scheme: dark)`); a PNG cannot follow
        /// anything and is light.
        case auto

        /// The theme a PNG is drawn in, and the one an SVG shows by default.
        public var theme: Theme { self == .dark ? .dark : .light }
        /// The theme an SVG switches to for readers who prefer dark, for ``auto``.
        public var darkTheme: Theme? { self == .auto ? .dark : nil }
    }

    /// The same theme without a background.
    public func transparent(_ transparent: Bool = true) -> Theme {
        var theme = self
        theme.isTransparent = transparent
        return theme
    }

    /// The theme's colour for `role` (opaque, as the theme defines it), or `nil` for
    /// ``Color/Role/area``, which keeps its own.
    public func color(for role: Color.Role) -> Color? {
        switch role {
        case .background: isTransparent ? background.withAlpha(0) : background
        case .foreground: foreground
        case .spine: spine
        case .grid: grid
        case .guide: guide
        case .paper: paper
        case .boxEdge: boxEdge
        case .area: nil
        }
    }

    /// The colour to paint for `color`: the theme's value of its role (the opacity multiplied by
    /// `color`'s, so a legend's 80 % paper stays 80 %), or the data colour adjusted as the type's
    /// documentation says. The result has no role.
    ///
    /// - Complexity: O(1); a data colour that needs lightening costs about 40 conversions.
    public func resolve(_ color: Color) -> Color {
        if let role = color.role {
            guard let value = self.color(for: role) else { return color.withRole(nil) }
            return value.withAlpha(value.alpha * color.alpha)
        }
        guard let minimum = minimumDataContrast else { return color }
        return adjusted(color, minimum: minimum)
    }

    /// The least contrast of `color` against the surfaces data is drawn on.
    public func dataContrast(_ color: Color) -> Double {
        min(color.contrastRatio(with: background), color.contrastRatio(with: paper))
    }

    /// OKLab chroma below which a colour counts as a grey.
    static let greyChroma = 0.02

    /// The contrast a grey keeps: its place on the light theme's scale from grid to text, on this
    /// theme's from `minimum` to the text.
    private func greyContrast(_ color: Color, minimum: Double) -> Double {
        let light = Theme.light
        let low = log(light.grid.contrastRatio(with: light.background))
        let high = log(light.foreground.contrastRatio(with: light.background))
        let place = (log(color.contrastRatio(with: light.background)) - low) / (high - low)
        let top = max(minimum, dataContrast(foreground))
        return max(minimum, min(top, minimum * pow(top / minimum, place)))
    }

    private func adjusted(_ color: Color, minimum: Double) -> Color {
        let isGrey = color.oklabChroma < Self.greyChroma
        let target = isGrey ? greyContrast(color, minimum: minimum) : minimum
        if !isGrey, dataContrast(color) >= target { return color }
        // Below the lighter surface no colour reaches even 1.2:1, so the colours that reach the
        // target are exactly those above some lightness: bisect for it.
        let reaches = { (lightness: Double) in
            self.dataContrast(color.withOKLabLightness(lightness).rounded8Bit) >= target
        }
        var (low, high) = (0.0, 1.0)
        guard reaches(high) else { return color.withOKLabLightness(1).rounded8Bit }
        while high - low > 1e-4 {
            let middle = (low + high) / 2
            if reaches(middle) { high = middle } else { low = middle }
        }
        return color.withOKLabLightness(high).rounded8Bit
    }
}
