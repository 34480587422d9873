import DescentCore
import Foundation

/// The SVG backend: SVG 1.1, `width`, `height` and `viewBox` in pixels, a `<g>` per artist,
/// `<clipPath>` rectangles, strokes with their native SVG attributes (width, caps, joins,
/// `stroke-dasharray`). Text is written as glyph outlines by default, so it looks the same
/// everywhere without the font: each glyph's outline is defined once in `<defs>` (in font units)
/// and placed with `<use>` and a transform, as matplotlib does; ``TextMode/characters`` writes
/// `<text>` instead, which stays selectable and searchable. Every text the canvas writes goes
/// through `XMLText`, so no title or label can make the document ill-formed XML.
///
/// **Themes.** Colours are resolved through ``theme`` and written as `fill`/`stroke` attributes.
/// With a ``darkTheme`` as well (`--theme auto`), every colour the two themes resolve differently
/// also gets a class, `f<n>` for a fill and `s<n>` for a stroke, and a `<style>` sets each class
/// to its light value, and to its dark one inside `@media (prefers-color-scheme: dark)`: one file
/// that follows the reader's setting. The attribute keeps the light value, so a renderer without
/// CSS shows the light figure.
///
/// **Animation.** With an ``SVGAnimation``, what the figure draws inside a ``Reveal`` is animated
/// by SMIL: a `<g>` per ``Reveal/at(_:)`` whose opacity is 0 until its time, and for
/// ``Reveal/along(lengths:times:)`` a `stroke-dasharray` that grows with the times. The elements
/// themselves are written exactly as without animation (the `<g>` has no attributes), so a viewer
/// that does not animate shows the plain SVG's picture. Without an animation reveals are ignored.
///
/// Numbers are written with at most 3 decimals (1/1000 px), so the same drawing always gives the
/// same bytes.
public struct SVGCanvas: Canvas {
    /// How text is written.
    public enum TextMode: Sendable {
        /// `<path>` elements of the glyph outlines. Default.
        case outlines
        /// `<text>` elements naming the font family.
        case characters
    }

    /// Width in pixels, written as the document's `width` and `viewBox`.
    public let width: Double
    /// Height in pixels, written as the document's `height` and `viewBox`.
    public let height: Double
    /// The colours of the document (the default ones, with a ``darkTheme``). Default: light.
    public let theme: Theme
    /// The colours for readers who prefer dark, written in a media query; `nil` for one theme.
    public let darkTheme: Theme?
    /// Plays the figure's reveals; `nil` draws everything at once. Default: nil.
    public let animation: SVGAnimation?
    private let textMode: TextMode
    private let background: Color
    private var body = ""
    private var definitions = ""
    private var clipCount = 0
    /// The glyphs defined so far, by font file and glyph index.
    private var definedGlyphs: Set<String> = []
    private var indentLevel = 1
    /// The classes of themed colours, in the order of first use: (property, light, dark).
    private var themedColors: [(property: String, light: Color, dark: Color)] = []
    private var themedClasses: [String: String] = [:]
    /// The reveals begun and not yet ended, innermost last.
    private var reveals: [Reveal] = []

    /// A document of `width` × `height` pixels on `background` (default: the theme's background),
    /// with text as glyph outlines (default) or `<text>`, coloured by `theme` (default:
    /// ``Theme/light``), following the reader's dark setting when `darkTheme` is given (default:
    /// none) and animated by `animation` (default: none).
    public init(
        width: Double, height: Double, background: Color = .background, textMode: TextMode = .outlines,
        theme: Theme = .light, darkTheme: Theme? = nil, animation: SVGAnimation? = nil
    ) {
        self.width = width
        self.height = height
        self.background = background
        self.textMode = textMode
        self.theme = theme
        self.darkTheme = darkTheme
        self.animation = animation
    }

    /// Writes a `<path>` with a `fill` (and `fill-rule="evenodd"` for ``FillRule/evenOdd``); an
    /// empty path, or a colour that resolves to nothing in every theme, writes nothing.
    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        guard !path.isEmpty, let paint = paint(color, "fill") else { return }
        var attributes = "d=\"\(Self.pathData(path))\" \(paint)"
        if rule == .evenOdd { attributes += " fill-rule=\"evenodd\"" }
        line("<path \(attributes)/>")
    }

    /// Writes a `<path>` with `fill="none"` and the stroke's native attributes (width, cap, join,
    /// `stroke-dasharray`); an empty path, or a colour that resolves to nothing, writes nothing.
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard !path.isEmpty, let paint = paint(color, "stroke") else { return }
        var attributes = "d=\"\(Self.pathData(path))\" fill=\"none\" \(paint)"
        attributes += " stroke-width=\"\(Self.number(style.width))\""
        attributes += " stroke-linecap=\"\(style.cap == .square ? "square" : style.cap.rawValue)\""
        switch style.join {
        case .round: attributes += " stroke-linejoin=\"round\""
        case .bevel: attributes += " stroke-linejoin=\"bevel\""
        case .miter(let limit): attributes += " stroke-linejoin=\"miter\" stroke-miterlimit=\"\(Self.number(limit))\""
        }
        if let dash = style.dash {
            attributes += " stroke-dasharray=\"\(dash.lengths.map(Self.number).joined(separator: ","))\""
            if dash.offset != 0 { attributes += " stroke-dashoffset=\"\(Self.number(dash.offset))\"" }
        }
        if let animation, case .along(let lengths, let times)? = reveals.last, !lengths.isEmpty {
            line("<path \(attributes)>")
            line("  " + Self.growingStroke(lengths: lengths, times: times, animation: animation))
            line("</path>")
        } else {
            line("<path \(attributes)/>")
        }
    }

    /// Text whose placement is not finite (a label at a NaN or infinite position) is left out, as
    /// the raster canvas leaves out the non-finite points of its outline: both backends draw the
    /// same, and no `NaN` reaches the document.
    ///
    /// - Complexity: O(glyphs); each glyph's outline is written once per document.
    public mutating func draw(_ text: PlacedText, color: Color) {
        let placement = text.transform
        guard [placement.a, placement.b, placement.c, placement.d, placement.tx, placement.ty].allSatisfy(\.isFinite)
        else { return }
        switch textMode {
        case .outlines:
            guard !text.layout.glyphs.isEmpty, let paint = paint(color, "fill") else { return }
            line("<g \(paint)>")
            let fontKey = Self.fontKey(text.layout.font)
            for glyph in text.layout.glyphs {
                let id = "glyph-\(fontKey)-\(glyph.index)"
                if definedGlyphs.insert(id).inserted {
                    definitions +=
                        "    <path id=\"\(id)\" d=\"\(Self.pathData(text.layout.font.outline(ofGlyph: glyph.index)))\"/>\n"
                }
                let t = glyph.transform.concatenating(text.transform)
                // Glyph matrices scale font units (2048 per em) down to pixels, so they need more
                // than the 3 decimals of path data; 7 significant digits keep glyphs within 1/1000 px.
                let matrix = [t.a, t.b, t.c, t.d, t.tx, t.ty].map { NumberText.significant($0, digits: 7) }
                    .joined(separator: " ")
                line("  <use xlink:href=\"#\(id)\" transform=\"matrix(\(matrix))\"/>")
            }
            line("</g>")
        case .characters:
            let resolved = theme.resolve(color)
            guard resolved.alpha > 0 || (darkTheme?.resolve(color).alpha ?? 0) > 0 else { return }
            let t = text.transform
            let matrix = [t.a, t.b, t.c, t.d, t.tx, t.ty].map(Self.number).joined(separator: " ")
            var content = ""
            for span in text.layout.text.spans {
                let escaped = XMLText.escaped(span.text)
                if span.scale == 1, span.rise == 0 {
                    content += escaped
                } else {
                    content +=
                        "<tspan font-size=\"\(Self.number(text.layout.size * span.scale))\" "
                        + "dy=\"\(Self.number(-span.rise * text.layout.size))\">\(escaped)</tspan>"
                }
            }
            line(
                "<text transform=\"matrix(\(matrix))\" font-family=\"DejaVu Sans\" "
                    + "font-size=\"\(Self.number(text.layout.size))\" fill=\"\(resolved.hexString)\""
                    + "\(themedClass(color, "fill").map { " class=\"\($0)\"" } ?? "")>\(content)</text>")
        }
    }

    /// Starts a revealed part: with an animation, a `<g>` for ``Reveal/at(_:)``; strokes inside
    /// ``Reveal/along(lengths:times:)`` are animated one by one. Without an animation, nothing.
    public mutating func beginReveal(_ reveal: Reveal) {
        reveals.append(reveal)
        if animation != nil, case .at = reveal {
            line("<g>")
            indentLevel += 1
        }
    }

    /// Ends the revealed part, writing its timing.
    public mutating func endReveal() {
        let reveal = reveals.removeLast()
        if let animation, case .at(let time) = reveal {
            line(Self.appearance(at: time, animation: animation))
            indentLevel -= 1
            line("</g>")
        }
    }

    /// The attributes that paint `color` as `property` (`fill` or `stroke`): the colour, its
    /// opacity when below 1, and its class when the dark theme resolves it differently; `nil`
    /// when it resolves to nothing in every theme (a transparent background).
    private mutating func paint(_ color: Color, _ property: String) -> String? {
        let light = theme.resolve(color)
        guard light.alpha > 0 || (darkTheme?.resolve(color).alpha ?? 0) > 0 else { return nil }
        var attributes = "\(property)=\"\(light.hexString)\""
        if light.alpha < 1 { attributes += " \(property)-opacity=\"\(Self.number(light.alpha))\"" }
        if let name = themedClass(color, property) { attributes += " class=\"\(name)\"" }
        return attributes
    }

    /// The class of `color` as `property` when the two themes resolve it differently, made on
    /// first use.
    private mutating func themedClass(_ color: Color, _ property: String) -> String? {
        guard let darkTheme else { return nil }
        let (light, dark) = (theme.resolve(color), darkTheme.resolve(color))
        guard light != dark else { return nil }
        let key = "\(property) \(light.hexString) \(light.alpha) \(dark.hexString) \(dark.alpha)"
        if let name = themedClasses[key] { return name }
        let name = "\(property.prefix(1))\(themedColors.count)"
        themedClasses[key] = name
        themedColors.append((property, light, dark))
        return name
    }

    /// Defines a `<clipPath>` of `rect` and opens a `<g>` clipped to it (nested groups intersect).
    public mutating func pushClip(_ rect: Rect) {
        clipCount += 1
        definitions +=
            "    <clipPath id=\"clip\(clipCount)\"><rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" "
            + "width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\"/></clipPath>\n"
        line("<g clip-path=\"url(#clip\(clipCount))\">")
        indentLevel += 1
    }

    /// Closes the clipped `<g>` of the matching `pushClip`.
    public mutating func popClip() {
        indentLevel -= 1
        line("</g>")
    }

    /// Opens a `<g class="name">` (the name XML-escaped).
    public mutating func beginGroup(_ name: String) {
        line("<g class=\"\(XMLText.escaped(name))\">")
        indentLevel += 1
    }

    /// Closes the `<g>` of the matching `beginGroup`.
    public mutating func endGroup() {
        indentLevel -= 1
        line("</g>")
    }

    private mutating func line(_ text: String) {
        body += String(repeating: "  ", count: indentLevel) + text + "\n"
    }

    /// The finished document.
    public var document: String {
        var canvas = self
        // The background's class, if themed, must exist before the style sheet is written.
        let backgroundPaint = canvas.paint(background, "fill")
        let size = "width=\"\(Self.number(width))px\" height=\"\(Self.number(height))px\""
        var svg = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n"
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" \(size) "
        svg += "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\">\n"
        svg += canvas.styleSheet
        if !definitions.isEmpty { svg += "  <defs>\n\(definitions)  </defs>\n" }
        if let backgroundPaint { svg += "  <rect width=\"100%\" height=\"100%\" \(backgroundPaint)/>\n" }
        return svg + body + "</svg>\n"
    }

    /// The `<style>` of the themed classes: light values, then the dark ones in the media query
    /// (`color-scheme` tells the browser which scheme the image is drawn for); empty with one theme.
    private var styleSheet: String {
        guard !themedColors.isEmpty else { return "" }
        func rule(_ index: Int, _ color: Color, _ other: Color) -> String {
            let entry = themedColors[index]
            var declarations = "\(entry.property):\(color.hexString)"
            if color.alpha != other.alpha || color.alpha < 1 {
                declarations += ";\(entry.property)-opacity:\(Self.number(color.alpha))"
            }
            return ".\(entry.property.prefix(1))\(index){\(declarations)}"
        }
        var css = "  <style>\n"
        for (index, entry) in themedColors.enumerated() { css += "    \(rule(index, entry.light, entry.dark))\n" }
        css += "    @media (prefers-color-scheme: dark) {\n"
        for (index, entry) in themedColors.enumerated() { css += "      \(rule(index, entry.dark, entry.light))\n" }
        return css + "    }\n  </style>\n"
    }

    /// The SMIL element that keeps its parent hidden until `time` of each cycle.
    static func appearance(at time: Double, animation: SVGAnimation) -> String {
        let key = animation.keyTime(time)
        let timing = "dur=\"\(number(animation.cycle))s\" repeatCount=\"indefinite\""
        if key == 0 { return "<animate attributeName=\"opacity\" values=\"1\" \(timing)/>" }
        return
            "<animate attributeName=\"opacity\" values=\"0;1\" keyTimes=\"0;\(keyTime(key))\" calcMode=\"discrete\" \(timing)/>"
    }

    /// The SMIL element that grows its parent stroke: a dash of `lengths[i]` pixels from
    /// `times[i]` on, followed by a gap as long as the whole stroke, so nothing beyond shows.
    static func growingStroke(lengths: [Double], times: [Double], animation: SVGAnimation) -> String {
        let total = (lengths.max() ?? 0) + 1
        var values = zip(lengths, times).map { "\(number($0.0)) \(number(total))" }
        var keys = times.map { keyTime(animation.keyTime($0)) }
        if keys.first != "0" {
            values.insert("0 \(number(total))", at: 0)
            keys.insert("0", at: 0)
        }
        return "<animate attributeName=\"stroke-dasharray\" values=\"\(values.joined(separator: ";"))\" "
            + "keyTimes=\"\(keys.joined(separator: ";"))\" calcMode=\"discrete\" "
            + "dur=\"\(number(animation.cycle))s\" repeatCount=\"indefinite\"/>"
    }

    /// A key time (0…1) with 5 decimals, trailing zeros dropped: 1/100,000 of a cycle.
    static func keyTime(_ value: Double) -> String {
        var text = String(format: "%.5f", min(max(value, 0), 1))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A path's `d` attribute: M, L, Q, C and Z commands in absolute coordinates.
    static func pathData(_ path: Path) -> String {
        var parts: [String] = []
        func point(_ p: Point) -> String { "\(number(p.x)) \(number(p.y))" }
        for element in path.elements {
            switch element {
            case .move(let p): parts.append("M\(point(p))")
            case .line(let p): parts.append("L\(point(p))")
            case .quad(let c, let p): parts.append("Q\(point(c)) \(point(p))")
            case .cubic(let c1, let c2, let p): parts.append("C\(point(c1)) \(point(c2)) \(point(p))")
            case .close: parts.append("Z")
            }
        }
        return parts.joined()
    }

    /// A number with at most 3 decimals, without trailing zeros (`-0` written as `0`), computed
    /// in integers: exact, locale-free and fast.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? String(format: "%.0f", value) : "0" }
        let thousandths = Int64((value * 1000).rounded())
        if thousandths == 0 { return "0" }
        let magnitude = thousandths.magnitude
        var text = thousandths < 0 ? "-" : ""
        text += String(magnitude / 1000)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return text }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// A short stable name for a font file, for glyph ids: the file's name without extension.
    /// (The name is found in the path's bytes: `NSString.lastPathComponent` took 28,000
    /// instructions a call. A font's path names a file, so it never ends in `/`, where the two
    /// would differ.)
    private static func fontKey(_ font: Font) -> String {
        let path = font.path
        let start = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.startIndex
        return String(path[start...].prefix { $0.isLetter || $0.isNumber })
    }
}
