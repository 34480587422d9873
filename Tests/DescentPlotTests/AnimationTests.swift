import DescentCore
import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Animated SVG: the points of a path appear one step at a time through SMIL, one animation per
/// point, and the document's static picture (what a viewer without animation shows) is the plain
/// SVG's.
@Suite struct AnimationTests {
    let font: Font
    let bookRun: Trajectory

    init() throws {
        font = try Font.standard()
        bookRun = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
    }

    /// The `<animate>` elements of an SVG, each with its attributes and its parent element's name,
    /// read by XMLParser.
    final class Animations: NSObject, XMLParserDelegate {
        struct Entry {
            let attributes: [String: String]
            let parent: String
        }
        var entries: [Entry] = []
        private var stack: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            if name == "animate" { entries.append(Entry(attributes: attributes, parent: stack.last ?? "")) }
            stack.append(name)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }

    static func animations(_ svg: String) throws -> [Animations.Entry] {
        let parser = XMLParser(data: Data(svg.utf8))
        let reading = Animations()
        parser.delegate = reading
        try #require(parser.parse(), "the animated SVG is well-formed XML")
        return reading.entries
    }

    static let animation = SVGAnimation(duration: 4, pause: 1.5)!

    @Test func theBooksFigureHoldsOneAnimationPerPointInTheOrderOfTheSteps() throws {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let entries = try Self.animations(figure.svgDocument(font: font, animation: Self.animation))
        #expect(entries.count == bookRun.history.count, "one per point of the history")
        #expect(entries.allSatisfy { $0.attributes["attributeName"] == "opacity" && $0.parent == "g" })
        #expect(entries.allSatisfy { $0.attributes["dur"] == "5.5s" && $0.attributes["repeatCount"] == "indefinite" })
        // The first point shows at once; each later one from its step on: i/19 of the 4 s, in 5.5 s cycles.
        #expect(entries[0].attributes["values"] == "1")
        for (index, entry) in entries.enumerated().dropFirst() {
            #expect(entry.attributes["values"] == "0;1" && entry.attributes["calcMode"] == "discrete")
            let key = try #require(entry.attributes["keyTimes"]?.split(separator: ";").last.flatMap { Double($0) })
            #expect(abs(key - Double(index) / 19 * 4 / 5.5) < 1e-5, "point \(index) at \(key)")
        }
    }

    @Test func theLandscapePathGrowsPointByPoint() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        let figure = TrajectoryFigures.trajectory(run)
        let entries = try Self.animations(figure.svgDocument(font: font, animation: Self.animation))
        let points = run.points.count
        // The line: one stroke-dasharray animation with a value per point, growing to the whole path.
        let lines = entries.filter { $0.attributes["attributeName"] == "stroke-dasharray" }
        try #require(lines.count == 1)
        #expect(lines[0].parent == "path")
        let values = try #require(lines[0].attributes["values"]).split(separator: ";")
        let keys = try #require(lines[0].attributes["keyTimes"]).split(separator: ";").compactMap { Double($0) }
        #expect(values.count == points && keys.count == points)
        let dashes = values.compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }
        #expect(zip(dashes, dashes.dropFirst()).allSatisfy { $0 < $1 }, "the dash grows every step")
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 } && keys[0] == 0)
        // The markers: one per point of the path, plus the end marker (with the last point).
        let markers = entries.filter { $0.attributes["attributeName"] == "opacity" }
        #expect(markers.count == points + 1)
    }

    /// What a viewer that ignores animation shows: librsvg draws the animated SVG pixel for pixel
    /// as the plain one, and the two documents differ only by the animation's elements.
    @Test(arguments: ["book", "landscape", "comparison"])
    func theStaticPictureIsThePlainSVGs(figureName: String) throws {
        let runs = try [0.1, 10, 1e-8].map {
            try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: $0, steps: 20)
        }
        let figure =
            switch figureName {
            case "book": TrajectoryFigures.trajectory(runs[0], options: .init(style: .book))
            case "landscape":
                TrajectoryFigures.trajectory(
                    try GradientDescent.run(
                        Preset.rosenbrock.objective, from: Preset.rosenbrock.start, learningRate: 1e-3, steps: 500))
            default: TrajectoryFigures.comparison(runs)
            }
        let plain = figure.svgDocument(font: font)
        let animated = figure.svgDocument(font: font, animation: Self.animation)
        #expect(plain != animated && !plain.contains("<animate"))
        // Without the <animate> elements and the bare <g> that hold them, the same elements in
        // the same order.
        func elements(_ svg: String) -> [String] {
            svg.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.hasPrefix("<animate ") && $0 != "<g>" }
                .map {
                    $0.replacingOccurrences(of: #"^<(path [^>]*[^/])>$"#, with: "<$1/>", options: .regularExpression)
                }
                .filter { $0 != "</path>" }
        }
        let (plainElements, animatedElements) = (elements(plain), elements(animated))
        // Each bare <g> closes with a </g>: drop as many of those as there were <g> openings.
        let opened = animated.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == "<g>" }.count
        #expect(animatedElements.filter { $0 == "</g>" }.count - opened == plainElements.filter { $0 == "</g>" }.count)
        let (kept, expected) = (animatedElements.filter { $0 != "</g>" }, plainElements.filter { $0 != "</g>" })
        let firstDifference = Array(zip(kept, expected)).firstIndex { $0 != $1 }
        #expect(kept.count == expected.count && firstDifference == nil, "first difference at \(firstDifference ?? -1)")

        guard let plainPixels = try Librsvg.draw(plain, of: figure),
            let animatedPixels = try Librsvg.draw(animated, of: figure)
        else { return }
        #expect(plainPixels.rgba == animatedPixels.rgba, "identical pixels")
    }

    @Test func pointsThatLeaveTheViewAreMarkedWhenTheFirstOfThemLeaves() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 10, steps: 20)
        let figure = TrajectoryFigures.comparison([run], options: .init(style: .book))
        let svg = figure.svgDocument(font: font, animation: Self.animation)
        // The marks sit in the outside-view group, each in a <g> that appears with its first point
        // (step 1 or later, never at the start).
        let group = try #require(svg.range(of: "<g class=\"outside-view\">"))
        let first = try #require(svg.range(of: "<animate ", range: group.upperBound..<svg.endIndex))
        let element = svg[first.lowerBound...].prefix { $0 != "\n" }
        #expect(element.contains("values=\"0;1\""), "\(element)")
    }

    @Test func aLineBrokenByNonFinitePointsAppearsWholeWithItsFirstPoint() {
        var line = LineArtist(xs: [0, 1, .nan, 3, 4], ys: [0, 1, 2, 3, 4]).revealedStepByStep()
        line.revealTimes = [0, 0.25, 0.5, 0.75, 1]
        var axes = Axes()
        axes.add(line)
        var figure = Figure()
        figure[0, 0] = axes
        let svg = figure.svgDocument(font: font, animation: Self.animation)
        #expect(!svg.contains("stroke-dasharray\" values"))
        #expect(svg.contains("<animate attributeName=\"opacity\" values=\"1\""))
    }

    @Test func anAnimationNeedsAPositiveDuration() {
        #expect(SVGAnimation(duration: 0) == nil)
        #expect(SVGAnimation(duration: -1) == nil)
        #expect(SVGAnimation(duration: .nan) == nil && SVGAnimation(duration: .infinity) == nil)
        #expect(SVGAnimation(duration: 4, pause: -1) == nil)
        #expect(SVGAnimation()?.duration == 4 && SVGAnimation()?.pause == 1.5)
    }

    @Test func aPNGCannotBeAnimated() throws {
        let figure = TrajectoryFigures.trajectory(bookRun, options: .init(style: .book))
        let error = #expect(throws: Figure.EncodingError.self) {
            try figure.fileData(.png, font: font, animation: Self.animation)
        }
        #expect(error?.description == "a PNG cannot be animated; write the animation to an .svg file")
    }
}
