import Descent
import Foundation
import Testing

/// The README's example program, run as written (in a temporary folder).
@Suite struct LibraryUsageTests {
    @Test func theReadmeProgramDrawsTheBookFigure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trajectory.png").path

        // README begin
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        print(run.outcome.status, run.final)  // converged [-0.03458764513817675, 0.04611686018418694]
        let figure = TrajectoryFigures.trajectory(run, options: .init(title: "x0² + x1², lr = 0.1"))
        try figure.fileData(.png, font: Font.standard()).write(to: URL(fileURLWithPath: path))
        // README end

        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(image.width == 640 && image.height == 480)
        #expect(run.final == [-0.03458764513817675, 0.04611686018418694])
    }
}
