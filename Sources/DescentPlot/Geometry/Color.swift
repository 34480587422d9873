/// A colour in sRGB with straight (not premultiplied) alpha, each component in 0…1, and what it
/// stands for in a figure.
///
/// A colour with a ``role`` (the background, the text, a spine…) is a *semantic* colour: its
/// components are the light theme's value, and a ``Theme`` replaces them when the figure is drawn.
/// A colour without one is a *data* colour (a line of the colour cycle, a contour level): a theme
/// keeps its hue and adjusts only its lightness, where the background needs it. The figure is
/// built once with these colours; the canvas resolves each through its theme as it draws.
public struct Color: Equatable, Hashable, Sendable {
    /// The red component, in 0…1 (sRGB-encoded, not linear light).
    public var red: Double
    /// The green component, in 0…1 (sRGB-encoded, not linear light).
    public var green: Double
    /// The blue component, in 0…1 (sRGB-encoded, not linear light).
    public var blue: Double
    /// Opacity: 1 is opaque. Default: 1.
    public var alpha: Double
    /// What the colour stands for, so that a theme can choose it; `nil` for a data colour.
    /// Default: nil.
    public var role: Role?

    /// The parts of a figure whose colour a theme chooses outright, rather than adjusts.
    public enum Role: String, CaseIterable, Hashable, Sendable {
        /// The figure's and each axes' background; what `--transparent` leaves out.
        case background
        /// Text: titles, labels, tick labels, legend and note text; the `+` of a minimum.
        case foreground
        /// The axes' frame, its ticks and the colour bar's outline and ticks.
        case spine
        /// Grid lines.
        case grid
        /// The book's dashed guide lines through the origin (matplotlib's `'b'`, pure blue).
        case guide
        /// What is laid over the plot and must hide what is beneath it: legend and note boxes,
        /// inset backdrops, the face of the start marker. Never transparent.
        case paper
        /// The edge of legend and note boxes.
        case boxEdge
        /// A filled area of data colours that is its own background (filled contour bands and
        /// the colour bar that explains them): what matters is its contrast with what is drawn
        /// over it, which no theme changes, so themes leave it as it is.
        case area
    }

    /// A colour from its components, each clamped to 0…1 (±∞ to 0 or 1; a NaN component stays
    /// NaN, which no backend can paint: give finite components), opaque by default and a data
    /// colour unless `role` is given.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1, role: Role? = nil) {
        self.red = min(max(red, 0), 1)
        self.green = min(max(green, 0), 1)
        self.blue = min(max(blue, 0), 1)
        self.alpha = min(max(alpha, 0), 1)
        self.role = role
    }

    /// A colour from `#rrggbb` (or `rrggbb`), or `nil` when the text is not of that form.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(
            red: Double((value >> 16) & 0xFF) / 255, green: Double((value >> 8) & 0xFF) / 255,
            blue: Double(value & 0xFF) / 255)
    }

    /// The same colour with another opacity (and the same role).
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha, role: role)
    }

    /// The same colour standing for `role` (`nil`: a data colour).
    public func withRole(_ role: Role?) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha, role: role)
    }

    /// `#rrggbb`, as SVG writes it.
    public var hexString: String {
        func byte(_ component: Double) -> String {
            let value = Int((component * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16)
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    // The semantic colours, each with its light-theme value (matplotlib's defaults).

    /// The background: white.
    public static let background = Color(red: 1, green: 1, blue: 1, role: .background)
    /// Text: black.
    public static let foreground = Color(red: 0, green: 0, blue: 0, role: .foreground)
    /// Spines and ticks: black.
    public static let spine = Color(red: 0, green: 0, blue: 0, role: .spine)
    /// Grid lines: `#b0b0b0` (matplotlib's `grid.color`).
    public static let grid = Color(hex: "#b0b0b0")!.withRole(.grid)
    /// The book's guide lines: pure blue.
    public static let guide = Color(red: 0, green: 0, blue: 1, role: .guide)
    /// Boxes over the plot: white (legends lay it at 80 % opacity, notes at 85 %).
    public static let paper = Color(red: 1, green: 1, blue: 1, role: .paper)
    /// Edges of legend and note boxes: `#cccccc` (matplotlib's `legend.edgecolor` 0.8).
    public static let boxEdge = Color(hex: "#cccccc")!.withRole(.boxEdge)

    /// `#ffffff`, a data colour (no role: themes adjust it like a line colour).
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// `#000000`, a data colour (no role: themes adjust it like a line colour).
    public static let black = Color(red: 0, green: 0, blue: 0)
    /// Matplotlib's `'b'`: pure blue, as the book's `'--b'` guide lines.
    public static let pureBlue = Color(red: 0, green: 0, blue: 1)

    /// Matplotlib's default colour cycle ("tab10"), C0 to C9.
    public static let cycle: [Color] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ].map { Color(hex: $0)! }
}
