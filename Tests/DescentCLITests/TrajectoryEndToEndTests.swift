import Foundation
import Testing

/// The trajectory JSON of DESIGN.md §3, decoded with `JSONDecoder`, which reads every number
/// back to the exact Double (Foundation's `JSONSerialization` on Linux can be 1 ulp off).
struct TrajectoryJSON: Decodable {
    let function: String
    let optimizer: String
    let gradient: String
    let lr: Double
    let steps: Int
    let `init`: [Double]
    let history: [[Double]]
    let final: [Double]
    let values: [Double]
    let status: String
    let reason: String
}

@Suite struct TrajectoryEndToEndTests {
    private func json(_ arguments: [String]) throws -> TrajectoryJSON {
        let result = try CommandRunner.run(["trajectory", "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return try JSONDecoder().decode(TrajectoryJSON.self, from: Data(result.stdout.utf8))
    }

    @Test func theDefaultRunIsTheBooksWithExactFloats() throws {
        let run = try json([])
        #expect(run.function == "x0^2 + x1^2")
        #expect(run.optimizer == "sgd")
        #expect(run.gradient == "numerical")
        #expect(run.lr == 0.1)
        #expect(run.steps == 20)
        #expect(run.`init` == [-3, 4])
        #expect(run.history.count == 20)
        #expect(run.history.first == [-3, 4])
        let book = [Double("-0x1.1b578c96da178p-5")!, Double("0x1.79ca10c921132p-5")!]
        #expect(run.final.map(\.bitPattern) == book.map(\.bitPattern))
        #expect(run.status == "converged")
        #expect(run.values.first == 25)
    }

    /// The book's run has no contours in its Figure 4-10; asking for them draws its landscape.
    @Test func askingForContoursOfTheBooksRunDrawsItsLandscape() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (flags, contours) in [
            ([String](), false), (["--contour", "filled"], true), (["--contour", "none"], false),
        ] {
            let result = try CommandRunner.run(["trajectory", "--output", "t.svg"] + flags, in: directory)
            #expect(result.status == 0, "\(result.stderr)")
            let svg = try String(contentsOf: directory.appendingPathComponent("t.svg"), encoding: .utf8)
            #expect(svg.contains("ContourArtist") == contours, "\(flags)")
        }
    }

    @Test func anExpressionStartingWithMinusNeedsNoEquals() throws {
        let run = try json(["--function", "-x0-x1", "--init", "1,1", "--steps", "1", "--gradient", "analytic"])
        #expect(run.function == "-x0-x1")
        #expect(run.final == [1.1, 1.1])
    }

    @Test func negativeStartPointsParseWithOrWithoutEquals() throws {
        #expect(try json(["--init", "-3,4"]).`init` == [-3, 4])
        #expect(try json(["--init=-1.5,-2"]).`init` == [-1.5, -2])
    }

    @Test func theBooksFailureCasesAreNamed() throws {
        let frozen = try json(["--lr", "10", "--steps", "100"])
        #expect(frozen.status == "stalled")
        #expect(frozen.reason.hasSuffix("x ± h rounds back to x, so the numerical gradient is 0"))
        let book = [Double("-0x1.78def6d2db05dp+44")!, Double("-0x1.2d92d56dc08a3p+40")!]
        #expect(frozen.final.map(\.bitPattern) == book.map(\.bitPattern))
        #expect(try json(["--lr", "1e-8"]).status == "stalled")
        #expect(try json(["--lr", "1"]).status == "oscillating")
        #expect(try json(["--lr", "10", "--gradient", "analytic"]).status == "diverged")
    }

    @Test func presetsBringTheirFunctionAndStart() throws {
        let run = try json(["--preset", "book-ch6", "--lr", "0.95", "--steps", "30"])
        #expect(run.function == "x^2 / 20 + y^2")
        #expect(run.`init` == [-7, 2])
    }

    @Test func withoutJSONASummaryIsPrinted() throws {
        let result = try CommandRunner.run(["trajectory"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("converged after 20 steps: x = (-0.03458764513817675, 0.04611686018418694)"))
    }

    @Test func dataFilesHoldTheSameNumbers() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["trajectory", "--data", "run.json", "--steps", "5"], in: directory)
        #expect(result.status == 0)
        let written = try Data(contentsOf: directory.appendingPathComponent("run.json"))
        let run = try JSONDecoder().decode(TrajectoryJSON.self, from: written)
        #expect(run.history.count == 5)
        #expect(run.final == (try json(["--steps", "5"])).final)
        #expect(try CommandRunner.run(["trajectory", "--data", "run.csv", "--steps", "5"], in: directory).status == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("run.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 7)
        #expect(csv.hasPrefix("step,x0,x1,value,gradient_norm\n0,-3,4,25,"))
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == [
                "run.json", "run.csv", "output",
            ])
    }

    @Test(arguments: [
        (
            ["--lr", "abc"],
            "descent: The value 'abc' is invalid for '--lr <rate>': expected a finite number greater than 0, such as 0.1 or 1e-8"
        ),
        (
            ["--lr", "nan"],
            "descent: The value 'nan' is invalid for '--lr <rate>': expected a finite number greater than 0, such as 0.1 or 1e-8"
        ),
        (
            ["--lr", "0x10"],
            "descent: The value '0x10' is invalid for '--lr <rate>': expected a finite number greater than 0, such as 0.1 or 1e-8"
        ),
        (
            ["--lr=", "--steps", "3"],
            "descent: --lr=: the value after '=' is empty; give one, as in --lr=VALUE or --lr VALUE"
        ),
        (
            ["--preset", "rosenbrock", "--preset", "sphere"],
            "descent: --preset is given twice; give it once (lists are comma-separated, as in --lr 0.1,10)"
        ),
        (
            ["--init=1e1_0,2"],
            "descent: The value '1e1_0,2' is invalid for '--init <x0,x1,…>': '1e1_0' is not a finite number; expected numbers separated by commas, such as -3,4"
        ),
        (
            ["--xlim=-1e308,1e308"],
            "descent: The value '-1e308,1e308' is invalid for '--xlim <low,high>': the range is wider than the largest number (about 1.8e308), such as -1e300,1e300"
        ),
        (
            ["--levels", "0"],
            "descent: The value '0' is invalid for '--levels <n|a,b,c>': expected a count of levels from 1 to 100, or the levels, such as 0.1,1,10"
        ),
        (
            ["--levels", "1,1"],
            "descent: The value '1,1' is invalid for '--levels <n|a,b,c>': contour levels must increase: 1 follows 1 (e.g. 0.1,1,10)"
        ),
        (
            ["--contour", "dots"],
            "descent: The value 'dots' is invalid for '--contour <contour>'. Please provide one of 'none', 'lines' or 'filled'."
        ),
        (
            ["--lr", "-0.1"],
            "descent: The value '-0.1' is invalid for '--lr <rate>': expected a finite number greater than 0, such as 0.1 or 1e-8"
        ),
        (["--function", "x0^^2"], "descent: --function \"x0^^2\": unexpected '^' at column 4"),
        (
            ["--function", "x0 +"],
            "descent: --function \"x0 +\": unexpected end of expression at column 5; expected a number, a variable or '('"
        ),
        (
            ["--function", "(x0 + x1"],
            "descent: --function \"(x0 + x1\": missing ')' to close the '(' opened at column 1"
        ),
        (
            ["--function", "foo(x0)"],
            "descent: --function \"foo(x0)\": unknown function 'foo' at column 1; known: sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, sign"
        ),
        (["--init", "1"], "descent: --init 1: x0^2 + x1^2 is a function of 2 variables, so give 2 numbers"),
        (
            ["--init", "1,abc"],
            "descent: The value '1,abc' is invalid for '--init <x0,x1,…>': 'abc' is not a finite number; expected numbers separated by commas, such as -3,4"
        ),
        (
            ["--steps", "-5"],
            "descent: The value '-5' is invalid for '--steps <steps>': expected a whole number from 0 to 1000000 (the cap keeps the history in memory)"
        ),
        (
            ["--steps", "100000000000"],
            "descent: The value '100000000000' is invalid for '--steps <steps>': expected a whole number from 0 to 1000000 (the cap keeps the history in memory)"
        ),
        (
            ["--preset", "nope"],
            "descent: The value 'nope' is invalid for '--preset <preset>'. Please provide one of the following: - sphere - book-ch6 - rosenbrock - beale - himmelblau - booth - saddle - rastrigin"
        ),
        (
            ["--optimizer", "adamw"],
            "descent: The value 'adamw' is invalid for '--optimizer <name>'. Please provide one of the following: "
                + "- sgd - momentum - nesterov - adagrad - rmsprop - adam"
        ),
        (["--function", "x^2", "--preset", "sphere"], "descent: give --function or --preset, not both"),
        (
            ["--function", "x0 * x1 * x2"],
            "descent: --init is needed: x0 * x1 * x2 is a function of 3 variables (the default start -3,4 is for two)"
        ),
        (["--output", "figure.pdf"], "descent: --output figure.pdf: the file name must end in .png or .svg"),
        (
            ["--output", "missing/figure.png"],
            "descent: --output missing/figure.png: the directory missing does not exist"
        ),
        (
            ["--width", "0"],
            "descent: The value '0' is invalid for '--width <pixels>': expected a whole number of pixels from 1 to 10000"
        ),
        (
            ["--width", "100000"],
            "descent: The value '100000' is invalid for '--width <pixels>': expected a whole number of pixels from 1 to 10000"
        ),
        (
            ["--height", "-1"],
            "descent: The value '-1' is invalid for '--height <pixels>': expected a whole number of pixels from 1 to 10000"
        ),
        (
            ["--width", "9000", "--height", "9000"],
            "descent: --width 9000 × 1 panel × --height 9000: a figure may be at most 10000 pixels a side and 16 million pixels in all"
        ),
        (
            ["--dpi", "0"],
            "descent: The value '0' is invalid for '--dpi <dpi>': expected dots per inch from 1 to 2400, such as 100"
        ),
        (
            ["--xlim=2,1"],
            "descent: The value '2,1' is invalid for '--xlim <low,high>': the lower limit must be below the upper one, such as -3.5,3.5"
        ),
        (
            ["--ylim", "1"],
            "descent: The value '1' is invalid for '--ylim <low,high>': expected two numbers, lower and upper, such as -3.5,3.5"
        ),
        (["--data", "run.txt"], "descent: --data run.txt: the file must end in .json or .csv"),
        (
            ["--data", "missing/run.json"],
            "descent: --data missing/run.json: the directory missing does not exist"
        ),
    ])
    func badInputGetsOneLineAndNoFile(arguments: [String], message: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataRequest = arguments.contains("--data") ? [] : ["--data", "out.json"]
        let result = try CommandRunner.run(["trajectory"] + arguments + dataRequest, in: directory)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
        #expect(result.status != 0 && result.status < 128)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// Expressions past the parser's limits, and a derivative past its budget: named in one line
    /// that shows the start of a long text, not all of it.
    static let oversizedExpressions: [([String], String)] = {
        let levels: String = (0...100).map(String.init).joined(separator: ",")
        let parentheses = String(repeating: "(", count: 60_000)
        let sines = String(repeating: "sin(", count: 200) + "x" + String(repeating: ")", count: 200)
        let product: String = Array(repeating: "x", count: 1000).joined(separator: "*")
        return [
            (
                ["--levels", levels],
                "descent: The value '\(levels)' is invalid for '--levels <n|a,b,c>': at most 100 levels, such as 0.1,1,10"
            ),
            (
                ["--function", parentheses],
                "descent: --function \"\(String(repeating: "(", count: 50))… (60000 characters)\": "
                    + "the expression is 60000 characters long; at most 2000 are allowed"
            ),
            (
                ["--function", sines],
                "descent: --function \"\(sines.prefix(50))… (1001 characters)\": the expression nests deeper than 100 "
                    + "levels at column 401; each parenthesis, function call, sign and exponent opens one"
            ),
            (
                ["--function", product, "--gradient", "analytic", "--init", "1"],
                "descent: \(product) has no analytic gradient: its derivative by x0 would take more than "
                    + "100000 operations; use the numerical gradient"
            ),
        ]
    }()

    @Test(arguments: oversizedExpressions)
    func oversizedExpressionsGetOneLineAndNoFile(arguments: [String], message: String) throws {
        try badInputGetsOneLineAndNoFile(arguments: arguments, message: message)
    }

    @Test func helpTeachesWithAnExample() throws {
        let result = try CommandRunner.run(["trajectory", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--init <x0,x1,…>"))
        #expect(result.stdout.contains("Example, the book's lr = 10 failure:"))
        #expect(result.stdout.contains("numerical (central difference, h = 1e-4, as the book)"))
    }
}
