import Descent
import DescentTestSupport
import Foundation
import Testing

/// The two backends draw the same figure: every gallery figure's SVG, rendered by an independent
/// renderer (librsvg's `rsvg-convert`), matches its PNG from the raster backend.
///
/// Two anti-aliasing rasterizers never agree pixel for pixel, so the test allows what differs
/// between good renderers and catches what a wrong drawing gives: the mean absolute difference of
/// each channel stays below 1 (of 255), and no connected patch of more than 4 pixels differs by
/// more than 64 in any channel (edges may shift by a fraction of a pixel, shapes may not move, go
/// missing or change colour). On an unexpected failure the three images (PNG, librsvg's,
/// difference) are kept in a temporary folder that the message names. Without `rsvg-convert` the
/// test fails: an unchecked backend must not look like an agreeing one.
@Suite struct BackendAgreementTests {
    /// The gallery's figures (`descent gallery`), made through the library. The network figures
    /// draw a synthetic training log of the gallery's shape (10000 iterations, 17 epochs), which
    /// exercises the same drawing as a real one without the minute of training; the landscape, a
    /// bowl of the shape of a real one (``LossLandscapeFigureTests/landscape``).
    static func galleryFigure(_ name: String, font: Font) throws -> Figure {
        let runs = try [0.1, 10, 1e-8].map {
            try GradientDescent.run(Preset.sphere.objective, from: Preset.sphere.start, learningRate: $0, steps: 20)
        }
        let training = [0.01, 0.1, 1].enumerated().map { index, rate in
            syntheticRun(label: "lr = \(NumberText.shortest(rate))", seed: UInt64(index + 1), speed: rate)
        }
        switch name {
        case "trajectory": return TrajectoryFigures.trajectory(runs[0], options: .init(style: .book))
        case "lr_comparison": return TrajectoryFigures.comparison(runs, options: .init(style: .book))
        case "train_loss": return TrainingFigures.loss([training[1]])
        case "train_accuracy": return TrainingFigures.accuracy([training[1]])
        case "lr_comparison_net": return TrainingFigures.loss(training)
        case "landscape": return LossLandscapeFigures.figure(LossLandscapeFigureTests.landscape)
        default: throw SetupError(description: "no gallery figure \(name)")
        }
    }

    static let galleryNames = [
        "trajectory", "lr_comparison", "train_loss", "train_accuracy", "lr_comparison_net", "landscape",
    ]

    /// A loss that falls from about 2.3 (ln 10, chance over 10 classes) at a rate set by `speed`,
    /// with SplitMix64 noise, and accuracies that rise per epoch.
    static func syntheticRun(label: String, seed: UInt64, speed: Double) -> TrainingFigures.Run {
        var state = seed
        func noise() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) - 0.5
        }
        let loss = (0..<10_000).map { i in 0.35 + 1.95 * exp(-Double(i) * speed / 300) + 0.4 * noise() }
        let train = (0..<17).map { epoch in 0.85 - 0.75 * exp(-Double(epoch) * speed * 3) }
        return TrainingFigures.Run(
            label: label, loss: loss, smoothedLoss: smoothCurve(loss), trainAccuracy: train,
            testAccuracy: train.map { $0 - 0.01 })
    }

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    /// `rsvg-convert` on PATH, or `nil`.
    static var rsvgConvert: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map {
            URL(fileURLWithPath: String($0)).appendingPathComponent("rsvg-convert")
        }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `svg` rendered by librsvg at `width` × `height` pixels, as PNG.
    static func render(_ svg: String, width: Int, height: Int, with renderer: URL, in folder: URL) throws -> Data {
        let input = folder.appendingPathComponent("figure.svg")
        let output = folder.appendingPathComponent("librsvg.png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = renderer
        process.arguments = ["--width", "\(width)", "--height", "\(height)", "--output", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupError(description: "rsvg-convert failed (\(process.terminationStatus)): \(message)")
        }
        return try Data(contentsOf: output)
    }

    @Test(arguments: galleryNames)
    func theSVGRenderedByLibrsvgMatchesThePNG(name: String) throws {
        guard let renderer = Self.rsvgConvert else {
            Issue.record("rsvg-convert is not on PATH: install librsvg2-bin (apt-get install -y librsvg2-bin)")
            return
        }
        try Self.compareBackends(name, renderer: renderer)
    }

    /// Draws gallery figure `name` through both backends and compares them, recording each
    /// disagreement and leaving its images in a temporary folder that the message names.
    static func compareBackends(_ name: String, renderer: URL) throws {
        let font = try Font.standard()
        let figure = try galleryFigure(name, font: font)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-backends-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var keepsFolder = false
        defer { if !keepsFolder { try? FileManager.default.removeItem(at: folder) } }
        let pngData = try figure.pngData(font: font)
        let raster = try PNGCodec.decode(pngData)
        let vector = try PNGCodec.decode(
            try render(
                figure.svgDocument(font: font), width: raster.width, height: raster.height, with: renderer, in: folder))
        try #require(
            vector.width == raster.width && vector.height == raster.height,
            "librsvg drew \(vector.width)×\(vector.height), the PNG is \(raster.width)×\(raster.height)")

        let comparison = ImageComparison(raster, vector, threshold: 64)
        let meanOK = comparison.meanDifference.allSatisfy { $0 < 1 }
        let large = comparison.regions.filter { $0.pixels > 4 }
        #expect(
            meanOK,
            "\(name): mean absolute difference per channel (R, G, B, A) \(comparison.meanDifference) reaches 1")
        #expect(large.isEmpty, "\(name): \(large.count) regions differ by more than 64: \(large.prefix(5))")
        guard !(meanOK && large.isEmpty) else { return }
        keepsFolder = true
        try pngData.write(to: folder.appendingPathComponent("descent.png"))
        try comparison.differenceImage().write(to: folder.appendingPathComponent("difference.png"))
        Issue.record("\(name): descent.png, librsvg.png and difference.png are in \(folder.path)")
    }
}
