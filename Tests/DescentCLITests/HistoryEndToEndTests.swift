import DescentPlot
import Foundation
import Testing

/// `descent trajectory --history FILE`: a path computed elsewhere, drawn as a run is.
@Suite struct HistoryEndToEndTests {
    /// The `.npy` fixtures NumPy wrote (Tests/DescentCoreTests/Fixtures/npy/make_npy_fixtures.py).
    static let npyFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DescentCoreTests/Fixtures/npy")

    /// What `--data` writes, read back by `--history` with the same function and figure flags,
    /// draws the run's own figure: the same SVG bytes, the same PNG pixels.
    @Test(arguments: [
        ["--preset", "sphere"],
        ["--preset", "sphere", "--lr", "10", "--steps", "100", "--contour", "filled"],
        ["--function", "x0^2/20 + x1^2", "--init", "-7,2", "--lr", "0.9", "--steps", "30"],
        ["--preset", "rosenbrock", "--lr", "0.001", "--steps", "300", "--title", "mine"],
        ["--function", "0.01*x^2 + 0.1*x", "--init", "5", "--lr", "10"],
        ["--function", "x0^2 + x1^2 + x2^2", "--init", "1,2,3", "--gradient", "analytic"],
    ])
    func aHistoryWrittenByDataDrawsTheRunsFigure(run arguments: [String]) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let runOnly: Set = ["--init", "--lr", "--steps"]
        var shared: [String] = []
        var index = 0
        while index < arguments.count {
            if !runOnly.contains(arguments[index]) { shared += arguments[index...index + 1] }
            index += 2
        }
        for format in ["json", "csv"] {
            let run = try CommandRunner.run(
                ["trajectory"] + arguments + ["--data", "run.\(format)", "--output", "run.svg"], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            _ = try CommandRunner.run(["trajectory"] + arguments + ["--output", "run.png"], in: directory)
            let drawn = try CommandRunner.run(
                ["trajectory", "--history", "run.\(format)"] + shared + ["--output", "history.svg"], in: directory)
            #expect(drawn.status == 0, "\(drawn.stderr)")
            _ = try CommandRunner.run(
                ["trajectory", "--history", "run.\(format)"] + shared + ["--output", "history.png"], in: directory)
            let file = { (name: String) in try Data(contentsOf: directory.appendingPathComponent(name)) }
            #expect(try file("run.svg") == file("history.svg"), "\(format) \(arguments)")
            let runImage = try PNGCodec.decode(try file("run.png"))
            let historyImage = try PNGCodec.decode(try file("history.png"))
            #expect(
                runImage.width == historyImage.width && runImage.rgba == historyImage.rgba, "\(format) \(arguments)")
            // The same summary: the status is the run's, judged again from the points and f.
            #expect(drawn.stdout.split(separator: "\n").dropLast() == run.stdout.split(separator: "\n").dropLast())
        }
    }

    @Test func numPysHistoryIsDrawnAndJudgedFromItsPointsAlone() throws {
        let path = Self.npyFolder.appendingPathComponent("book-x-history.npy").path
        let result = try CommandRunner.run(["trajectory", "--history", path, "--json", "--output", "h.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "recorded")
        #expect(json["status"] as? String == "converged")
        #expect(json["function"] is NSNull && json["values"] is NSNull)
        #expect((json["history"] as? [Any])?.count == 19)
    }

    /// A recorded history without its function, of one or three variables: its coordinates
    /// against the step, in one panel.
    @Test(arguments: [("5\n4\n3.2\n", 640), ("1,2,3\n0.5,1,1.5\n0.25,0.5,0.75\n", 640)])
    func withoutAFunctionCoordinatesAreDrawnAgainstTheStep(csv: String, width: Int) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try csv.write(to: directory.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["trajectory", "--history", "h.csv", "--output", "h.png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("h.png")))
        #expect(image.width == width)
    }

    /// The bad-input table of issue 10: one line naming the file and its fault, exit 64, no file.
    static let badInput: [(name: String, contents: [UInt8]?, extra: [String], message: String)] = [
        ("truncated.npy", nil, [], "the header promises 80 bytes of data (shape [5, 2], <f8) but the file holds 75"),
        ("truncated-header.npy", nil, [], "truncated inside the header (40 bytes, the header ends at 128)"),
        ("bad-header.npy", nil, [], "bad header: 'shape' must be a tuple of sizes, such as (20, 2)"),
        ("object.npy", nil, [], "an object array ('|O'): its data is a pickle, which is never loaded; save numbers"),
        (
            "three-d.npy", nil, [],
            "shape (2, 3, 2) has 3 dimensions; a history is (n, d), n points of d coordinates, or (n,) for one variable"
        ),
        ("eleven-columns.npy", nil, [], "shape (3, 11): 11 columns; at most 10 (x0 … x9) are read"),
        (
            "claims-more.npy", nil, [],
            "the header promises 16000000 bytes of data (shape [1000000, 2], <f8) but the file holds 80"
        ),
        ("empty.npy", nil, [], "an empty history: no points"),
        ("ragged.csv", Array("1,2\n3,4\n5\n".utf8), [], "line 3: 1 values where the first row has 2"),
        (
            "text.csv", Array("step,x0,x1\n0,1,2\n1,one,2\n".utf8), [],
            "line 3, column 1: \"one\" is not a number (such as -3, 2.5e-8, nan, inf)"
        ),
        (
            "other.json", Array("{\"runs\": [[1, 2]]}".utf8), [],
            "not one of the two shapes read: JSON histories are a trajectory object {\"history\": [[x0, x1], …], \"final\": […]} or an array of points [[x0, x1], …]"
        ),
        ("empty.json", Array("[]".utf8), [], "an empty history: no points"),
        ("empty.csv", Array("".utf8), [], "an empty history: no rows of numbers"),
        (
            "wide.csv", Array("1,2,3\n".utf8), ["--preset", "sphere"],
            "points of 3 coordinates but x0^2 + x1^2 is a function of 2"
        ),
        ("h.txt", Array("1,2\n".utf8), [], "the file name must end in .npy, .csv or .json"),
    ]

    @Test(arguments: badInput.indices)
    func badHistoriesGetOneLineAndNoFile(index: Int) throws {
        let (name, contents, extra, message) = Self.badInput[index]
        let directory = try CommandRunner.temporaryDirectory()
        let input = try CommandRunner.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: input)
        }
        let bytes = try contents ?? [UInt8](Data(contentsOf: Self.npyFolder.appendingPathComponent("bad/\(name)")))
        let path = input.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner.run(
            ["trajectory", "--history", path, "--data", "out.json"] + extra, in: directory)
        #expect(result.stderr == "descent: --history \(path): \(message)\n")
        #expect(result.stdout.isEmpty)
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(arguments: ["--lr", "--init=-3,4", "--steps", "--optimizer", "--momentum"])
    func flagsOfARunToMakeAreRefused(flag: String) throws {
        let values = ["--lr": "1", "--steps": "5", "--optimizer": "adam", "--momentum": "0.5"]
        let value = values[flag].map { [$0] } ?? []
        let result = try CommandRunner.run(["trajectory", "--history", "h.csv", flag] + value)
        let name = flag.prefix { $0 != "=" }
        #expect(
            result.stderr
                == "descent: \(name) describes a run to make; --history h.csv draws one already made (its start is its first point)\n"
        )
        #expect(result.status == 64)
    }
}
