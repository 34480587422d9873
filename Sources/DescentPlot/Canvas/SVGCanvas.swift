import Foundation

/// The SVG backend: SVG 1.1, `width`, `height` and `viewBox` in pixels, a `<g>` per artist,
/// `<clipPath>` rectangles, strokes with their native SVG attributes (width, caps, joins,
/// `stroke-dasharray`). Text is written as glyph outlines by default, so it looks the same
/// everywhere without the font: each glyph's outline is defined once in `<defs>` (in font units)
/// and placed with `<use>` and a transform, as matplotlib does; ``TextMode/characters`` writes
/// `<text>` instead, which stays selectable and searchable. Every text the canvas writes goes
/// through ``XMLText``, so no title or label can make the document ill-formed XML.
///
/// Numbers are written with at most 3 decimals (1/1000 px), so the same drawing always gives the
/// same bytes.
public struct SVGCanvas: Canvas {
    public enum TextMode: Sendable {
        /// `<path>` elements of the glyph outlines. Default.
        case outlines
        /// `<text>` elements naming the font family.
        case characters
    }

    public let width: Double
    public let height: Double
    private let textMode: TextMode
    private let background: Color
    private var body = ""
    private var definitions = ""
    private var clipCount = 0
    /// The glyphs defined so far, by font file and glyph index.
    private var definedGlyphs: Set<String> = []
    private var indentLevel = 1

    public init(width: Double, height: Double, background: Color = .white, textMode: TextMode = .outlines) {
        self.width = width
        self.height = height
        self.background = background
        self.textMode = textMode
    }

    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        guard !path.isEmpty else { return }
        var attributes = "d=\"\(Self.pathData(path))\" fill=\"\(color.hexString)\""
        if color.alpha < 1 { attributes += " fill-opacity=\"\(Self.number(color.alpha))\"" }
        if rule == .evenOdd { attributes += " fill-rule=\"evenodd\"" }
        line("<path \(attributes)/>")
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard !path.isEmpty else { return }
        var attributes = "d=\"\(Self.pathData(path))\" fill=\"none\" stroke=\"\(color.hexString)\""
        if color.alpha < 1 { attributes += " stroke-opacity=\"\(Self.number(color.alpha))\"" }
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
        line("<path \(attributes)/>")
    }

    /// Text whose placement is not finite (a label at a NaN or infinite position) is left out, as
    /// the raster canvas leaves out the non-finite points of its outline: both backends draw the
    /// same, and no `NaN` reaches the document.
    public mutating func draw(_ text: PlacedText, color: Color) {
        let placement = text.transform
        guard [placement.a, placement.b, placement.c, placement.d, placement.tx, placement.ty].allSatisfy(\.isFinite)
        else { return }
        switch textMode {
        case .outlines:
            guard !text.layout.glyphs.isEmpty else { return }
            line(
                "<g fill=\"\(color.hexString)\"\(color.alpha < 1 ? " fill-opacity=\"\(Self.number(color.alpha))\"" : "")>"
            )
            for glyph in text.layout.glyphs {
                let id = "glyph-\(Self.fontKey(text.layout.font))-\(glyph.index)"
                if definedGlyphs.insert(id).inserted {
                    definitions +=
                        "    <path id=\"\(id)\" d=\"\(Self.pathData(text.layout.font.outline(ofGlyph: glyph.index)))\"/>\n"
                }
                let t = glyph.transform.concatenating(text.transform)
                let matrix = [t.a, t.b, t.c, t.d, t.tx, t.ty].map(Self.coefficient).joined(separator: " ")
                line("  <use xlink:href=\"#\(id)\" transform=\"matrix(\(matrix))\"/>")
            }
            line("</g>")
        case .characters:
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
                    + "font-size=\"\(Self.number(text.layout.size))\" fill=\"\(color.hexString)\">\(content)</text>")
        }
    }

    public mutating func pushClip(_ rect: Rect) {
        clipCount += 1
        definitions +=
            "    <clipPath id=\"clip\(clipCount)\"><rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" "
            + "width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\"/></clipPath>\n"
        line("<g clip-path=\"url(#clip\(clipCount))\">")
        indentLevel += 1
    }

    public mutating func popClip() {
        indentLevel -= 1
        line("</g>")
    }

    public mutating func beginGroup(_ name: String) {
        line("<g class=\"\(XMLText.escaped(name))\">")
        indentLevel += 1
    }

    public mutating func endGroup() {
        indentLevel -= 1
        line("</g>")
    }

    private mutating func line(_ text: String) {
        body += String(repeating: "  ", count: indentLevel) + text + "\n"
    }

    /// The finished document.
    public var document: String {
        let size = "width=\"\(Self.number(width))px\" height=\"\(Self.number(height))px\""
        var svg = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n"
        svg +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" \(size) "
        svg += "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\">\n"
        if !definitions.isEmpty { svg += "  <defs>\n\(definitions)  </defs>\n" }
        svg += "  <rect width=\"100%\" height=\"100%\" fill=\"\(background.hexString)\"/>\n"
        return svg + body + "</svg>\n"
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

    /// A transform coefficient: glyph matrices scale font units (2048 per em) down to pixels, so
    /// they need more than 3 decimals; 7 significant digits keep glyphs within 1/1000 px.
    static func coefficient(_ value: Double) -> String {
        if value == 0 { return "0" }
        var text = String(format: "%.7g", value)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A short stable name for a font file, for glyph ids: the file's name without extension.
    private static func fontKey(_ font: Font) -> String {
        let name = (font.path as NSString).lastPathComponent
        return String(name.prefix { $0.isLetter || $0.isNumber })
    }
}
