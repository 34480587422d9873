import DescentCore
import Foundation
import Testing

@Suite struct ExpressionParserTests {
    @Test func precedenceAndAssociativityFollowPython() throws {
        #expect(
            try ExpressionParser.parse("1 + 2 * 3")
                == .binary(.add, .constant(1), .binary(.multiply, .constant(2), .constant(3))))
        #expect(
            try ExpressionParser.parse("8 / 4 / 2")
                == .binary(.divide, .binary(.divide, .constant(8), .constant(4)), .constant(2)))
        #expect(
            try ExpressionParser.parse("2^3^2")
                == .binary(.power, .constant(2), .binary(.power, .constant(3), .constant(2))))
        #expect(try ExpressionParser.parse("-x^2") == .negate(.binary(.power, .variable(0), .constant(2))))
        #expect(try ExpressionParser.parse("2^-1") == .binary(.power, .constant(2), .negate(.constant(1))))
        #expect(try ExpressionParser.parse("x0**2") == ExpressionParser.parse("x0^2"))
    }

    @Test func numbersReadAsPythonFloatReadsThem() throws {
        #expect(try ExpressionParser.parse("3") == .constant(3))
        #expect(try ExpressionParser.parse(".5") == .constant(0.5))
        #expect(try ExpressionParser.parse("2.") == .constant(2))
        #expect(try ExpressionParser.parse("1e-4") == .constant(1e-4))
        #expect(try ExpressionParser.parse("6.02E+23") == .constant(6.02e23))
    }

    @Test func namesMapToVariablesAndConstants() throws {
        #expect(try ExpressionParser.parse("x") == .variable(0))
        #expect(try ExpressionParser.parse("y") == .variable(1))
        #expect(try ExpressionParser.parse("z") == .variable(2))
        #expect(try ExpressionParser.parse("x9") == .variable(9))
        #expect(try ExpressionParser.parse("pi") == .constant(Double.pi))
        #expect(try ExpressionParser.parse("e") == .constant(M_E))
        #expect(try ExpressionParser.parse("sigmoid(x1)") == .call(.sigmoid, .variable(1)))
        #expect(try ExpressionParser.parse("x0 * z").dimension == 3)
        #expect(try ExpressionParser.parse("42").dimension == 1)
    }

    @Test(arguments: [
        ("x0^^2", "unexpected '^' at column 4"),
        ("x0 +", "unexpected end of expression at column 5; expected a number, a variable or '('"),
        ("(x0 + x1", "missing ')' to close the '(' opened at column 1"),
        ("x0 + x1)", "unmatched ')' at column 8"),
        (
            "foo(x0)",
            "unknown function 'foo' at column 1; known: sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, sign"
        ),
        ("x10", "unknown name 'x10' at column 1; variables are x0…x9, x, y, z; constants pi, e"),
        ("sin + 1", "function 'sin' needs an argument in parentheses at column 1"),
        ("2 $ 3", "unexpected character '$' at column 3"),
        ("x y", "unexpected 'y' at column 3"),
        ("", "the expression is empty"),
        ("   ", "the expression is empty"),
        ("1..2", "unexpected '.2' at column 3"),
        ("1.5.", "malformed number '.' at column 4"),
    ])
    func faultsNameTheirColumn(text: String, message: String) {
        #expect(throws: (any Error).self) { try ExpressionParser.parse(text) }
        do {
            _ = try ExpressionParser.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
