import DescentCore
import Foundation
import Testing

/// The chapter-6 optimisers on the book's Figure 6-8 problem, against the histories of
/// Fixtures/make_optimizer_reference.py (the book's rules in NumPy float64), bit for bit.
@Suite struct OptimizerTests {
    let reference: [String: Any]

    init() throws {
        reference = try ReferenceFixtures.load("optimizer_reference")
    }

    /// The settings a fixture run gave explicitly (the others are the book's defaults).
    private func given(_ run: [String: Any]) throws -> [Hyperparameter: Double] {
        let settings = try #require(run["given"] as? [String: Double])
        var given: [Hyperparameter: Double] = [:]
        for (name, value) in settings {
            given[try #require(Hyperparameter(rawValue: name))] = value
        }
        return given
    }

    @Test func theAnalyticGradientOfTheBooksFunctionIsItsDfToTheLastBit() throws {
        let points = try #require(reference["gradient"] as? [[String: Any]])
        #expect(points.count == 26)
        for objective in [try Objective(expression: "x^2 / 20 + y^2"), Preset.bookCh6.objective] {
            for point in points {
                let x = try ReferenceFixtures.doubles(hex: point["x"])
                let df = try ReferenceFixtures.doubles(hex: point["df"])
                #expect(bits(objective.analyticGradient(at: x)!) == bits(df), "at \(x)")
            }
        }
    }

    /// x²/20 differentiates to x/10, not (2·x)/20: the same bits below 8.9e307, and finite above.
    @Test func theDerivativeOfASquareOverAConstantDividesOnce() throws {
        let objective = Preset.bookCh6.objective
        #expect(objective.analyticGradient(at: [1.7e308, 0])! == [1.7e307, 0])
        #expect(try Objective(expression: "x^2 / 3").analyticGradient(at: [3])! == [2.0 * 3 / 3])
        #expect(try Objective(expression: "3 * x / 7").analyticGradient(at: [1])! == [3.0 / 7])
    }

    @Test func everyOptimiserFollowsNumPyBitForBitOnFigure6_8() throws {
        let runs = try #require(reference["runs"] as? [[String: Any]])
        #expect(runs.count == 12)
        let start = try #require(reference["init"] as? [Double])
        let steps = try #require(reference["steps"] as? Int)
        #expect(start == [-7, 2] && steps == 30)
        var covered: Set<String> = []
        for run in runs {
            let name = try #require(run["optimizer"] as? String)
            let kind = try #require(OptimizerKind(rawValue: name))
            let learningRate = try #require(run["lr"] as? Double)
            let optimizer = try kind.make(learningRate: learningRate, hyperparameters: try given(run))
            let trajectory = try GradientDescent.run(
                Preset.bookCh6.objective, from: start, steps: steps, gradient: .analytic, optimizer: optimizer)
            let history = try ReferenceFixtures.rows(hex: run["history"])
            let label = "\(name) lr \(learningRate) \(run["given"] ?? "")"
            #expect(trajectory.history.count == 30)
            #expect(trajectory.history.map { bits(Array($0)) } == history.map(bits), "\(label)")
            #expect(bits(trajectory.final) == bits(try ReferenceFixtures.doubles(hex: run["final"])), "\(label)")
            #expect(trajectory.optimizer == name)
            covered.insert(name)
        }
        #expect(covered == Set(OptimizerKind.allCases.map(\.rawValue)))
    }

    @Test func theBooksFourRunsAreInTheFixtureWithTheBooksRates() throws {
        let runs = try #require(reference["runs"] as? [[String: Any]])
        let book = runs.prefix(4).map { "\($0["optimizer"]!) \($0["lr"]!)" }
        #expect(book == ["sgd 0.95", "momentum 0.1", "adagrad 1.5", "adam 0.3"])
    }

    /// glibc's pow(g, 2) is 1 ulp below g·g at this g; Adam's v must hold the pow version, as
    /// Python's `g**2` on a float does.
    @Test func adamSquaresTheGradientWithPowAsPythonDoes() throws {
        var adam = try Adam(learningRate: 0.1)
        var x = [1.0]
        adam.update(&x, gradient: [0.01073998969781852])
        #expect(adam.secondMoment == [Double("0x1.ef69c8bc5ec0bp-24")!])
        #expect(adam.iteration == 1)
    }

    @Test func stateStartsAtZeroAndTakesTheShapeOfX() throws {
        var momentum = try Momentum(learningRate: 0.5)
        #expect(momentum.velocity.isEmpty)
        var x = [1.0, 2.0, 3.0]
        momentum.update(&x, gradient: [2, 0, -2])
        #expect(momentum.velocity == [-1, 0, 1])
        #expect(x == [0, 2, 4])
    }

    @Test func theBooksDefaultsAreTheSettingsNotGiven() throws {
        let adam = try OptimizerKind.adam.make(learningRate: 0.3)
        #expect(adam.hyperparameters.map(\.setting) == [.beta1, .beta2])
        #expect(adam.hyperparameters.map(\.value) == [0.9, 0.999])
        #expect(try OptimizerKind.rmsprop.make(learningRate: 0.1).hyperparameters.map(\.value) == [0.99])
        #expect(try OptimizerKind.nesterov.make(learningRate: 0.1).hyperparameters.map(\.value) == [0.9])
        #expect(try OptimizerKind.sgd.make(learningRate: 0.1).hyperparameters.isEmpty)
        #expect(OptimizerKind.allCases.map(\.bookLearningRate) == [0.01, 0.01, 0.01, 0.01, 0.01, 0.001])
    }

    static let badSettings: [(OptimizerKind, Double, [Hyperparameter: Double], String)] = [
        (.momentum, 0.1, [.momentum: 1], "momentum must be at least 0 and below 1 (such as 0.9), got 1"),
        (.nesterov, 0.1, [.momentum: -0.1], "momentum must be at least 0 and below 1 (such as 0.9), got -0.1"),
        (.rmsprop, 0.1, [.decay: 1.5], "decay must be at least 0 and below 1 (such as 0.99), got 1.5"),
        (.adam, 0.1, [.beta1: .nan], "beta1 must be at least 0 and below 1 (such as 0.9), got nan"),
        (.adam, 0.1, [.beta2: 1], "beta2 must be at least 0 and below 1 (such as 0.999), got 1"),
        (.sgd, 0, [:], "the learning rate must be a finite number greater than 0, got 0"),
        (.adam, .infinity, [:], "the learning rate must be a finite number greater than 0, got inf"),
        (.adagrad, 0.1, [.momentum: 0.9], "adagrad has no momentum setting; momentum is for momentum and nesterov"),
        (.sgd, 0.1, [.beta2: 0.9], "sgd has no beta2 setting; beta2 is for adam"),
        (.momentum, 0.1, [.decay: 0.9], "momentum has no decay setting; decay is for rmsprop"),
    ]

    @Test(arguments: badSettings)
    func settingsOutsideTheirRangeOrForAnotherOptimiserAreRefused(
        kind: OptimizerKind, learningRate: Double, given: [Hyperparameter: Double], message: String
    ) {
        do {
            _ = try kind.make(learningRate: learningRate, hyperparameters: given)
            Issue.record("\(kind) accepted \(given) at lr \(learningRate)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func zeroIsAnAllowedSetting() throws {
        // Momentum 0 is SGD; β₁ = 0 makes m the last gradient.
        var momentum = try Momentum(learningRate: 0.1, momentum: 0)
        var sgd = try SGD(learningRate: 0.1)
        var (a, b) = ([3.0, -1.0], [3.0, -1.0])
        momentum.update(&a, gradient: [0.7, 0.2])
        sgd.update(&b, gradient: [0.7, 0.2])
        #expect(a == b)
        #expect(try Adam(learningRate: 0.1, beta1: 0, beta2: 0).beta1 == 0)
    }

    @Test func theTrajectoryJSONNamesTheOptimiserAndItsSettings() throws {
        let trajectory = try GradientDescent.run(
            Preset.bookCh6.objective, from: [-7, 2], steps: 1, gradient: .analytic,
            optimizer: try OptimizerKind.adam.make(learningRate: 0.3, hyperparameters: [.beta1: 0.5]))
        #expect(
            trajectory.json.serialized().hasPrefix(
                #"{"function": "x^2 / 20 + y^2", "optimizer": "adam", "gradient": "analytic", "lr": 0.3, "beta1": 0.5, "beta2": 0.999, "steps": 1, "init": [-7, 2], "#
            ))
    }
}
