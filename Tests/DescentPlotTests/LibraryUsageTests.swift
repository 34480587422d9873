import Descent
import Foundation
import Testing

/// The README's example program, run as written (in a temporary folder), and kept the same as
/// the README's: `.ci/library-example.sh` builds the README's copy as a package of its own.
@Suite struct LibraryUsageTests {
    @Test func theReadmeProgramDrawsTheBooksRunBesideAPathOfItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("descent.png").path

        // README begin
        // The book's run: x0² + x1² from (−3, 4), lr = 0.1, 20 steps of the numerical gradient.
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        print(run.outcome.status, run.final)  // converged [-0.03458764513817675, 0.04611686018418694]
        print(run.history[1][0])  // -2.399999999999622, x0 after the first update

        // A path computed here: heavy-ball momentum on the same function, written out by hand.
        var x = [-3.0, 4.0]
        var velocity = [0.0, 0.0]
        var path = [x]
        for _ in 0..<20 {
            let gradient = x.map { 2 * $0 }
            velocity = zip(velocity, gradient).map { 0.9 * $0 - 0.05 * $1 }
            x = zip(x, velocity).map(+)
            path.append(x)
        }
        let momentum = try Trajectory(recorded: path, objective: Preset.sphere.objective)
        print(momentum.outcome.status, momentum.outcome.reason)

        var figure = Figure(columns: 2)
        figure[0, 0] = TrajectoryFigures.axes(for: run, options: .init(title: "SGD, lr = 0.1", style: .book))
        figure[0, 1] = TrajectoryFigures.axes(for: momentum, options: .init(title: "momentum, by hand"))
        try figure.fileData(.png, font: Font.standard()).write(to: URL(fileURLWithPath: file))
        // README end

        let image = try PNGCodec.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(image.width == 1280 && image.height == 480)
        #expect(run.final == [-0.03458764513817675, 0.04611686018418694])
        #expect(run.history[1][0] == -2.399999999999622)
        #expect(momentum.history.count == 20 && momentum.final == x)
    }

    /// The lines between the markers above are the README's program, but for the file it saves
    /// (`"descent.png"` in the README, a temporary `file` here).
    @Test func theReadmeShowsTheProgramThatRuns() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let test = try String(contentsOf: here, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Using the library").dropFirst().first)
        let program = try #require(
            section.components(separatedBy: "```swift\nimport Descent\nimport Foundation\n\n").dropFirst().first)
        let readmeProgram = program.components(separatedBy: "\n```")[0]
            .replacingOccurrences(of: "URL(fileURLWithPath: \"descent.png\")", with: "URL(fileURLWithPath: file)")
        let marked = test.components(separatedBy: "// README begin\n")[1].components(
            separatedBy: "\n        // README end")[0]
        let testProgram = marked.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? $0.dropFirst(8) : $0 }.joined(separator: "\n")
        #expect(readmeProgram == testProgram)
    }
}
