import Foundation
import Testing

/// `descent landscape` on Fashion-MNIST, kept short: a few dozen updates, a small grid.
@Suite struct LandscapeEndToEndTests {
    struct Landscape: Decodable {
        struct Grid: Decodable {
            let a: [Double]
            let b: [Double]
            let loss: [[Double]]
        }
        struct Interpolation: Decodable {
            let alpha: [Double]
            let loss: [Double]
        }
        let iterations: Int
        let eval_samples: Int
        let directions: String
        let explained_variance: [Double]
        let path: [[Double]]
        let grid: Grid
        let interpolation: Interpolation
    }

    static let quick = ["landscape", "--iters", "30", "--hidden", "10", "--eval-samples", "300", "--grid", "5"]

    @Test func theLandscapeOfARunHoldsWhatTheIssueAsks() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            Self.quick + ["--json", "--data", "landscape.json", "--output", "landscape.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let landscape = try JSONDecoder().decode(Landscape.self, from: Data(result.stdout.utf8))
        #expect(landscape.iterations == 30 && landscape.eval_samples == 300 && landscape.directions == "pca")
        let variance = landscape.explained_variance
        #expect(variance.count == 2 && variance.allSatisfy { (0...1).contains($0) })
        #expect(variance[0] >= variance[1] && variance[0] + variance[1] <= 1)
        #expect(landscape.path.count == 31, "every update of 30 (30 / 100 rounds to 1) and the start")
        #expect(landscape.path.last == [0, 0])
        let grid = landscape.grid
        #expect(
            grid.a.count == 5 && grid.b.count == 5 && grid.loss.count == 5 && grid.loss.allSatisfy { $0.count == 5 })
        let (i, j) = (try #require(grid.a.firstIndex(of: 0)), try #require(grid.b.firstIndex(of: 0)))
        let alpha = landscape.interpolation.alpha
        #expect(alpha.first == -0.5 && alpha.last == 1.5 && alpha.contains(0))
        #expect(grid.loss[j][i] == landscape.interpolation.loss[try #require(alpha.firstIndex(of: 1))])
        let written = try Data(contentsOf: directory.appendingPathComponent("landscape.json"))
        #expect(String(decoding: written, as: UTF8.self) == result.stdout)
        let svg = try String(contentsOf: directory.appendingPathComponent("landscape.svg"), encoding: .utf8)
        #expect(svg.contains("viewBox=\"0 0 1280 480\""), "two panels of 640 × 480")
    }

    @Test func theDefaultFigureIsAPNGOfTwoPanelsInTheOutputFolder() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            Self.quick + ["--directions", "random", "--data", "grid.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("random directions explain "))
        #expect(result.stdout.hasSuffix("wrote output/landscape.png\n"))
        let png = try Data(contentsOf: directory.appendingPathComponent("output/landscape.png"))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && width == 1280 && height == 480)
        let csv = try String(contentsOf: directory.appendingPathComponent("grid.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "a,b,loss" && rows.count == 26)
    }

    @Test(arguments: [
        (
            ["--grid", "2"],
            "The value '2' is invalid for '--grid <n>': expected a whole number of points per axis from 3 to 401, such as 41"
        ),
        (
            ["--grid", "402"],
            "The value '402' is invalid for '--grid <n>': expected a whole number of points per axis from 3 to 401, such as 41"
        ),
        (["--eval-samples", "60001"], "--eval-samples 60001: the data has only 60000 training images"),
        (
            ["--snapshot-every", "0"],
            "The value '0' is invalid for '--snapshot-every <K>': expected a whole number of updates from 1 to 1000000"
        ),
        (["--snapshot-every", "31"], "--snapshot-every 31: larger than the run's 30 iterations"),
        (
            ["--snapshot-every", "30"],
            "--snapshot-every 30: keeps 2 snapshots of 30 iterations, and PCA needs at least 3; lower --snapshot-every or raise --iters"
        ),
        (
            ["--extent", "0"],
            "The value '0' is invalid for '--extent <E>': expected a number from 1e-8 to 1e8, such as 2.5"
        ),
        (
            ["--extent=-1"],
            "The value '-1' is invalid for '--extent <E>': expected a number from 1e-8 to 1e8, such as 2.5"
        ),
        (
            ["--extent", "1e308"],
            "The value '1e308' is invalid for '--extent <E>': expected a number from 1e-8 to 1e8, such as 2.5"
        ),
        (
            ["--extent", "5e-324"],
            "The value '5e-324' is invalid for '--extent <E>': expected a number from 1e-8 to 1e8, such as 2.5"
        ),
        (
            ["--extent", "inf"],
            "The value 'inf' is invalid for '--extent <E>': expected a number from 1e-8 to 1e8, such as 2.5"
        ),
        (["--lr", "0.1,1"], "landscape draws one run: give one learning rate and one optimiser, not 2 runs"),
        (
            ["--lr", "1e308"],
            "--lr 1e308: the run diverged: its parameters are no longer finite; lower the learning rate"
        ),
        (
            ["--lr", "1e308", "--directions", "random"],
            "--lr 1e308: the run diverged: its parameters are no longer finite; lower the learning rate"
        ),
        (
            ["--iters", "300", "--snapshot-every", "1"],
            "--snapshot-every 1: keeps 301 snapshots of 300 iterations, at most 201 are allowed; raise --snapshot-every to at least 2"
        ),
    ])
    func badInputIsOneLineAndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Small settings, but for the flag under test.
        let small = [("--iters", "30"), ("--eval-samples", "100"), ("--grid", "3")].filter { !arguments.contains($0.0) }
        let base = ["landscape", "--hidden", "5"] + small.flatMap { [$0.0, $0.1] }
        let result = try CommandRunner.run(base + arguments + ["--data", "landscape.json"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
