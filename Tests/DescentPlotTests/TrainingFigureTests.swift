import Descent
import Testing

@testable import DescentPlot

/// The loss and accuracy figures, checked where a reader looks: each curve's pixels where the axes
/// transform puts its values, in its colour and line style, and the runs made from training logs.
@Suite struct TrainingFigureTests {
    let font: Font

    init() throws {
        font = try Font.standard()
    }

    /// The frame of `figure`'s only panel, after layout.
    private func panelFrame(_ figure: Figure) throws -> AxesFrame {
        let box = try #require(figure.layout(font: font).first)
        return figure.panels[0].frame(box: box, cell: figure.cells[0], units: PlotUnits(dpi: figure.dpi), font: font)
    }

    /// Whether `pixel` is within `tolerance` of the colour `hex`.
    private func isColor(_ pixel: (r: UInt8, g: UInt8, b: UInt8, a: UInt8), _ hex: String, tolerance: Int = 40)
        -> Bool
    {
        let color = Color(hex: hex)!
        let expected = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return zip([pixel.r, pixel.g, pixel.b].map(Int.init), expected).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func theSmoothedLossIsDrawnInC0WhereItsValuesAre() throws {
        let loss = (0..<300).map { (i: Int) -> Double in 2.3 - 0.006 * Double(i) + (i % 2 == 0 ? 0.05 : -0.05) }
        let run = TrainingFigures.Run(
            label: "lr = 0.1", loss: loss, smoothedLoss: smoothCurve(loss), trainAccuracy: [], testAccuracy: [])
        let figure = TrainingFigures.loss([run])
        let frame = try panelFrame(figure)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        #expect(image.width == 640 && image.height == 480)
        for iteration in stride(from: 30, to: 280, by: 50) {
            let center = frame.pixel(Double(iteration), run.smoothedLoss[iteration])
            let pixel = image.pixel(Int(center.x), Int(center.y.rounded(.down)))
            #expect(isColor(pixel, "#1f77b4"), "smoothed loss at iteration \(iteration), \(center): \(pixel)")
            // 25 px above the curve, beyond the ±0.05 of the raw loss: the white of the axes.
            #expect(image.pixel(Int(center.x), Int(center.y) - 25) == (255, 255, 255, 255))
        }
        // The raw loss, zigzagging ±0.05 around the curve, is a translucent C0 (alpha 0.3) beside it.
        let high = frame.pixel(100, loss[100])
        let raw = image.pixel(Int(high.x), Int(high.y.rounded()))
        #expect(raw.b > raw.r && raw.r > 120, "raw loss at \(high): \(raw)")
        #expect(figure.panels[0].legend == nil)
    }

    @Test func severalRunsGetTheColourCycleAndALegend() throws {
        let runs = [0.01, 0.1].map { rate in
            TrainingFigures.Run(
                TrainingLog(learningRate: rate, loss: (0..<100).map { _ in rate == 0.01 ? 2.0 : 1.0 }))
        }
        #expect(runs.map(\.label) == ["lr = 0.01", "lr = 0.1"])
        let figure = TrainingFigures.loss(runs)
        #expect(figure.panels[0].legend == .best)
        let frame = try panelFrame(figure)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        for (value, hex) in [(2.0, "#1f77b4"), (1.0, "#ff7f0e")] {
            let center = frame.pixel(10, value)
            let pixel = image.pixel(Int(center.x), Int(center.y.rounded(.down)))
            #expect(isColor(pixel, hex), "loss \(value) at \(center): \(pixel)")
        }
    }

    /// The book's Figure 4-12: train solid in C0, test dashed in C1, y from 0 to 1, the legend at
    /// the lower right.
    @Test func theAccuracyFigureIsTheBooks() throws {
        let run = TrainingFigures.Run(
            TrainingLog(
                learningRate: 0.1, loss: [1],
                accuracy: [(0.1, 0.1), (0.5, 0.45), (0.8, 0.75), (0.9, 0.85)].enumerated().map {
                    TrainingLog.Accuracy(iteration: $0.offset * 600, train: $0.element.0, test: $0.element.1)
                }))
        let figure = TrainingFigures.accuracy([run])
        let axes = figure.panels[0]
        #expect(axes.resolvedLimits.y == 0...1 && axes.legend == .lowerRight)
        let frame = try panelFrame(figure)
        let image = try PNGCodec.decode(try figure.pngData(font: font))
        // Halfway between epochs 1 and 2 the solid train line is C0.
        let train = frame.pixel(1.5, 0.65)
        #expect(isColor(image.pixel(Int(train.x), Int(train.y.rounded(.down))), "#1f77b4"), "train at \(train)")
        // Along the test line from epoch 0 to 1: C1 dashes with white gaps.
        let samples = stride(from: 0.05, to: 0.95, by: 0.01).map { t -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) in
            let point = frame.pixel(t, 0.1 + 0.35 * t)
            return image.pixel(Int(point.x), Int(point.y.rounded(.down)))
        }
        let orange = samples.filter { isColor($0, "#ff7f0e", tolerance: 60) }.count
        let white = samples.filter { $0.r > 240 && $0.g > 240 && $0.b > 240 }.count
        #expect(orange > 20 && white > 5, "dashed test line: \(orange) orange, \(white) white of \(samples.count)")
        // The lower right quarter of the box holds no data, only the legend's samples of both lines.
        let box = frame.box
        let quarter = (Int(box.center.x)..<Int(box.maxX)).flatMap { x in
            (Int(box.center.y)..<Int(box.maxY)).map { image.pixel(x, $0) }
        }
        #expect(quarter.contains { isColor($0, "#1f77b4", tolerance: 10) }, "the legend's train sample")
        #expect(quarter.contains { isColor($0, "#ff7f0e", tolerance: 10) }, "the legend's test sample")
    }

    @Test func aLogBecomesTheRunItsFiguresShow() {
        let loss = (0..<50).map { 1 / Double($0 + 1) }
        let log = TrainingLog(
            learningRate: 0.001, optimizer: "adam", loss: loss,
            accuracy: [TrainingLog.Accuracy(iteration: 0, train: 0.1, test: 0.2)])
        let byRate = TrainingFigures.Run(log)
        #expect(byRate.label == "lr = 0.001" && byRate.marker == nil)
        #expect(byRate.loss == loss && byRate.smoothedLoss == smoothCurve(loss))
        #expect(byRate.trainAccuracy == [0.1] && byRate.testAccuracy == [0.2])
        let byOptimizer = TrainingFigures.Run(log, labelledBy: .optimizer)
        #expect(byOptimizer.label == "Adam" && byOptimizer.marker == .diamond)
        let unknown = TrainingFigures.Run(
            TrainingLog(learningRate: 0.1, optimizer: "lion", loss: loss), labelledBy: .optimizer)
        #expect(unknown.label == "lion" && unknown.marker == nil)
    }
}
