import DescentPlot
import Foundation
import Testing

/// The figures, as a user makes them from the command line.
@Suite struct FigureEndToEndTests {
    @Test func trajectoryDrawsTheBookFigureIntoOutputByDefault() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["trajectory", "--lr", "0.1"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("wrote output/trajectory.png\n"))
        let data = try Data(contentsOf: directory.appendingPathComponent("output/trajectory.png"))
        let image = try PNGCodec.decode(data)
        #expect(image.width == 640 && image.height == 480)
        let text = PNGCodec.textChunks(of: data)
        #expect(text["Software"] == "Descent")
        #expect(text["Command"] == "descent trajectory --lr 0.1")
    }

    @Test func sizeTitleAndFormatFollowTheFlags() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "trajectory", "--width", "800", "--height", "300", "--title", "Gradient descent", "--svg-text",
                "characters",
                "--xlim=-4,4", "--output", "run.svg",
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("run.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"800px\" height=\"300px\" viewBox=\"0 0 800 300\""))
        #expect(svg.contains(">Gradient descent</text>"))
        #expect(svg.contains(">−4</text>") && svg.contains(">4</text>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.svg"])
    }

    @Test func compareDrawsOnePanelPerLearningRateAndPrintsTheRuns() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["compare", "--json", "--data", "runs.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try JSONDecoder().decode([TrajectoryJSON].self, from: Data(result.stdout.utf8))
        #expect(runs.map(\.lr) == [0.1, 10, 1e-8])
        #expect(runs.map(\.status) == ["converged", "stalled", "stalled"])
        let image = try PNGCodec.decode(
            try Data(contentsOf: directory.appendingPathComponent("output/lr_comparison.png")))
        #expect(image.width == 1920 && image.height == 480)
        let csv = try String(contentsOf: directory.appendingPathComponent("runs.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("lr,step,x0,x1,value,gradient_norm\n0.1,0,-3,4,25,"))
        #expect(csv.split(separator: "\n").count == 1 + 3 * 21)
    }

    @Test func aBadLearningRateListNamesTheBadOne() throws {
        let result = try CommandRunner.run(["compare", "--lr", "0.1,abc"])
        #expect(
            result.stderr
                == "descent: The value '0.1,abc' is invalid for '--lr <rates>': 'abc' is not a finite number greater than 0; expected learning rates separated by commas, such as 0.1,10,1e-8\n"
        )
        #expect(result.status == 64)
    }

    @Test func aMissingFontIsNamedWithTheWayOut() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["trajectory"], in: directory, environment: ["DESCENT_FONT": "/nonexistent.ttf"])
        #expect(
            result.stderr
                == "descent: the font file /nonexistent.ttf does not exist; install fonts-dejavu-core or set DESCENT_FONT to a TrueType font\n"
        )
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

@Suite struct GalleryEndToEndTests {
    @Test func theGalleryHoldsEveryFigureAsPNGAndSVG() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["gallery", "--output-dir", "figures", "--iters", "20", "--eval-samples", "200", "--grid", "5"],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = directory.appendingPathComponent("figures")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
                == Set(
                    [
                        "trajectory", "lr_comparison", "train_loss", "train_accuracy", "lr_comparison_net",
                        "landscape", "gradient_field", "tangent", "optimizers", "optimizers_overlay", "rosenbrock",
                        "himmelblau",
                        "lr_sweep", "trajectory_dark",
                    ].flatMap { ["\($0).png", "\($0).svg"] } + ["trajectory_auto.svg", "optimizers_animated.svg"]))
        let landscape = try PNGCodec.decode(try Data(contentsOf: folder.appendingPathComponent("landscape.png")))
        #expect(landscape.width == 1280 && landscape.height == 480)
        let optimizers = try PNGCodec.decode(try Data(contentsOf: folder.appendingPathComponent("optimizers.png")))
        #expect(optimizers.width == 1280 && optimizers.height == 960)
        let comparison = try PNGCodec.decode(try Data(contentsOf: folder.appendingPathComponent("lr_comparison.png")))
        #expect(comparison.width == 1920 && comparison.height == 480)
        let svg = try String(contentsOf: folder.appendingPathComponent("trajectory.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    }

    /// A one-letter folder that does not exist yet crashed the folder check (SIGILL in
    /// `NSString.deletingLastPathComponent`); the missing data directory, checked next, stops the
    /// run before any training.
    @Test(arguments: ["g", "g/"])
    func aOneLetterFolderIsCheckedLikeAnyOther(folder: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["gallery", "--output-dir", folder, "--data-dir", "/nonexistent"], in: directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
