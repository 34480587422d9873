import DescentCore
import Foundation
import Testing

/// Histories in CSV and JSON, and the trajectories made of recorded points.
@Suite struct RecordedHistoryTests {
    let sphere = Preset.sphere.objective

    func csv(_ text: String) throws(RecordedHistory.FormatError) -> PointList {
        try RecordedHistory.decodeCSV(Array(text.utf8))
    }

    func json(_ text: String) throws(RecordedHistory.FormatError) -> PointList {
        try RecordedHistory.decodeJSON(Array(text.utf8))
    }

    /// What `--data` writes reads back as the run's points, exactly: history then final.
    @Test(arguments: [0.1, 10, 1e-8, 1.0])
    func aRunsDataReadsBackAsItsPoints(rate: Double) throws {
        let run = try GradientDescent.run(sphere, from: [-3, 4], learningRate: rate, steps: 100)
        let expected = run.points.flatMap { $0 }
        #expect(try csv(run.csv).coordinates.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(try json(run.json.serialized()).coordinates.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// Points given back with their function make the run again: the same values, gradient norms
    /// and outcome, for every kind of run.
    @Test(arguments: [0.1, 10, 1e-8, 1.0, 1.05])
    func recordedPointsWithTheirFunctionGiveTheRunsNumbers(rate: Double) throws {
        let run = try GradientDescent.run(sphere, from: [-3, 4], learningRate: rate, steps: 100)
        let recorded = try Trajectory(recorded: try csv(run.csv), objective: sphere)
        #expect(recorded.history == run.history)
        #expect(recorded.final == run.final)
        #expect(recorded.values == run.values)
        #expect(recorded.gradientNorms == run.gradientNorms)
        #expect(recorded.outcome == run.outcome)
        #expect(recorded.source == .recorded(functionKnown: true))
        #expect(recorded.knownObjective != nil)
    }

    /// From the points alone: the book's runs are told apart without f.
    @Test(arguments: [
        (0.1, Outcome.Status.converged), (10, .stalled), (1e-8, .stalled), (1.0, .oscillating), (1.05, .diverged),
        (0.01, .running),
    ])
    func thePointsAloneSayWhatKindOfRunItWas(rate: Double, status: Outcome.Status) throws {
        let run = try GradientDescent.run(sphere, from: [-3, 4], learningRate: rate, steps: rate == 10 ? 100 : 20)
        let recorded = try Trajectory(recorded: try json(run.json.serialized()))
        #expect(recorded.outcome.status == status, "\(recorded.outcome.reason)")
        #expect(!recorded.outcome.reason.contains("gradient"))
        #expect(recorded.knownObjective == nil)
        #expect(recorded.values.allSatisfy { $0.isNaN })
    }

    /// Unknown numbers are `null` whole in JSON (never NaN: strict JSON) and empty cells in CSV.
    @Test func unknownNumbersAreNullAndEmpty() throws {
        let recorded = try Trajectory(recorded: try csv("1,2\n0.5,1\n0.25,0.5\n"))
        let text = recorded.json.serialized()
        #expect(
            text.hasPrefix(
                "{\"source\": \"recorded\", \"function\": null, \"optimizer\": null, \"gradient\": null, \"lr\": null, \"steps\": 2, \"init\": [1, 2], \"history\": [[1, 2], [0.5, 1]], \"final\": [0.25, 0.5], \"values\": null"
            ))
        #expect(text.contains("\"gradient_norms\": null, \"final_value\": null}"))
        #expect(recorded.csv == "step,x0,x1,value,gradient_norm\n0,1,2,,\n1,0.5,1,,\n2,0.25,0.5,,\n")
        #expect(recorded.summary.hasPrefix("running after 2 steps: x = (0.25, 0.5)\n"))
        // And what it writes reads back.
        #expect(try json(text).coordinates == [1, 2, 0.5, 1, 0.25, 0.5])
        #expect(try csv(recorded.csv).coordinates == [1, 2, 0.5, 1, 0.25, 0.5])
    }

    /// A run's JSON is unchanged by the recorded kind (a run says nothing of its source).
    @Test func aRunsJSONKeepsItsMembers() throws {
        let run = try GradientDescent.run(sphere, from: [-3, 4], learningRate: 0.1, steps: 2)
        #expect(run.json.serialized().hasPrefix("{\"function\": \"x0^2 + x1^2\", \"optimizer\": \"sgd\""))
        #expect(run.source == .run)
    }

    /// The first non-finite point ends the path, as it ends a run: the rest is not kept, and
    /// `steps` still counts every point recorded.
    @Test func theFirstNonFinitePointEndsThePath() throws {
        let recorded = try Trajectory(recorded: try csv("1,2\n4,8\ninf,nan\nnan,nan\nnan,nan\n"))
        #expect(recorded.history.count == 2)
        #expect(recorded.final[0] == .infinity)
        #expect(recorded.requestedSteps == 4)
        #expect(recorded.outcome.status == .overflow)
        #expect(recorded.earlyStop?.step == 2 && recorded.earlyStop?.cause == .point)
        // JSON's null is a non-finite number.
        let fromJSON = try Trajectory(recorded: try json("[[1, 2], [4, 8], [null, null]]"))
        #expect(fromJSON.outcome.status == .overflow)
        // With the function, f(x) not finite at a finite x ends it too.
        let huge = try Trajectory(recorded: try csv("1,2\n1e200,1e200\n"), objective: sphere)
        #expect(huge.earlyStop?.step == 1 && huge.earlyStop?.cause == .value)
    }

    @Test func plainRowsAreReadInEitherSeparator() throws {
        // np.savetxt's default: spaces, %.18e, and a '#' header when asked.
        let saved = "# x0 x1\n-3.000000000000000000e+00 4.000000000000000000e+00\n-2.4 3.2\n\n"
        #expect(try csv(saved).coordinates == [-3, 4, -2.4, 3.2])
        #expect(try csv("\u{FEFF}-3, 4\r\n-2.4, 3.2\r\n").coordinates == [-3, 4, -2.4, 3.2])
        #expect(try csv("5\n4\n3.2\n").dimension == 1)
    }

    @Test(arguments: [
        ("1,2\n3\n", "line 2: 1 values where the first row has 2"),
        ("step,x0,x1\n0,1,2\n1,3\n", "line 3: 2 values where the header (line 1) has 3"),
        ("1,2\n3,abc\n", "line 2, column 2: \"abc\" is not a number"),
        ("1,2\n3,0x1p3\n", "line 2, column 2: \"0x1p3\" is not a number"),
        ("a,b\n1,2\n", "a header row (a,b) without an x0 column"),
        ("step,x0\n0,1\n1,2\n0,1\n", "line 4: step 0 where 2 comes next"),
        ("# only a comment\n\n", "an empty history"),
        ("step,x0,x1,value,gradient_norm\n", "an empty history"),
        ("1,2,3,4,5,6,7,8,9,10,11\n", "line 1: 11 columns; at most 10"),
    ])
    func badCSVNamesTheLine(text: String, fault: String) {
        #expect { try csv(text) } throws: { "\($0)".contains(fault) }
    }

    @Test(
        arguments: [
            ("{\"history\": [[1, 2]], \"final\": [3, 4]}", nil),
            ("[[1, 2], [3, 4]]", nil),
            ("[1, 2, 3]", "not one of the two shapes"),
            ("{\"points\": [[1, 2]]}", "not one of the two shapes"),
            ("[{\"history\": [[1, 2]]}]", "not one of the two shapes"),
            ("\"x\"", "not JSON of a history"),
            ("[[1, 2], [3]]", "point 2 has 1 coordinates where point 1 has 2"),
            ("[[1, 2], [3, \"4\"]]", "not one of the two shapes"),
            ("[]", "an empty history"),
            ("{\"history\": []}", "an empty history"),
            ("[[]]", "no coordinates"),
            ("[[1, 2]", "not valid JSON"),
            ("", "an empty file"),
        ] as [(String, String?)])
    func jsonIsOneOfTwoShapes(text: String, fault: String?) throws {
        if let fault {
            #expect { try json(text) } throws: { "\($0)".contains(fault) }
        } else {
            #expect(try json(text).coordinates == [1, 2, 3, 4])
        }
    }

    @Test func jsonNumbersReadExactly() throws {
        let values = [
            0.1, -2.4, 3.2000000000000006, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -25898374737328.363,
        ]
        let text = JSONValue.array(values.map { .numbers([$0]) }).serialized()
        #expect(try json(text).coordinates.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func pointsMustFitTheFunction() throws {
        #expect(throws: DescentError.self) { try Trajectory(recorded: try csv("1,2,3\n"), objective: sphere) }
        #expect(throws: DescentError.self) { try Trajectory(recorded: PointList(dimension: 2)) }
    }

    @Test func loadHistoryNamesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.csv").path
        try "1,2,3\n4,5,6\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: HistoryError(path: path, reason: "points of 3 coordinates but x0^2 + x1^2 is a function of 2"))
        {
            try Trajectory.loadHistory(path, objective: sphere)
        }
        #expect(try Trajectory.loadHistory(path).history.count == 1)
        #expect(throws: HistoryError(path: path + ".txt", reason: "the file name must end in .npy, .csv or .json")) {
            try Trajectory.loadHistory(path + ".txt")
        }
    }
}
