import ArgumentParser
import DescentCore
import DescentPlot
import Foundation

/// `descent gallery`: every figure Descent draws, with the book's settings, as PNG and SVG.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Draw every figure with the book's settings into a folder, as PNG and SVG.",
        discussion: """
            Writes trajectory.png/.svg (the book's Figure 4-10) and lr_comparison.png/.svg (lr 0.1,
            10 and 1e-8 side by side). The README shows these files.
            """
    )

    @Option(help: ArgumentHelp("The folder to write into; created if missing.", valueName: "folder"))
    var outputDir = "output"

    func run() throws {
        let font: Font
        do { font = try Font.standard() } catch { throw CommandError.usage(error.description) }
        do {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        } catch {
            throw CommandError.cannotCreate("--output-dir \(outputDir): cannot create the folder")
        }
        let sphere = Preset.sphere.objective
        let start = Preset.sphere.start
        let book = try GradientDescent.run(sphere, from: start, learningRate: 0.1, steps: 20)
        let runs = try [0.1, 10, 1e-8].map { try GradientDescent.run(sphere, from: start, learningRate: $0, steps: 20) }
        let figures: [(String, Figure)] = [
            ("trajectory", TrajectoryFigures.trajectory(book)),
            ("lr_comparison", TrajectoryFigures.comparison(runs, font: font)),
        ]
        for (name, figure) in figures {
            for format in Figure.FileFormat.allCases {
                let path = (outputDir as NSString).appendingPathComponent("\(name).\(format.rawValue)")
                do {
                    try figure.save(
                        to: path, font: font, metadata: [("Software", "Descent"), ("Command", "descent gallery")])
                } catch {
                    throw CommandError.cannotCreate(error.description)
                }
                print("wrote \(path)")
            }
        }
    }
}
