import Foundation
import Testing

@testable import DescentPlot

/// The quiver artist against matplotlib's own arrow polygons for the book's Figure 4-9
/// (Golden/quiver_matplotlib.json, made by Golden/make_quiver_reference.py).
@Suite struct QuiverTests {
    let reference: [String: Any]

    init() throws {
        let url = try #require(Bundle.module.url(forResource: "Golden/quiver_matplotlib", withExtension: "json"))
        reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The book's 18 × 18 arrows of −2·(x0, x1) (the exact gradient, which differs from the
    /// numerical one in the 12th digit), in the book's axes box and view.
    private func bookQuiver() -> (QuiverArtist, AxesFrame) {
        let axis = (0..<18).map { -2 + Double($0) * 0.25 }
        let points = axis.flatMap { y in axis.map { x in (x, y) } }
        let artist = QuiverArtist(
            xs: points.map(\.0), ys: points.map(\.1), us: points.map { -2 * $0.0 }, vs: points.map { -2 * $0.1 },
            color: Color(hex: "#666666")!)
        let frame = AxesFrame(
            box: Rect(x: 80, y: 57.6, width: 496, height: 369.6), xLimits: -2...2, yLimits: -2...2, xScale: .linear,
            yScale: .linear, units: PlotUnits(), font: try! Font.standard(), textScale: 1,
            cell: Rect(x: 0, y: 0, width: 640, height: 480))
        return (artist, frame)
    }

    @Test func widthAndScaleAreMatplotlibsAutoscale() throws {
        let (artist, _) = bookQuiver()
        #expect(abs(artist.resolvedWidth - (try #require(reference["width"] as? Double))) < 1e-15)
        #expect(abs(artist.resolvedScale / (try #require(reference["scale"] as? Double)) - 1) < 1e-9)
    }

    @Test func arrowPolygonsAreMatplotlibsWithinAThousandthOfAPixel() throws {
        let (artist, frame) = bookQuiver()
        let polygons = artist.polygons(in: frame)
        let arrows = try #require(reference["arrows"] as? [[String: Any]])
        #expect(arrows.count == 7)
        for arrow in arrows {
            let point = try #require(arrow["point"] as? [Double])
            let expected = try #require(arrow["polygon"] as? [[Double]])
            let index = try #require(artist.xs.indices.first { artist.xs[$0] == point[0] && artist.ys[$0] == point[1] })
            let polygon = try #require(polygons[index])
            // matplotlib repeats the first vertex (and, for the hexagonal dot, the second).
            #expect(polygon.count == (point == [0, 0] ? 6 : 7), "at \(point)")
            for (vertex, reference) in zip(polygon, expected) {
                #expect(
                    abs(vertex.x - reference[0]) < 1e-3 && abs(vertex.y - reference[1]) < 1e-3,
                    "at \(point): \(vertex) vs \(reference)")
            }
        }
    }

    @Test func nonFiniteArrowsAreLeftOutAndDoNotChangeTheScale() {
        let artist = QuiverArtist(xs: [0, 1, 2], ys: [0, 0, 0], us: [1, .nan, 1], vs: [0, 0, .infinity])
        #expect(artist.resolvedScale == 1.8 * 1 * 10)
        let frame = AxesFrame(
            box: Rect(x: 0, y: 0, width: 100, height: 100), xLimits: -1...3, yLimits: -1...1, xScale: .linear,
            yScale: .linear, units: PlotUnits(), font: try! Font.standard(), textScale: 1,
            cell: Rect(x: 0, y: 0, width: 100, height: 100))
        let polygons = artist.polygons(in: frame)
        #expect(polygons[0] != nil && polygons[1] == nil && polygons[2] == nil)
    }

    @Test func allZeroVectorsAreDotsNotNaN() {
        let artist = QuiverArtist(xs: [0, 1], ys: [0, 0], us: [0, 0], vs: [0, 0])
        let frame = AxesFrame(
            box: Rect(x: 0, y: 0, width: 100, height: 100), xLimits: -1...2, yLimits: -1...1, xScale: .linear,
            yScale: .linear, units: PlotUnits(), font: try! Font.standard(), textScale: 1,
            cell: Rect(x: 0, y: 0, width: 100, height: 100))
        for polygon in artist.polygons(in: frame) {
            #expect(polygon?.count == 6)
            #expect(polygon?.allSatisfy { $0.x.isFinite && $0.y.isFinite } == true)
        }
    }
}
