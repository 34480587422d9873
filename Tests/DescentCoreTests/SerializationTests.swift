import DescentCore
import DescentTestSupport
import Foundation
import Testing

@Suite struct SerializationTests {
    @Test(arguments: [
        (25.0, "25"), (-3.0, "-3"), (0.1, "0.1"), (-0.0, "-0"), (1e-8, "1e-8"), (2.5e20, "2.5e20"),
        (-25898374737328.363, "-25898374737328.363"), (6.724034830146604e26, "6.724034830146604e26"),
        (9007199254740992.0, "9007199254740992"), (1e17, "1e17"), (123456.5, "123456.5"),
        (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e308"),
    ])
    func numbersTakeTheirShortestRoundTrippingForm(value: Double, text: String) {
        #expect(NumberText.shortest(value) == text)
        #expect(Double(text)?.bitPattern == value.bitPattern)
    }

    /// Not-a-number and the infinities are spelled as Python's `repr` spells them (a training
    /// log's accuracies on an empty test set were NaN, and formatting them used to trap).
    @Test func nonFiniteNumbersTakePythonsSpelling() {
        #expect(NumberText.shortest(.nan) == "nan")
        #expect(NumberText.shortest(-Double.nan) == "nan")
        #expect(NumberText.shortest(.infinity) == "inf")
        #expect(NumberText.shortest(-.infinity) == "-inf")
    }

    @Test func everyFormatReadsBackToTheSameBits() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = NumberText.shortest(value)
            #expect(Double(text)?.bitPattern == value.bitPattern, "\(text)")
            #expect(text.count <= value.description.count, "\(text) is longer than \(value.description)")
        }
    }

    @Test func jsonIsStrict() throws {
        let value = JSONValue.object([
            ("a", .numbers([1, .nan, .infinity, -0.5])), ("s", .string("quote \" backslash \\ tab \t \u{1}")),
            ("b", .bool(true)), ("n", .null),
        ])
        let text = value.serialized()
        #expect(
            text == #"{"a": [1, null, null, -0.5], "s": "quote \" backslash \\ tab \t \u0001", "b": true, "n": null}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["s"] as? String == "quote \" backslash \\ tab \t \u{1}")
    }

    @Test func trajectoryJSONHasTheContractsFieldsInOrder() throws {
        let trajectory = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 2)
        let text = trajectory.json.serialized()
        #expect(
            text.hasPrefix(
                #"{"function": "x0^2 + x1^2", "optimizer": "sgd", "gradient": "numerical", "lr": 0.1, "steps": 2, "init": [-3, 4], "history": [[-3, 4], [-2.399999999999622, 3.200000000000088]], "final": [-1.9199999999982538, 2.5599999999976717], "values": [25, 15.99999999999875], "status": "running", "reason": "#
            ))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            Set(parsed.keys) == [
                "function", "optimizer", "gradient", "lr", "steps", "init", "history", "final",
                "values", "status", "reason", "gradient_norms", "final_value",
            ])
    }

    @Test func nonFiniteNumbersBecomeNullInJSONAndNanInCSV() throws {
        let trajectory = try GradientDescent.run(
            try Objective(expression: "log(x)"), from: [0.5], learningRate: 1, steps: 5)
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(trajectory.json.serialized().utf8)) as? [String: Any])
        #expect(parsed["final_value"] is NSNull)
        #expect(parsed["status"] as? String == "overflow")
        #expect(trajectory.csv.hasSuffix("\n1,-1.5000000266662266,nan,\n"))
    }

    @Test func theSummaryStatesStatusPointAndReason() throws {
        let trajectory = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        #expect(
            trajectory.summary == """
                converged after 20 steps: x = (-0.03458764513817675, 0.04611686018418694), f(x) = 0.003323069989452288
                  the steps shrink by a factor 0.8; about 0.05765 is left to go
                """)
    }

    @Test func csvHasOneRowPerPointAndAFinalRow() throws {
        let trajectory = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 2)
        let lines = trajectory.csv.split(separator: "\n")
        #expect(
            lines == [
                "step,x0,x1,value,gradient_norm",
                "0,-3,4,25,10.000000000001563",
                "1,-2.399999999999622,3.200000000000088,15.99999999999875,8.00000000002754",
                "2,-1.9199999999982538,2.5599999999976717,10.239999999981373,",
            ])
    }
}
