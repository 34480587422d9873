import DescentCore
import Foundation
import Testing

@Suite struct ExpressionProgramTests {
    private func value(_ text: String, at x: [Double]) throws -> Double {
        try Objective(expression: text)(x)
    }

    @Test func evaluatesInTheOrderWritten() throws {
        #expect(try value("x0^2 + x1^2", at: [-3, 4]) == 25)
        #expect(try value("8 / 4 / 2", at: [0]) == 1)
        #expect(try value("2^3^2", at: [0]) == 512)
        #expect(try value("-x^2", at: [3]) == -9)
        #expect(try value("0.1 + 0.2 - 0.3", at: [0]) == (0.1 + 0.2) - 0.3)
        #expect(try value("0.1 + (0.2 - 0.3)", at: [0]) == 0.1 + (0.2 - 0.3))
    }

    /// NumPy's `x[0]**2` on a float64 scalar calls C `pow`, which is not always the correctly
    /// rounded `x * x`; at these points (found by NumPy) the two differ in the last bit, and the
    /// expression must give `pow`'s answer.
    @Test(arguments: [
        (0.01073998969781852, "0x1.e3cd4e07f487bp-14"),
        (-4.785858239414928e+90, "0x1.61442da7b98e4p+602"),
        (2.1995184042436524e-142, "0x1.cc6aadca4b9b0p-942"),
    ])
    func squaringIsCLibraryPowAsInNumPyScalars(x: Double, numpyHex: String) throws {
        let square = try Objective(expression: "x^2")
        #expect(square([x]).bitPattern == Double(numpyHex)!.bitPattern)
        #expect(square([x]).bitPattern != (x * x).bitPattern)
    }

    @Test func functionsUseTheCLibrary() throws {
        let x = 0.7
        #expect(try value("sin(x)", at: [x]) == sin(x))
        #expect(try value("cos(x)", at: [x]) == cos(x))
        #expect(try value("tan(x)", at: [x]) == tan(x))
        #expect(try value("exp(x)", at: [x]) == exp(x))
        #expect(try value("log(x)", at: [x]) == log(x))
        #expect(try value("sqrt(x)", at: [x]) == x.squareRoot())
        #expect(try value("abs(-x)", at: [x]) == x)
        #expect(try value("x^3.5", at: [x]) == pow(x, 3.5))
        #expect(try value("tanh(x)", at: [x]) == tanh(x))
        #expect(try value("sign(-x)", at: [x]) == -1)
    }

    @Test func sigmoidNeitherOverflowsNorLosesItsTails() throws {
        #expect(try value("sigmoid(x)", at: [0]) == 0.5)
        #expect(try value("sigmoid(x)", at: [-1000]) == 0)
        #expect(try value("sigmoid(x)", at: [1000]) == 1)
        #expect(try value("sigmoid(x)", at: [-30]) == exp(-30) / (1 + exp(-30)))
        #expect(try value("sigmoid(x)", at: [2]) == 1 / (1 + exp(-2)))
    }

    @Test func nonFiniteResultsPropagate() throws {
        #expect(try value("log(x)", at: [-1]).isNaN)
        #expect(try value("1 / x", at: [0]) == .infinity)
        #expect(try value("sqrt(x)", at: [-4]).isNaN)
    }
}
