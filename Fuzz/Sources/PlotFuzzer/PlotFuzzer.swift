// Harness: the figure pipeline (Sources/DescentPlot) fed random figures — layout, ticks and
// their labels, scales (linear, log, symlog), lines with dashes and markers, guide lines, text
// with boxes and arrows, filled regions, legends, notes, insets, points outside the view — drawn
// on both backends: the rasterizer through `PNGCodec` (libpng) and the SVG writer.
//
// Input: decisions taken from the bytes by `FuzzInput` (see `randomFigure`). Sizes are kept
// small (at most 320 × 240 px) so that a run takes milliseconds; data values are anything,
// NaN and ±∞ included, as a diverged run gives them; explicit limits are finite and ordered (a
// `ClosedRange` cannot be otherwise).
// Invariants: the PNG decodes (libpng) to the figure's size in pixels; the SVG document parses
// as XML, its root is `<svg>` and no number in its geometry is NaN or infinite.

import DescentPlot
import Foundation
import FuzzSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

let font: Font = {
    do { return try Font.standard() } catch { fatalError("\(error)") }
}()

/// `DESCENT_FUZZ_DEBUG=1`: dump each input's figure to stderr and write its SVG to `debugSVGPath`.
let debugging = ProcessInfo.processInfo.environment["DESCENT_FUZZ_DEBUG"] != nil
let debugSVGPath = NSTemporaryDirectory() + "/plot-fuzz-debug.svg"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let figure = randomFigure(&input)
    let textMode: SVGCanvas.TextMode = input.bool() ? .outlines : .characters
    if debugging {  // DESCENT_FUZZ_DEBUG=1: the figure an input makes, for a regression test
        var text = ""
        dump(figure, to: &text)
        FileHandle.standardError.write(Data(text.utf8))
    }

    let png: Data
    do {
        png = try figure.pngData(font: font, metadata: [("Title", input.string(maximumLength: 16))])
    } catch {
        fuzzCheck(false, "PNG encoding failed: \(error)")
        return 0
    }
    do {
        let image = try PNGCodec.decode(png)
        let (width, height) = (Int(figure.width.rounded(.up)), Int(figure.height.rounded(.up)))
        fuzzCheck(
            image.width == width && image.height == height,
            "PNG \(image.width)×\(image.height), figure \(width)×\(height)")
    } catch {
        fuzzCheck(false, "the PNG does not decode: \(error)")
    }

    let svg = figure.svgDocument(font: font, textMode: textMode)
    if debugging { _ = FileManager.default.createFile(atPath: debugSVGPath, contents: Data(svg.utf8)) }
    let checker = SVGChecker()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = checker
    fuzzCheck(
        parser.parse(), "SVG is not XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
    fuzzCheck(checker.root == "svg", "SVG root is \(checker.root ?? "none")")
    if let fault = checker.fault { fuzzCheck(false, fault) }
    return 0
}

/// Checks elements as the parser meets them: numbers in geometry attributes are finite.
final class SVGChecker: NSObject, XMLParserDelegate {
    var root: String?
    var fault: String?
    static let geometry: Set<String> = [
        "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "transform",
        "stroke-width", "viewBox", "stroke-dasharray", "font-size", "opacity", "fill-opacity", "stroke-opacity",
    ]

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        for (key, value) in attributes where Self.geometry.contains(key) {
            let lower = value.lowercased()
            if lower.contains("nan") || lower.contains("inf") {
                fault = fault ?? "<\(name) \(key)=\"\(value)\">: not a finite number"
            }
        }
    }
}

// MARK: - Random figures

func randomColor(_ input: inout FuzzInput) -> Color {
    if input.bool() { return input.pick(Color.cycle) }
    return Color(
        red: input.double(in: 0...1), green: input.double(in: 0...1), blue: input.double(in: 0...1),
        alpha: input.double(in: 0...1))
}

func randomText(_ input: inout FuzzInput) -> RichText {
    let base = input.string(maximumLength: 20)
    return input.bool() ? RichText(base) : RichText.power(base: base, exponent: input.string(maximumLength: 4))
}

/// A finite ordered range, or nil (automatic limits).
func randomLimits(_ input: inout FuzzInput) -> ClosedRange<Double>? {
    guard input.bool() else { return nil }
    let a = input.finiteDouble()
    let b = input.finiteDouble()
    return min(a, b)...max(a, b)
}

func randomScale(_ input: inout FuzzInput) -> Scale {
    switch input.byte() % 4 {
    case 0, 1: .linear
    case 2: .log
    default: .symlog(linearThreshold: max(abs(input.finiteDouble()), 1e-300))
    }
}

func randomValues(_ input: inout FuzzInput, count: Int) -> [Double] {
    let mode = input.byte() % 3
    return (0..<count).map { index in
        switch mode {
        case 0: input.double()  // anything
        case 1: Double(index) + input.double(in: -1...1)  // an ordinary series
        default: input.double(in: -1e6...1e6)
        }
    }
}

func randomArtist(_ input: inout FuzzInput) -> any Artist {
    switch input.byte() % 5 {
    case 0, 1:
        let count = input.int(in: 0...12)
        return LineArtist(
            xs: randomValues(&input, count: count), ys: randomValues(&input, count: count),
            style: input.pick(LineStyle.allCases), width: input.double(in: 0...12), color: randomColor(&input),
            marker: input.bool()
                ? Marker(
                    input.pick(MarkerShape.allCases), size: input.double(in: 0...30),
                    face: input.bool() ? randomColor(&input) : nil, edge: input.bool() ? randomColor(&input) : nil,
                    edgeWidth: input.double(in: 0...5)) : nil,
            label: input.bool() ? input.string(maximumLength: 16) : nil, marksPointsOutsideView: input.bool())
    case 2:
        return GuideLine(
            input.bool() ? .horizontal : .vertical, at: input.double(), style: input.pick(LineStyle.allCases),
            width: input.double(in: 0...8), color: randomColor(&input))
    case 3:
        let anchor: TextArtist.Anchor =
            input.bool()
            ? .data(input.double(), input.double()) : .axesFraction(input.double(in: -1...2), input.double(in: -1...2))
        return TextArtist(
            randomText(&input), at: anchor, horizontal: input.pick([.left, .center, .right]),
            vertical: input.pick([.baseline, .top, .center, .bottom]), size: input.double(in: 1...30),
            color: randomColor(&input), boxed: input.bool(),
            arrowTo: input.bool() ? (input.double(), input.double()) : nil)
    default:
        let count = input.int(in: 0...8)
        return RegionArtist(
            xs: randomValues(&input, count: count), ys: randomValues(&input, count: count), color: randomColor(&input),
            outlineWidth: input.bool() ? input.double(in: 0...5) : nil)
    }
}

func randomAxes(_ input: inout FuzzInput, depth: Int = 0) -> Axes {
    var axes = Axes()
    if input.bool() { axes.title = randomText(&input) }
    if input.bool() { axes.xLabel = randomText(&input) }
    if input.bool() { axes.yLabel = randomText(&input) }
    axes.xLimits = randomLimits(&input)
    axes.yLimits = randomLimits(&input)
    axes.xScale = randomScale(&input)
    axes.yScale = randomScale(&input)
    axes.grid = input.bool()
    for _ in 0..<input.int(in: 0...4) { axes.add(randomArtist(&input)) }
    if input.bool() { axes.legend = input.pick(LegendLocation.allCases) }
    axes.note = (0..<input.int(in: 0...2)).map { _ in randomText(&input) }
    axes.textScale = input.double(in: 0.25...3)
    if depth == 0, input.byte() % 4 == 0 {
        let bounds = Rect(
            x: input.double(in: -0.5...1.5), y: input.double(in: -0.5...1.5), width: input.double(in: 0...1),
            height: input.double(in: 0...1))
        let region: (x: ClosedRange<Double>, y: ClosedRange<Double>)? =
            input.bool() ? randomLimits(&input).flatMap { x in randomLimits(&input).map { (x, $0) } } : nil
        axes.insets.append(Inset(bounds: bounds, axes: randomAxes(&input, depth: 1), region: region))
    }
    return axes
}

/// A figure of 1 … 2 × 1 … 2 panels, 8 … 320 × 8 … 240 px at 20 … 200 dpi.
func randomFigure(_ input: inout FuzzInput) -> Figure {
    var figure = Figure(
        width: input.double(in: 8...320), height: input.double(in: 8...240), dpi: input.double(in: 20...200),
        rows: input.int(in: 1...2), columns: input.int(in: 1...2))
    if input.byte() % 8 == 0 { figure.background = randomColor(&input) }
    for index in figure.panels.indices { figure.panels[index] = randomAxes(&input) }
    return figure
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver (see `fuzzerMain`).
@_cdecl("PlotFuzzer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
