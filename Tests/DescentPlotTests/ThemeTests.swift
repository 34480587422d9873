import DescentCore
import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Themes: the light theme is the book's colours exactly; the dark one keeps every text and line
/// at least 4.5:1 against its background (WCAG 2 contrast), in the theme's numbers and in the
/// pixels of a decoded PNG; `auto` writes both palettes into one SVG; `--transparent` leaves the
/// background out.
@Suite struct ThemeTests {
    let font: Font
    let bookRun: Trajectory
    let rosenbrockRun: Trajectory

    init() throws {
        font = try Font.standard()
        bookRun = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        rosenbrockRun = try GradientDescent.run(
            Preset.rosenbrock.objective, from: Preset.rosenbrock.start, learningRate: 1e-3, steps: 500)
    }

    /// Every colour the figures draw data in: the colour cycle, the path's red, the pure-blue
    /// guides as a data colour, the greys (quiver arrows, the sweep's line, an inset's region),
    /// every viridis entry (contour lines), black and white.
    static let dataColors: [Color] =
        Color.cycle + Colormap.viridis.colors
        + ["#ff0000", "#0000ff", "#666666", "#bbbbbb", "#555555", "#000000", "#ffffff"].map { Color(hex: $0)! }

    /// A colour of 8-bit components.
    static func color(_ pixel: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Color {
        Color(red: Double(pixel.r) / 255, green: Double(pixel.g) / 255, blue: Double(pixel.b) / 255)
    }

    /// Whether two colours differ by at most `levels` of 255 in every channel.
    static func close(_ a: Color, _ b: Color, levels: Double = 1) -> Bool {
        [a.red - b.red, a.green - b.green, a.blue - b.blue].allSatisfy { abs($0) * 255 <= levels + 1e-9 }
    }

    @Test func theLightThemeIsTheBooksColoursExactly() {
        let light = Theme.light
        #expect(light.resolve(.background) == .white)
        #expect(light.resolve(.foreground) == .black && light.resolve(.spine) == .black)
        #expect(light.resolve(.guide) == .pureBlue)
        #expect(light.resolve(.grid) == Color(hex: "#b0b0b0")!)
        #expect(light.resolve(.boxEdge) == Color(hex: "#cccccc")!)
        #expect(light.resolve(Color.paper.withAlpha(0.8)) == Color.white.withAlpha(0.8))
        for color in Self.dataColors { #expect(light.resolve(color) == color) }
    }

    @Test func everyDarkTextAndLineColourKeeps4_5To1AgainstTheBackgroundAndThePaper() {
        let dark = Theme.dark
        let background = dark.resolve(.background)
        let paper = dark.resolve(.paper)
        // Text sits on the background and on the paper of legends and notes; so do lines.
        for role in [Color.foreground, .spine, .guide, .boxEdge] {
            let color = dark.resolve(role)
            #expect(color.contrastRatio(with: background) >= 4.5, "\(role.role!) \(color.hexString) on background")
            #expect(color.contrastRatio(with: paper) >= 4.5, "\(role.role!) \(color.hexString) on paper")
        }
        // The grid only ever lies on the background.
        #expect(dark.resolve(.grid).contrastRatio(with: background) >= 4.5)
        for color in Self.dataColors {
            let drawn = dark.resolve(color)
            #expect(drawn.contrastRatio(with: background) >= 4.5, "\(color.hexString) → \(drawn.hexString)")
            #expect(drawn.contrastRatio(with: paper) >= 4.5, "\(color.hexString) → \(drawn.hexString)")
        }
    }

    @Test func darkDataColoursKeepTheirHueAndOnlyGetLighter() {
        for color in Self.dataColors where color.oklabChroma >= Theme.greyChroma {
            let drawn = Theme.dark.resolve(color)
            if color.contrastRatio(with: Theme.dark.background) >= 4.5,
                color.contrastRatio(with: Theme.dark.paper) >= 4.5
            {
                #expect(drawn == color, "\(color.hexString) had the contrast already")
                continue
            }
            let (before, after) = (color.oklab, drawn.oklab)
            let hue = { (lab: (l: Double, a: Double, b: Double)) in atan2(lab.b, lab.a) }
            var turn = abs(hue(after) - hue(before))
            if turn > .pi { turn = 2 * .pi - turn }
            #expect(after.l > before.l, "\(color.hexString) → \(drawn.hexString)")
            // 0.05 rad ≈ 3°: the search keeps a and b, and 8-bit rounding moves the hue slightly.
            #expect(turn < 0.05, "\(color.hexString) → \(drawn.hexString) turned \(turn) rad")
        }
        // The book's red path and pure-blue guides: still red and blue.
        let red = Theme.dark.resolve(Color(hex: "#ff0000")!)
        #expect(red.red == 1 && red.green < 0.4 && red.blue < 0.4, "\(red.hexString)")
    }

    @Test func darkGreysKeepTheirPlaceBetweenGridAndText() {
        let dark = Theme.dark
        let background = dark.background
        let contrast = { (hex: String) in dark.resolve(Color(hex: hex)!).contrastRatio(with: background) }
        // Darker greys on white become lighter greys on dark, in the same order, all above the minimum.
        #expect(contrast("#bbbbbb") >= 4.5 && contrast("#bbbbbb") < contrast("#666666"))
        #expect(contrast("#666666") < contrast("#555555") && contrast("#555555") < contrast("#000000"))
        #expect(contrast("#666666") > dark.grid.contrastRatio(with: background) + 2)
    }

    @Test func filledAreasKeepTheirColoursInEveryTheme() {
        let band = Colormap.viridis.colors[0].withRole(.area)
        #expect(Theme.dark.resolve(band) == Colormap.viridis.colors[0])
        #expect(Theme.light.resolve(band) == Colormap.viridis.colors[0])
    }

    /// The book's figure in the dark theme, decoded: background, spine, guide, markers and text
    /// pixels are the theme's colours, and the text keeps 4.5:1.
    @Test func theDarkPNGsPixelsHaveTheThemesContrast() throws {
        let dark = Theme.dark
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let image = try PNGCodec.decode(try figure.pngData(font: font, theme: dark))
        let background = dark.resolve(.background)
        #expect(Self.color(image.pixel(3, 3)) == background.rounded8Bit)
        #expect(Self.color(image.pixel(500, 380)) == background.rounded8Bit, "inside the axes, away from the data")
        // The left spine (0.8 pt = 1.11 px, snapped to the pixel centre at x = 80.5) covers column 80.
        #expect(Self.close(Self.color(image.pixel(80, 300)), dark.spine), "spine")
        // The dashed guide y = 0 (1.5 pt = 2.08 px, snapped to the edge y = 242) covers rows 241 and 242.
        let guidePixels = (90..<570).filter { Self.close(Self.color(image.pixel($0, 241)), dark.guide) }
        #expect(guidePixels.count > 150, "guide pixels on row 241: \(guidePixels.count)")
        // The first marker, at (−3, 4): x = 80 + 0.5/7 · 496, y = 57.6 + 0.5/9 · 369.6.
        let marker = Self.color(image.pixel(115, 78))
        #expect(Self.close(marker, dark.resolve(Color.cycle[0])), "marker \(marker.hexString)")
        #expect(marker.contrastRatio(with: background) >= 4.5)
        // Text: the tick labels under the axes and the label X0. Its most contrasting pixel is the
        // foreground, and keeps the promised ratio.
        var brightest = background
        for y in 432..<475 {
            for x in 60..<600 {
                let pixel = Self.color(image.pixel(x, y))
                if pixel.contrastRatio(with: background) > brightest.contrastRatio(with: background) {
                    brightest = pixel
                }
            }
        }
        #expect(Self.close(brightest, dark.foreground, levels: 2), "text \(brightest.hexString)")
        #expect(brightest.contrastRatio(with: background) >= 4.5)
    }

    /// The landscape figure in the dark theme: the legend's text, drawn on 80 % paper over the
    /// background, keeps 4.5:1 against the box it is drawn on.
    @Test func theDarkLegendTextKeepsItsContrastOnThePaper() throws {
        let dark = Theme.dark
        let image = try PNGCodec.decode(
            try TrajectoryFigures.trajectory(rosenbrockRun).pngData(font: font, theme: dark))
        let box = Color(
            red: 0.8 * dark.paper.red + 0.2 * dark.background.red,
            green: 0.8 * dark.paper.green + 0.2 * dark.background.green,
            blue: 0.8 * dark.paper.blue + 0.2 * dark.background.blue)
        var (minX, minY, maxX, maxY) = (Int.max, Int.max, Int.min, Int.min)
        for y in 0..<image.height {
            for x in 0..<image.width where Self.close(Self.color(image.pixel(x, y)), box) {
                (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
            }
        }
        try #require(maxX - minX > 40 && maxY - minY > 30, "no legend box found")
        var brightest = box
        for y in minY...maxY {
            for x in minX...maxX {
                let pixel = Self.color(image.pixel(x, y))
                if pixel.relativeLuminance > brightest.relativeLuminance { brightest = pixel }
            }
        }
        #expect(Self.close(brightest, dark.foreground, levels: 2), "legend text \(brightest.hexString)")
        #expect(brightest.contrastRatio(with: box) >= 4.5)
    }

    @Test func anAutoPNGIsTheLightPNG() throws {
        let figure = TrajectoryFigures.trajectory(rosenbrockRun)
        #expect(try figure.fileData(.png, font: font, theme: .auto) == figure.fileData(.png, font: font, theme: .light))
    }

    /// Reads an SVG with XMLParser: well-formed or not, and the text of its `<style>`.
    final class StyleReading: NSObject, XMLParserDelegate {
        var style = ""
        var classes: Set<String> = []
        private var inStyle = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            if name == "style" { inStyle = true }
            if let names = attributes["class"] { classes.formUnion(names.split(separator: " ").map(String.init)) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "style" { inStyle = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inStyle { style += string }
        }
    }

    static func read(_ svg: String) -> (wellFormed: Bool, reading: StyleReading) {
        let parser = XMLParser(data: Data(svg.utf8))
        let reading = StyleReading()
        parser.delegate = reading
        return (parser.parse(), reading)
    }

    @Test func anAutoSVGHoldsBothPalettesAndTheMediaQueryAndParses() throws {
        let figure = TrajectoryFigures.trajectory(rosenbrockRun)
        let svg = figure.svgDocument(font: font, theme: .light, darkTheme: .dark)
        let (wellFormed, reading) = Self.read(svg)
        #expect(wellFormed)
        let parts = reading.style.components(separatedBy: "@media (prefers-color-scheme: dark)")
        try #require(parts.count == 2, "one media query for dark readers")
        let (lightRules, darkRules) = (parts[0], parts[1])
        // Each themed role, light value before the media query and dark value inside it.
        for (role, property) in [
            (Color.background, "fill"), (.foreground, "fill"), (.spine, "stroke"), (.paper, "fill"),
            (.boxEdge, "stroke"),
        ] {
            let light = "\(property):\(Theme.light.resolve(role).hexString)"
            let dark = "\(property):\(Theme.dark.resolve(role).hexString)"
            #expect(lightRules.contains(light), "\(light)")
            #expect(darkRules.contains(dark), "\(dark)")
        }
        // The path's red in both palettes.
        #expect(lightRules.contains("stroke:#ff0000"))
        #expect(darkRules.contains("stroke:\(Theme.dark.resolve(TrajectoryFigures.pathColor).hexString)"))
        // Every class used is defined in both palettes, and the attributes keep the light values.
        let themed = reading.classes.filter { $0.range(of: #"^[fs][0-9]+$"#, options: .regularExpression) != nil }
        #expect(themed.count > 10)
        for name in themed {
            #expect(lightRules.contains(".\(name){") && darkRules.contains(".\(name){"), "class \(name)")
        }
        #expect(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" class=\""))
    }

    @Test func oneThemeWritesNoStyleSheetAndTheLightSVGIsUnchanged() throws {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let svg = figure.svgDocument(font: font)
        #expect(!svg.contains("<style>") && !svg.contains("class=\"f"))
        let dark = figure.svgDocument(font: font, theme: .dark)
        #expect(!dark.contains("<style>"))
        #expect(dark.contains("fill=\"\(Theme.dark.background.hexString)\""))
    }

    /// librsvg, which applies class rules but no `prefers-color-scheme` query, draws the auto SVG
    /// exactly as the light one: a reader without a dark setting sees the book's figure.
    @Test func librsvgDrawsTheAutoSVGAsTheLightOne() throws {
        let figure = TrajectoryFigures.trajectory(rosenbrockRun)
        guard let auto = try Librsvg.draw(figure.svgDocument(font: font, theme: .light, darkTheme: .dark), of: figure),
            let light = try Librsvg.draw(figure.svgDocument(font: font), of: figure)
        else { return }
        #expect(auto.rgba == light.rgba)
    }

    /// The dark SVG and the dark PNG draw the same figure (librsvg against the raster canvas, with
    /// the tolerance of ``BackendAgreementTests``).
    @Test func theDarkSVGAndTheDarkPNGAgree() throws {
        let figure = TrajectoryFigures.trajectory(rosenbrockRun)
        guard let vector = try Librsvg.draw(figure.svgDocument(font: font, theme: .dark), of: figure) else { return }
        let raster = try PNGCodec.decode(try figure.pngData(font: font, theme: .dark))
        let comparison = ImageComparison(raster, vector, threshold: 64)
        #expect(comparison.meanDifference.allSatisfy { $0 < 1 }, "\(comparison.meanDifference)")
        #expect(comparison.regions.filter { $0.pixels > 4 }.isEmpty)
    }

    @Test func aTransparentPNGHasAlpha0InTheBackgroundAndOpaqueBoxes() throws {
        let figure = TrajectoryFigures.trajectory(rosenbrockRun)
        for theme in [Theme.light, .dark] {
            let image = try PNGCodec.decode(try figure.pngData(font: font, theme: theme.transparent()))
            #expect(image.pixel(3, 3).a == 0, "\(theme.name): figure background")
            #expect(image.pixel(3, image.height - 3).a == 0)
            // Inside the axes, away from the contours: the axes' background is left out too.
            let inside = (80..<576).filter { image.pixel($0, 62).a == 0 }
            #expect(inside.count > 100, "\(theme.name): transparent pixels along the top of the axes")
            // Text stays opaque.
            let text = (0..<image.width).flatMap { x in (432..<475).map { image.pixel(x, $0).a } }.max()
            #expect(text == 255)
        }
        let svg = figure.svgDocument(font: font, theme: Theme.dark.transparent())
        #expect(!svg.contains("<rect width=\"100%\""))
        #expect(!svg.contains("fill=\"\(Theme.dark.background.hexString)\""))
    }
}

/// SVG drawn by librsvg, the independent renderer of ``BackendAgreementTests``.
enum Librsvg {
    /// `svg` drawn at `figure`'s size, decoded; `nil`, with an issue recorded, without `rsvg-convert`
    /// (an unchecked picture must not look like a passing one).
    static func draw(_ svg: String, of figure: Figure) throws -> PNGCodec.Image? {
        guard let renderer = BackendAgreementTests.rsvgConvert else {
            Issue.record("rsvg-convert is not on PATH: install librsvg2-bin (apt-get install -y librsvg2-bin)")
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-rsvg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try PNGCodec.decode(
            try BackendAgreementTests.render(
                svg, width: Int(figure.width.rounded(.up)), height: Int(figure.height.rounded(.up)), with: renderer,
                in: folder))
    }
}
