import Foundation
import Testing

@testable import DescentNet

/// Fixtures/landscape_reference.json, made by Fixtures/make_landscape_reference.py from the book's
/// NumPy code: 300 iterations from seed 0, snapshots every 3, losses on 1,000 training images.
enum LandscapeReference {
    nonisolated(unsafe) static let values: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/landscape_reference", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()
}

/// `descent landscape`'s numbers: the run's path on the plane of its principal components, the
/// grid and the interpolation, against NumPy running the book's code.
@Suite(.serialized) struct LandscapeTests {
    /// The book's run of 300 iterations from seed 0, its landscape on a 5 × 5 grid over 1,000
    /// images, computed once for the tests that read it.
    static let bookRun = Result { () throws -> (log: TrainingLog, landscape: LossLandscape) in
        var configuration = TrainingConfiguration()
        configuration.iterations = 300
        var settings = LossLandscape.Settings()
        settings.grid = 5
        settings.evaluationSamples = 1000
        return try LossLandscape.train(
            try Dataset.load(), configuration: configuration, snapshotInterval: 3, settings: settings,
            as: Double.self)
    }

    @Test func theInterpolationEndsAtTheLossesNumPyComputes() throws {
        let landscape = try Self.bookRun.get().landscape
        let alpha = landscape.alpha
        let initial = NetReference.double(LandscapeReference.values["initial_loss"])
        let final = NetReference.double(LandscapeReference.values["final_loss"])
        let atStart = landscape.interpolationLoss[try #require(alpha.firstIndex(of: 0))]
        let atEnd = landscape.interpolationLoss[try #require(alpha.firstIndex(of: 1))]
        #expect(abs(atStart - initial) <= 1e-9, "α = 0: \(atStart) against NumPy's \(initial)")
        #expect(abs(atEnd - final) <= 1e-6, "α = 1: \(atEnd) against NumPy's \(final)")
        #expect(alpha.first == -0.5 && alpha.last == 1.5 && alpha.count == 41)
    }

    @Test func theGridAtTheOriginIsTheFinalParametersLoss() throws {
        let landscape = try Self.bookRun.get().landscape
        let i = try #require(landscape.gridA.firstIndex(of: 0))
        let j = try #require(landscape.gridB.firstIndex(of: 0))
        let atEnd = landscape.interpolationLoss[try #require(landscape.alpha.firstIndex(of: 1))]
        #expect(landscape.gridLoss[j][i] == atEnd)
        #expect(landscape.gridLoss.count == 5 && landscape.gridLoss.allSatisfy { $0.count == 5 })
    }

    @Test func theExplainedVarianceIsScikitLearnsAndThePathNumPys() throws {
        let landscape = try Self.bookRun.get().landscape
        let numpy = NetReference.doubles(LandscapeReference.values["explained_variance"])
        let variance = landscape.explainedVariance
        #expect(
            variance.allSatisfy { (0...1).contains($0) } && variance[0] >= variance[1] && variance[0] + variance[1] <= 1
        )
        #expect(maximumRelativeDifference(variance, numpy) < 1e-6, "\(variance) against \(numpy)")
        let path = (LandscapeReference.values["path"] as! [Any]).map(NetReference.doubles)
        #expect(landscape.path.count == 101 && landscape.path.last == [0, 0])
        // Each component is defined up to its sign: compare magnitudes, then the sign convention
        // (the start at negative coordinates).
        for axis in 0..<2 {
            let ours = landscape.path.map { abs($0[axis]) }
            let theirs = path.map { abs($0[axis]) }
            let scale = theirs.max()!
            #expect(zip(ours, theirs).allSatisfy { abs($0 - $1) <= 1e-6 * scale }, "axis \(axis)")
            #expect(landscape.path[0][axis] < 0)
        }
    }

    @Test func trainingWithAnObserverLosesWhatItLosesWithout() throws {
        let observed = try Self.bookRun.get().log
        var configuration = TrainingConfiguration()
        configuration.iterations = 300
        let plain = Trainer.train(try Dataset.load(), configuration: configuration, as: Double.self)
        #expect(observed.loss == plain.loss && observed.accuracy == plain.accuracy)
    }

    @Test func theObserverSeesTheStartEveryIntervalAndTheEnd() {
        #expect(TrainingObserver<Double>.observedUpdates(every: 3, of: 10) == [0, 3, 6, 9, 10])
        #expect(TrainingObserver<Double>.observedUpdates(every: 5, of: 10) == [0, 5, 10])
        #expect(LossLandscape.defaultSnapshotInterval(iterations: 10_000) == 100)
        #expect(LossLandscape.defaultSnapshotInterval(iterations: 50) == 1)
    }

    @Test func jacobiFindsTheEigenpairsOfASymmetricMatrix() {
        // [[2, 1, 0], [1, 2, 0], [0, 0, 5]]: eigenvalues 5, 3, 1.
        let eigen = SymmetricEigen(symmetric: [2, 1, 0, 1, 2, 0, 0, 0, 5], size: 3)
        #expect(zip(eigen.values, [5.0, 3, 1]).allSatisfy { abs($0 - $1) < 1e-14 })
        let half = 0.5.squareRoot()
        #expect(zip(eigen.vectors[1].map(abs), [half, half, 0]).allSatisfy { abs($0 - $1) < 1e-14 })
        #expect(eigen.vectors[1][0] * eigen.vectors[1][1] > 0)
        #expect(eigen.vectors[2][0] * eigen.vectors[2][1] < 0)
    }

    @Test func randomDirectionsAreFilterNormalised() {
        let shape = NetworkShape(inputSize: 3, hiddenSize: 2, outputSize: 2)
        let final = (0..<shape.parameterCount).map { Double($0 % 5) - 1.5 }
        let plane = PlaneDirections.filterNormalisedRandom(around: final, shape: shape, seed: 4)
        for direction in [plane.first, plane.second] {
            for (range, columns) in [(shape.w1, 2), (shape.w2, 2)] {
                for column in 0..<columns {
                    let entries = Array(stride(from: range.lowerBound + column, to: range.upperBound, by: columns))
                    let norm = { (v: [Double]) in entries.reduce(0) { $0 + v[$1] * v[$1] }.squareRoot() }
                    #expect(abs(norm(direction) - norm(final)) < 1e-12)
                }
            }
            #expect(shape.b1.allSatisfy { direction[$0] == 0 } && shape.b2.allSatisfy { direction[$0] == 0 })
        }
        #expect(plane.first != plane.second)
    }

    @Test func aPathOnOneLineSpansNoPlane() {
        let snapshots = [[0.0, 0, 0], [1, 1, 1], [2, 2, 2]]
        #expect(throws: PlaneDirections.Error.self) {
            try PlaneDirections.principalComponents(of: snapshots, around: [2, 2, 2])
        }
    }

    @Test func theGridHasZeroAmongItsNodesAndCoversThePath() {
        let axis = LossLandscape.gridAxis([-3, -1, 0.5, 0], count: 41, extent: nil)
        #expect(axis.count == 41 && axis.contains(0))
        let step = axis[1] - axis[0]
        #expect(axis.first! <= -3 + step / 2 && axis.last! >= 0.5 - step / 2)
        #expect(LossLandscape.gridAxis([], count: 5, extent: 2) == [-2, -1, 0, 1, 2])
    }

    /// A tiny landscape (one input, one hidden unit, one class: four parameters, three snapshots)
    /// whose settings are changed by `adjust`.
    static func tinyLandscape(_ adjust: (inout LossLandscape.Settings) -> Void) throws {
        var settings = LossLandscape.Settings()
        settings.grid = 3
        settings.evaluationSamples = 2
        adjust(&settings)
        _ = try LossLandscape.compute(
            snapshots: [[0, 0, 0, 0], [1, 0, 1, 0], [1, 1, 2, 1]], iterations: 2,
            shape: NetworkShape(inputSize: 1, hiddenSize: 1, outputSize: 1),
            images: Images(Matrix(rows: 2, columns: 1, elements: [0.25, 0.75])), labels: [0, 0], settings: settings)
    }

    @Test func settingsWithinTheirRangesGiveALandscape() throws {
        try Self.tinyLandscape { $0.extent = LossLandscape.extentRange.upperBound }
        try Self.tinyLandscape { $0.extent = LossLandscape.extentRange.lowerBound }
    }

    @Test func anExtentBeyondItsRangeStopsWithAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) { try Self.tinyLandscape { $0.extent = 1e308 } }
        await #expect(processExitsWith: .failure) { try Self.tinyLandscape { $0.extent = .leastNonzeroMagnitude } }
    }

    @Test func aGridOrEvaluationSetBeyondItsRangeStopsWithAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) { try Self.tinyLandscape { $0.grid = 2 } }
        await #expect(processExitsWith: .failure) { try Self.tinyLandscape { $0.evaluationSamples = 3 } }
    }
}
