import DescentPlot
import Foundation
import Testing

/// `descent field` (Figure 4-9) and `descent tangent` (Figure 4-7), as a user runs them.
@Suite struct FieldEndToEndTests {
    /// The pixel of data point (x, y) in the book's 640 × 480 axes box on view x × y.
    static func pixel(_ x: Double, _ y: Double, x view: ClosedRange<Double>, y yView: ClosedRange<Double>) -> (
        Double, Double
    ) {
        (
            80 + (x - view.lowerBound) / (view.upperBound - view.lowerBound) * 496,
            57.6 + 369.6 - (y - yView.lowerBound) / (yView.upperBound - yView.lowerBound) * 369.6
        )
    }

    static func gray(_ image: PNGCodec.Image, _ x: Double, _ y: Double) -> Int {
        let p = image.pixel(Int(x), Int(y))
        return (Int(p.r) + Int(p.g) + Int(p.b)) / 3
    }

    @Test func theBookFigureHasArrowsPointingToTheOriginAndItsNumbers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["field", "--json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json.keys.sorted() == ["function", "points", "sign", "vectors"])
        #expect(json["function"] as? String == "x0^2 + x1^2")
        let points = try #require(json["points"] as? [[Double]])
        let vectors = try #require(json["vectors"] as? [[Double]])
        #expect(points.count == 324 && vectors.count == 324)
        #expect(points.first == [-2, -2] && points[1] == [-1.75, -2] && points.last == [2.25, 2.25])
        for (point, vector) in zip(points, vectors) {
            #expect(abs(vector[0] + 2 * point[0]) < 1e-9 && abs(vector[1] + 2 * point[1]) < 1e-9)
        }

        let image = try PNGCodec.decode(
            try Data(contentsOf: directory.appendingPathComponent("output/gradient_field.png")))
        #expect(image.width == 640 && image.height == 480)
        // The arrow at (1, 1) is about 12.5 px long and points to the origin: down and left on screen.
        let (tailX, tailY) = Self.pixel(1, 1, x: -2...2, y: -2...2)
        let (originX, originY) = Self.pixel(0, 0, x: -2...2, y: -2...2)
        let length = hypot(originX - tailX, originY - tailY)
        let (dx, dy) = ((originX - tailX) / length, (originY - tailY) / length)
        for distance in [3.0, 6, 9] {
            #expect(Self.gray(image, tailX + dx * distance, tailY + dy * distance) < 160, "\(distance) px ahead")
        }
        #expect(Self.gray(image, tailX - dx * 5, tailY - dy * 5) > 240, "behind the tail")
        #expect(Self.gray(image, tailX + dx * 16, tailY + dy * 16) > 240, "past the head")
    }

    @Test func ascentArrowsPointAwayFromTheMinimum() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["field", "--sign", "ascent", "--output", "up.png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("up.png")))
        let (tailX, tailY) = Self.pixel(1, 1, x: -2...2, y: -2...2)
        let (dx, dy) = (124 / hypot(124, 92.4), -92.4 / hypot(124, 92.4))
        #expect(Self.gray(image, tailX + dx * 6, tailY + dy * 6) < 160)
        #expect(Self.gray(image, tailX - dx * 6, tailY - dy * 6) > 240)
    }

    @Test func aFunctionUndefinedOnPartOfTheGridDrawsTheRestAndWarns() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            [
                "field", "--function", "log(x0) + x1", "--output", "log.svg", "--svg-text", "characters", "--data",
                "log.csv",
            ], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "descent: warning: the gradient of log(x0) + x1 is not finite at 162 of 324 points (the first at (-2, -2)); they have no arrow\n"
        )
        let svg = try String(contentsOf: directory.appendingPathComponent("log.svg"), encoding: .utf8)
        #expect(svg.contains("not finite at 162 of 324 points"))
        let csv = try String(contentsOf: directory.appendingPathComponent("log.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("x0,x1,v0,v1\n-2,-2,nan,"))
        #expect(csv.split(separator: "\n").count == 325)
    }

    @Test func aDenseGridAcrossTheAxesEdgeDraws() throws {
        // 202 × 202 arrows; the first, clipped at the box's left edge x = 80, crashed the
        // rasterizer (an edge interpolated to x = −1e-17, one column before its buffer).
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["field", "--step", "0.02", "--output", "dense.png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("40804 arrows of -∇f for x0^2 + x1^2 on a grid of 202 × 202 points"))
    }

    @Test func pngAndSVGDrawTheSameArrows() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(
            try CommandRunner.run(["field", "--output", "f.svg", "--svg-text", "characters"], in: directory).status == 0
        )
        let svg = try String(contentsOf: directory.appendingPathComponent("f.svg"), encoding: .utf8)
        // 17 × 17 arrows: those of the row and column at 2.25, past the view, are about 20 px
        // long and start 31 px outside it, so they do not reach in (nor do they in matplotlib's).
        #expect(svg.components(separatedBy: "fill=\"#666666\"").count - 1 == 17 * 17)
        #expect(svg.contains(">x0</text>") && svg.contains(">x1</text>"))
    }

    @Test(arguments: [
        (
            ["field", "--step", "0"],
            "The value '0' is invalid for '--step <spacing>': expected a finite grid spacing greater than 0, such as 0.25"
        ),
        (
            ["field", "--step", "0.001"],
            "--step 0.001 makes 16016004 arrows over -2..2 × -2..2; at most 1000000 are drawn (a step of about 0.00401 or more)"
        ),
        (
            ["field", "--function", "x0^2"],
            "x0^2 is a function of 1 variable; a gradient field is drawn for two (x0 and x1, or x and y)"
        ),
        (
            ["field", "--function", "log(-x0*x0 - 1) + x1"],
            "the gradient of log(-x0*x0 - 1) + x1 is not finite at any of the 324 points of the grid; choose a view where it is defined (--xlim, --ylim)"
        ),
        (
            ["field", "--sign", "sideways"],
            "The value 'sideways' is invalid for '--sign <sign>'. Please provide one of 'descent' and 'ascent'."
        ),
        (
            ["tangent", "--function", "x0*x1"],
            "--function x0*x1 is a function of 2 variables; a tangent line is drawn for one (x or x0), such as 0.01*x^2 + 0.1*x"
        ),
        (
            ["tangent", "--at", "inf"],
            "The value 'inf' is invalid for '--at <x,…>': 'inf' is not a finite number; expected points separated by commas, such as 5 or 5,10"
        ),
        (
            ["tangent", "--at", ""],
            "The value '' is invalid for '--at <x,…>': an empty item is not a finite number; expected points separated by commas, such as 5 or 5,10"
        ),
        (
            ["tangent", "--at", "1,,2"],
            "The value '1,,2' is invalid for '--at <x,…>': an empty item is not a finite number; expected points separated by commas, such as 5 or 5,10"
        ),
        (
            ["tangent", "--function", "log(x)", "--at", "-1"],
            "--at -1: log(x) has no finite tangent there (f = nan, slope = nan)"
        ),
    ])
    func badInputIsOneLineExit64AndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(arguments, in: directory)
        #expect(result.stderr == "descent: \(message)\n")
        #expect(result.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}

@Suite struct TangentEndToEndTests {
    @Test func theBookSlopesBitForBitAndTheJSONShape() throws {
        let result = try CommandRunner.run(["tangent", "--at", "5,10", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["function"] as? String == "0.01*x^2 + 0.1*x")
        let tangents = try #require(json["tangents"] as? [[String: Double]])
        #expect(tangents.map { $0.keys.sorted() } == [["at", "intercept", "slope"], ["at", "intercept", "slope"]])
        #expect(tangents.map { $0["at"] } == [5, 10])
        // Foundation's JSONSerialization on Linux reads decimals a bit off: compare the text,
        // which reads back to the book's Double exactly.
        let slopes = result.stdout.components(separatedBy: "\"slope\": ").dropFirst().map {
            Double($0.prefix { $0 != "," })
        }
        #expect(slopes.map { $0?.bitPattern } == [(0.1999999999990898).bitPattern, (0.2999999999986347).bitPattern])
    }

    @Test func theTangentPassesThroughTheCurveAtFive() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["tangent"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "tangent of 0.01*x^2 + 0.1*x at 5: slope 0.1999999999990898, intercept -0.24999999999544897\nwrote output/tangent.png\n"
        )
        let image = try PNGCodec.decode(try Data(contentsOf: directory.appendingPathComponent("output/tangent.png")))
        // The book's view: x over 0…19.9 and y over tangent(0)…f(19.9), each with 5 % margins.
        let f = { (x: Double) in 0.01 * x * x + 0.1 * x }
        let (low, high) = (0.1999999999990898 * 0 - 0.24999999999544897, f(19.9))
        let xView = (0 - 0.995)...(19.9 + 0.995)
        let yView = (low - 0.05 * (high - low))...(high + 0.05 * (high - low))
        let (x, y) = FieldEndToEndTests.pixel(5, f(5), x: xView, y: yView)
        let isOrange = { (px: Int, py: Int) in
            let p = image.pixel(px, py)
            return p.r > 220 && (100...170).contains(p.g) && p.b < 90
        }
        #expect((-1...1).contains { dx in (-1...1).contains { dy in isOrange(Int(x) + dx, Int(y) + dy) } })
        // The curve (C0) runs under it there, and the two part further along.
        let (farX, farY) = FieldEndToEndTests.pixel(15, f(15), x: xView, y: yView)
        let blue = image.pixel(Int(farX), Int(farY))
        #expect(blue.b > 150 && blue.r < 80, "\(blue)")
        #expect(!isOrange(Int(farX), Int(farY)))
    }

    @Test func theDataFileHoldsTheCurveAndEachTangent() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(
            ["tangent", "--at", "5,10", "--data", "t.csv", "--output", "t.svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("t.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "x,f(x),tangent at 5,tangent at 10")
        #expect(rows.count == 201)
        #expect(rows[1] == "0,0,-0.24999999999544897,-0.9999999999863469")
    }
}
