import DescentCore
import Foundation
import Testing

@testable import DescentPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG backend writes well-formed XML whatever the texts hold, read back by Foundation's
/// XMLParser (libxml2).
@Suite struct SVGXMLTests {
    /// What a parse of an XML document found: whether it was well-formed, the character data of
    /// each `<text>` element, and every attribute value.
    final class Reading: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var attributes: [String] = []
        private var textDepth = 0

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            self.attributes += attributes.values
            if name == "text" {
                texts.append("")
                textDepth += 1
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { textDepth -= 1 }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if textDepth > 0 { texts[texts.count - 1] += string }
        }
    }

    /// Parses `document`, recording an issue with libxml2's message if it is not well-formed.
    static func parse(_ document: String, sourceLocation: SourceLocation = #_sourceLocation) -> Reading {
        let parser = XMLParser(data: Data(document.utf8))
        let reading = Reading()
        parser.delegate = reading
        let wellFormed = parser.parse()
        #expect(
            wellFormed, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")",
            sourceLocation: sourceLocation)
        return reading
    }

    static let hostileTitle = "a\u{1}b\u{FFFE}c\u{FFFF}d&<>\"e\u{1B}[0m"

    @Test func aTitleWithCharactersXMLForbidsStillGivesWellFormedSVG() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        let figure = TrajectoryFigures.trajectory(run, options: .init(title: Self.hostileTitle))
        let font = try Font.standard()
        for mode in [SVGCanvas.TextMode.characters, .outlines] {
            let reading = Self.parse(figure.svgDocument(font: font, textMode: mode))
            if mode == .characters {
                #expect(reading.texts.contains("a\u{FFFD}b\u{FFFD}c\u{FFFD}d&<>\"e\u{FFFD}[0m"))
            }
        }
    }

    @Test func groupNamesAreEscapedInTheirAttribute() {
        var canvas = SVGCanvas(width: 10, height: 10)
        canvas.beginGroup("q\"<&>\u{0}\u{8}")
        canvas.endGroup()
        #expect(Self.parse(canvas.document).attributes.contains("q\"<&>\u{FFFD}\u{FFFD}"))
    }

    @Test func everyCharacterOutsideXMLsCharProductionIsReplaced() {
        let forbidden: [Unicode.Scalar] = ["\u{0}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
        let allowed: [Unicode.Scalar] = [
            "\t", "\n", "\r", " ", "\u{7F}", "\u{85}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}", "\u{10FFFF}",
        ]
        for scalar in forbidden { #expect(XMLText.escaped(String(scalar)) == "\u{FFFD}", "\(scalar.value)") }
        for scalar in allowed { #expect(XMLText.escaped(String(scalar)) == String(scalar), "\(scalar.value)") }
        #expect(XMLText.escaped("&<>\"'") == "&amp;&lt;&gt;&quot;'")
    }
}
