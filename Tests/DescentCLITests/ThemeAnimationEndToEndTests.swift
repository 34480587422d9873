import DescentPlot
import Foundation
import Testing

/// `--theme`, `--transparent`, `--animate` and `--duration`, as a user gives them.
@Suite struct ThemeAnimationEndToEndTests {
    /// Every figure command, each with arguments that keep it quick, and the figures it writes.
    static let figureCommands: [(arguments: [String], files: [String])] = [
        (["trajectory"], ["figure.png"]),
        (["compare"], ["figure.png"]),
        (["sweep", "--count", "5"], ["figure.png"]),
        (["field"], ["figure.png"]),
        (["tangent"], ["figure.png"]),
        (["train", "--iters", "20", "--hidden", "5"], ["figure.png", "train_accuracy.png"]),
    ]

    @Test(arguments: figureCommands.indices)
    func everyFigureCommandDrawsInTheDarkTheme(index: Int) throws {
        let (arguments, files) = Self.figureCommands[index]
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(arguments + ["--theme", "dark", "--output", "figure.png"], in: directory)
        #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
        for file in files {
            let image = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent(file)))
            let corner = image.pixel(2, 2)
            let hex = String(format: "#%02x%02x%02x", corner.r, corner.g, corner.b)
            #expect(hex == Theme.dark.background.hexString, "\(arguments[0]) \(file): corner \(hex)")
        }
    }

    @Test func autoWritesOneSVGThatFollowsTheReadersSetting() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "trajectory", "--preset", "rosenbrock", "--lr", "0.001", "--steps", "500", "--theme", "auto",
                "--output",
                "figure.svg",
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("figure.svg"), encoding: .utf8)
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("{fill:#ffffff}") && svg.contains("{fill:\(Theme.dark.background.hexString)}"))
    }

    @Test func anAutoPNGIsTheLightPNG() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CommandRunner.run(["field", "--theme", "auto", "--output", "auto.png"], in: directory).status == 0)
        #expect(try CommandRunner.run(["field", "--output", "light.png"], in: directory).status == 0)
        let auto = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("auto.png")))
        let light = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("light.png")))
        #expect(auto.rgba == light.rgba)
    }

    @Test func transparentLeavesTheBackgroundOut() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["trajectory", "--theme", "dark", "--transparent", "--output", "figure.png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("figure.png")))
        #expect(image.pixel(2, 2).a == 0 && image.pixel(500, 380).a == 0, "figure and axes backgrounds")
        #expect(image.pixel(80, 300).a == 255, "the spine stays")
        let svg = try CommandRunner.run(["trajectory", "--transparent", "--output", "figure.svg"], in: directory)
        #expect(svg.status == 0)
        let document = try String(contentsOf: directory.appendingPathComponent("figure.svg"), encoding: .utf8)
        #expect(!document.contains("<rect width=\"100%\""))
    }

    @Test(arguments: ["trajectory", "compare"])
    func animateWritesAnSVGWhosePointsAppearStepByStep(command: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [command, "--animate", "--duration", "2.5", "--output", "figure.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("figure.svg"), encoding: .utf8)
        // 2.5 s of steps and the 1.5 s pause: 4 s cycles, forever.
        #expect(svg.contains("<animate attributeName=\"opacity\" values=\"0;1\""))
        #expect(svg.contains("dur=\"4s\" repeatCount=\"indefinite\""))
        #expect(!svg.contains("<script"))
    }

    @Test func animateRefusesAPNGAndWritesNothing() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["trajectory", "--animate", "--output", "figure.png"], in: directory)
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "descent: --animate writes an animated SVG, and figure.png is not one; use --output FILE.svg\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        // Nor into the default output/trajectory.png.
        let byDefault = try CommandRunner.run(["compare", "--animate"], in: directory)
        #expect(byDefault.status == 64 && byDefault.stderr.contains("use --output FILE.svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(arguments: ["0", "-1", "nan", "inf", "abc", "1e9"])
    func aDurationMustBePositive(value: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["trajectory", "--animate", "--duration=\(value)", "--output", "figure.svg"], in: directory)
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "descent: The value '\(value)' is invalid for '--duration <seconds>': expected a number of seconds greater than 0 and at most 3600, such as 4\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aDurationWithoutAnimateIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["trajectory", "--duration", "3", "--output", "figure.svg"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr == "descent: --duration sets the length of an animation; add --animate\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anUnknownThemeNamesTheChoices() throws {
        let result = try CommandRunner.run(["field", "--theme", "sepia"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("descent: The value 'sepia' is invalid for '--theme <theme>'"))
        #expect(result.stderr.contains("light") && result.stderr.contains("dark") && result.stderr.contains("auto"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
