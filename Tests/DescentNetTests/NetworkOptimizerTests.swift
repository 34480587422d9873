import DescentCore
import Foundation
import Testing

@testable import DescentNet

/// The book's optimisers on the network's parameter arrays, against
/// Fixtures/make_net_optimizer_reference.py: bit for bit on given gradients (no BLAS involved), in
/// float64 and float32; and a few training iterations of the book's network, to BLAS's rounding.
@Suite struct NetworkOptimizerTests {
    nonisolated(unsafe) static let reference: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/net_optimizer_reference", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static var updateCases: [[String: Any]] {
        (reference["updates"] as! [String: Any])["cases"] as! [[String: Any]]
    }

    /// The settings a case gave (the others are the book's defaults).
    static func given(_ entry: [String: Any]) -> [Hyperparameter: Double] {
        var given: [Hyperparameter: Double] = [:]
        for (name, value) in entry["given"] as! [String: Double] { given[Hyperparameter(rawValue: name)!] = value }
        return given
    }

    /// A network whose four arrays are the fixture's 3×4 weight and 4-vector bias (W2 the same
    /// twelve numbers as 4×3, b2 the bias's first three): each rule works element by element, so
    /// each element must end where NumPy's did.
    static func network<Scalar: NetScalar>(_ w: [Double], _ b: [Double], as _: Scalar.Type) -> TwoLayerNet<Scalar> {
        TwoLayerNet(
            w1: Matrix(rows: 3, columns: 4, elements: w.map { Scalar($0) }), b1: b.map { Scalar($0) },
            w2: Matrix(rows: 4, columns: 3, elements: w.map { Scalar($0) }), b2: b.prefix(3).map { Scalar($0) })
    }

    func followsNumPy<Scalar: NetScalar>(as type: Scalar.Type, key: String) throws {
        let updates = Self.reference["updates"] as! [String: Any]
        let gradients = (updates["gradients"] as! [[String: Any]]).map { gradient in
            let w = NetReference.doubles(gradient["w"])
            let b = NetReference.doubles(gradient["b"])
            return Self.network(w, b, as: Scalar.self)
        }
        #expect(Self.updateCases.count == 9)
        for entry in Self.updateCases {
            let kind = OptimizerKind(rawValue: entry["optimizer"] as! String)!
            let rate = entry["lr"] as! Double
            var optimizer = try NetworkOptimizer<Scalar>(
                kind: kind, learningRate: rate, hyperparameters: Self.given(entry))
            var network = Self.network(
                NetReference.doubles(updates["w"]), NetReference.doubles(updates["b"]), as: Scalar.self)
            for (step, expected) in (entry[key] as! [[String: Any]]).enumerated() {
                let gradient = gradients[step]
                optimizer.update(
                    &network,
                    with: .init(w1: gradient.w1, b1: gradient.b1, w2: gradient.w2, b2: gradient.b2))
                let w = NetReference.doubles(expected["w"])
                let b = NetReference.doubles(expected["b"])
                let label = "\(kind) lr \(rate) \(Self.given(entry)) \(key) update \(step + 1)"
                #expect(network.w1.elements.map(Double.init) == w, "\(label)")
                #expect(network.b1.map(Double.init) == b, "\(label)")
                #expect(network.w2.elements.map(Double.init) == w, "\(label)")
                #expect(network.b2.map(Double.init) == Array(b.prefix(3)), "\(label)")
            }
        }
    }

    @Test func everyRuleMatchesNumPyOnFloat64ArraysBitForBit() throws {
        try followsNumPy(as: Double.self, key: "float64")
    }

    /// float32 arrays with Python-float constants, as NumPy 2 rounds them; Adam's last step in
    /// float64 (its lr_t is an np.float64).
    @Test func everyRuleMatchesNumPyOnFloat32ArraysBitForBit() throws {
        try followsNumPy(as: Float.self, key: "float32")
    }

    /// The state an optimiser keeps is one (v or h) or two (Adam's m and v) more copies of the
    /// network's 39,760 parameters.
    @Test func theMemoryEstimateCountsTheOptimisersState() {
        let dataset = Dataset(
            trainImages: Matrix(rows: 10, columns: 784), trainLabels: Array(repeating: 0, count: 10),
            testImages: Matrix(rows: 5, columns: 784), testLabels: Array(repeating: 0, count: 5))
        func estimate(_ kind: OptimizerKind) -> Double {
            var configuration = TrainingConfiguration()
            configuration.optimizer = kind
            return Trainer.estimatedMemory(training: [configuration], on: dataset, as: Double.self)
        }
        let parameters = Double(39_760 * 8)
        #expect(estimate(.momentum) - estimate(.sgd) == parameters)
        #expect(estimate(.rmsprop) - estimate(.sgd) == parameters)
        #expect(estimate(.adam) - estimate(.sgd) == 2 * parameters)
    }

    @Test func invalidSettingsAreRefused() {
        #expect(throws: DescentError.self) {
            try NetworkOptimizer<Double>(kind: .adam, learningRate: 0.1, hyperparameters: [.beta1: 1])
        }
        #expect(throws: DescentError.self) {
            try NetworkOptimizer<Double>(kind: .sgd, learningRate: 0.1, hyperparameters: [.momentum: 0.5])
        }
        #expect(throws: DescentError.self) { try NetworkOptimizer<Float>(kind: .momentum, learningRate: 0) }
    }
}

/// Each optimiser trains the book's network on Fashion-MNIST as NumPy's does with the same seed.
@Suite(.serialized) struct OptimizerTrainingTests {
    @Test func thirtyIterationsOfEachOptimiserLoseWhatNumPyLoses() throws {
        let dataset = try TrainingTests.dataset.get()
        let training = NetworkOptimizerTests.reference["training"] as! [String: Any]
        let runs = training["runs"] as! [[String: Any]]
        #expect(runs.map { $0["optimizer"] as! String } == OptimizerKind.allCases.map(\.rawValue))
        for run in runs {
            let kind = OptimizerKind(rawValue: run["optimizer"] as! String)!
            var configuration = TrainingConfiguration()
            configuration.iterations = training["iterations"] as! Int
            configuration.optimizer = kind
            configuration.learningRate = kind.bookLearningRate
            #expect(configuration.learningRate == run["lr"] as! Double)
            let log = Trainer.train(dataset, configuration: configuration, as: Double.self)
            #expect(log.optimizer == kind.rawValue)
            // Same weights, same batches, the same rule; only the order of BLAS's sums differs.
            let worst = maximumRelativeDifference(log.loss, NetReference.doubles(run["loss"]))
            #expect(worst < 1e-9, "\(kind): largest relative difference \(worst)")
        }
    }
}
