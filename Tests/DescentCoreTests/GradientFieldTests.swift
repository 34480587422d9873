import DescentCore
import Foundation
import Testing

/// The gradient field (Figure 4-9) and the tangent (Figure 4-7) against NumPy
/// (Fixtures/field_reference.json, made by Fixtures/make_field_reference.py), bit for bit.
@Suite struct GradientFieldTests {
    let reference: [String: Any]

    init() throws {
        reference = try ReferenceFixtures.load("field_reference")
    }

    private var field: [String: Any] {
        get throws { try #require(reference["field"] as? [String: Any]) }
    }

    @Test func arangeHasNumPysValuesIncludingWhereTheyAreNotStartPlusIStep() throws {
        let cases = try #require(reference["arange"] as? [[String: Any]])
        #expect(cases.count == 8)
        #expect(cases.contains { $0["equals_start_plus_i_step"] as? Bool == false })
        for entry in cases {
            let (start, stop, step) = (
                try ReferenceFixtures.double(hex: entry["start"]), try ReferenceFixtures.double(hex: entry["stop"]),
                try ReferenceFixtures.double(hex: entry["step"])
            )
            let expected = try ReferenceFixtures.doubles(hex: entry["values"])
            let values = try NumPyArange.values(start: start, stop: stop, step: step)
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern), "np.arange(\(start), \(stop), \(step))")
        }
    }

    @Test func arangeRefusesABadStepAndTooManyValuesBeforeAllocating() {
        #expect(throws: NumPyArange.Failure.step(0)) { try NumPyArange.values(start: 0, stop: 1, step: 0) }
        #expect(throws: NumPyArange.Failure.step(-1)) { try NumPyArange.values(start: 0, stop: 1, step: -1) }
        #expect(throws: NumPyArange.Failure.tooMany(count: (1 / 1e-300).rounded(.up), limit: 1_000_000)) {
            try NumPyArange.values(start: 0, stop: 1, step: 1e-300)
        }
        #expect(throws: NumPyArange.Failure.bounds(0, .infinity)) {
            try NumPyArange.values(start: 0, stop: .infinity, step: 1)
        }
    }

    @Test func theBookGridIsNumPysEighteenByEighteen() throws {
        let grid = try GradientField.grid(
            x: GradientField.bookLimits, y: GradientField.bookLimits,
            step: GradientField.defaultStep(x: GradientField.bookLimits, y: GradientField.bookLimits))
        let axis = try ReferenceFixtures.doubles(hex: field["axis"])
        #expect(axis.count == 18)
        #expect(grid.x.map(\.bitPattern) == axis.map(\.bitPattern))
        #expect(grid.y.map(\.bitPattern) == axis.map(\.bitPattern))
        let objective = try Objective(expression: "x0^2 + x1^2")
        let computed = GradientField(objective: objective, gridX: grid.x, gridY: grid.y)
        let points = try ReferenceFixtures.rows(hex: field["points"])
        #expect(points.count == 324)
        #expect(
            zip(computed.xs, computed.ys).map { [$0.bitPattern, $1.bitPattern] } == points.map { $0.map(\.bitPattern) })
    }

    @Test func theBookStepIsTheDefaultForTheBookView() {
        #expect(GradientField.defaultStep(x: -2...2, y: -2...2) == 0.25)
        #expect(GradientField.defaultStep(x: -10...10, y: -10...10) == 1)
        #expect(GradientField.defaultStep(x: -4.5...4.5, y: -4.5...4.5) == 0.5)
    }

    @Test func fieldVectorsAreNumPysMinusGradientBitForBitAndMinusTwoXToTenDigits() throws {
        let objective = try Objective(expression: "x0^2 + x1^2")
        let axis = try ReferenceFixtures.doubles(hex: field["axis"])
        let computed = GradientField(objective: objective, gridX: axis, gridY: axis)
        let expected = try ReferenceFixtures.rows(hex: field["vectors"])
        #expect(computed.count == expected.count)
        for index in expected.indices {
            let (u, v) = (computed.us[index], computed.vs[index])
            #expect(
                [u.bitPattern, v.bitPattern] == expected[index].map(\.bitPattern),
                "at (\(computed.xs[index]), \(computed.ys[index])): \(bits([u, v])) vs \(bits(expected[index]))")
            // −∇(x0² + x1²) = −2x: the central difference of a square is exact but for rounding.
            #expect(abs(u + 2 * computed.xs[index]) <= 1e-11 && abs(v + 2 * computed.ys[index]) <= 1e-11)
        }
        // The origin's arrow is exactly zero; along the axes one component is exactly zero.
        let origin = try #require(computed.xs.indices.first { computed.xs[$0] == 0 && computed.ys[$0] == 0 })
        #expect(computed.us[origin] == 0 && computed.vs[origin] == 0)
    }

    @Test func theBookScriptsRowsOf324DifferOnlyInTheLastBits() throws {
        // gradient_2d.py passes np.array([X, Y]) to np.sum(x**2): differences of sums of 324 squares.
        let objective = try Objective(expression: "x0^2 + x1^2")
        let axis = try ReferenceFixtures.doubles(hex: field["axis"])
        let computed = GradientField(objective: objective, gridX: axis, gridY: axis)
        let book = try ReferenceFixtures.rows(hex: field["book_rows_vectors"])
        var largest = 0.0
        for index in book.indices where book[index][0] != 0 {
            largest = max(largest, abs(book[index][0] - computed.us[index]) / abs(computed.us[index]))
        }
        #expect(largest > 0 && largest < 4e-10)
    }

    @Test func ascentFlipsEveryArrowExactly() throws {
        let objective = try Objective(expression: "x0^2 + 3*x1")
        let axis = [-1.0, 0.5, 2]
        let down = GradientField(objective: objective, gridX: axis, gridY: axis, sign: .descent)
        let up = GradientField(objective: objective, gridX: axis, gridY: axis, sign: .ascent)
        #expect(up.us == down.us.map { -$0 } && up.vs == down.vs.map { -$0 })
    }

    @Test func aFunctionUndefinedOnPartOfTheGridLeavesThoseArrowsNonFinite() throws {
        let objective = try Objective(expression: "log(x0) + x1")
        let axis = [-1.0, 0, 1, 2]
        let computed = GradientField(objective: objective, gridX: axis, gridY: axis)
        #expect(computed.nonFiniteIndices == [0, 1, 4, 5, 8, 9, 12, 13])
        #expect(computed.json.serialized().contains("[null, null]"))
    }

    @Test func tooManyArrowsAreRefusedWithTheirCount() {
        #expect(throws: NumPyArange.Failure.tooMany(count: 4002.0 * 4002, limit: 1_000_000)) {
            try GradientField.grid(x: -2...2, y: -2...2, step: 0.001)
        }
        #expect(throws: NumPyArange.Failure.step(0)) { try GradientField.grid(x: -2...2, y: -2...2, step: 0) }
    }

    @Test func fieldJSONHasFunctionSignPointsAndVectorsAsNumPyComputesThem() throws {
        // NumPy: -_numerical_gradient_no_batch(function_2, np.array([1.0, 3.0])) and at [2.0, 3.0].
        let objective = try Objective(expression: "x0^2 + x1^2")
        let computed = GradientField(objective: objective, gridX: [1, 2], gridY: [3])
        #expect(
            computed.json.serialized()
                == #"{"function": "x0^2 + x1^2", "sign": "descent", "points": [[1, 3], [2, 3]], "#
                + #""vectors": [[-2.0000000000042206, -6.000000000012662], [-3.9999999999995595, -6.000000000012662]]}"#
        )
        #expect(computed.csv.hasPrefix("x0,x1,v0,v1\n1,3,-2.0000000000042206,-6.000000000012662\n"))
    }

    @Test func tangentSlopeAndInterceptAreTheBooksBitForBit() throws {
        let objective = try Objective(expression: "0.01*x^2 + 0.1*x")
        let f = { (x: Double) in objective([x]) }
        #expect(TangentLine(f, at: 5).slope == 0.1999999999990898)
        #expect(TangentLine(f, at: 10).slope == 0.2999999999986347)
        let cases = try #require(reference["tangent"] as? [[String: Any]])
        for entry in cases {
            let tangent = TangentLine(f, at: try ReferenceFixtures.double(hex: entry["at"]))
            #expect(tangent.slope.bitPattern == (try ReferenceFixtures.double(hex: entry["slope"])).bitPattern)
            #expect(tangent.intercept.bitPattern == (try ReferenceFixtures.double(hex: entry["intercept"])).bitPattern)
        }
        let tangent = TangentLine(f, at: 5)
        #expect(abs(tangent(5) - f(5)) < 1e-15)
    }
}
